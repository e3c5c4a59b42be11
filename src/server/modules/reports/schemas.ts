import { z } from 'zod';
import { areaCode } from '../../../core/schemas/area.ts';
import { reportDimensions } from '../../../core/schemas/report.ts';

/** `?area=&yearBE=&month?&dimension=&level=&limit=&cursor=`: who is behind one light of one dimension. */
export const reportPeopleQuery = z
  .object({
    area: areaCode,
    yearBE: z.coerce.number().int().min(2500).max(2700),
    month: z.coerce.number().int().min(1).max(12).optional(),
    dimension: z.enum(reportDimensions),
    level: z.enum(['green', 'yellow', 'red']),
    limit: z.coerce.number().int().min(1).max(100).default(50),
    cursor: z.string().max(500).optional(),
  })
  .strict();
export type ReportPeopleQuery = z.infer<typeof reportPeopleQuery>;

export const reportPersonRow = z.object({
  id: z.string(),
  firstName: z.string(),
  lastName: z.string(),
  villageCode: z.string().nullable(),
  level: z.enum(['green', 'yellow', 'red']),
  /** When the screening behind the level was taken (the person's latest in the period). */
  takenAt: z.string(),
});
export type ReportPersonRow = z.infer<typeof reportPersonRow>;
