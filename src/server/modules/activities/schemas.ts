/**
 * Shapes of the activity-library and group-activity answers. Responses are parsed through these on
 * the way out, so nothing not named here reaches a client.
 */
import { z } from 'zod';
import { activityModes, listQuery, planDimensions } from '../../../core/schemas/index.ts';

/** The aggregate effect of an activity: counts and means only, never who. */
export const activityEffectShape = z.object({
  dimension: z.enum(planDimensions),
  n: z.number().int(),
  comparisonN: z.number().int(),
  meanChange: z.number().nullable(),
  comparisonMeanChange: z.number().nullable(),
  estimate: z.number().nullable(),
  /** Too few people to read anything into it. */
  small: z.boolean(),
  /** The reading the UI shows: no data, too few to tell, better, worse, no different. */
  kind: z.enum(['none', 'small', 'better', 'worse', 'no_difference']),
});
export type ActivityEffectDto = z.infer<typeof activityEffectShape>;

export const activityShape = z.object({
  id: z.uuid(),
  code: z.string().nullable(),
  dimension: z.enum(planDimensions),
  titleTh: z.string(),
  titleEn: z.string().nullable(),
  descriptionTh: z.string(),
  descriptionEn: z.string().nullable(),
  howTh: z.string().nullable(),
  howEn: z.string().nullable(),
  addresses: z.array(z.string()),
  modes: z.array(z.enum(activityModes)),
  durationWeeks: z.number().int().nullable(),
  providerTypes: z.array(z.string()),
  adlGroups: z.array(z.string()),
  minAge: z.number().int().nullable(),
  maxAge: z.number().int().nullable(),
  source: z.string().nullable(),
  /** null: the platform's; else the area that added it. */
  areaCode: z.string().nullable(),
  createdAt: z.string(),
});
export type ActivityDto = z.infer<typeof activityShape>;

export const activityDetailShape = activityShape.extend({ effect: activityEffectShape });

const areaCode = z.string().regex(/^\d{6}(\d{2})?$/, 'subdistrictOrVillageCode');

export const activityGroupCreate = z
  .object({
    activityId: z.uuid(),
    areaCode,
    name: z.string().trim().min(1).max(200),
    organizationId: z.uuid().optional(),
    schedule: z.string().trim().max(500).optional(),
  })
  .strict();

export const activityGroupListQuery = listQuery
  .extend({
    area: z
      .string()
      .regex(/^\d{2,8}$/, 'areaCode')
      .optional(),
  })
  .strict();

export const attendanceInput = z
  .object({
    heldOn: z.iso.date(),
    present: z
      .array(z.object({ personId: z.uuid(), present: z.boolean() }).strict())
      .min(1)
      .max(500),
  })
  .strict();

export const activityGroupShape = z.object({
  id: z.uuid(),
  activityId: z.uuid(),
  activityTitle: z.string(),
  dimension: z.enum(planDimensions),
  areaCode: z.string(),
  name: z.string(),
  organizationId: z.uuid().nullable(),
  organizationName: z.string().nullable(),
  schedule: z.string().nullable(),
  memberCount: z.number().int(),
  createdAt: z.string(),
});

/** A member the actor may identify; the others are counted, never listed. */
export const activityGroupMember = z.object({
  planActivityId: z.uuid(),
  planId: z.uuid(),
  personId: z.uuid(),
  firstName: z.string(),
  lastName: z.string(),
  villageCode: z.string().nullable(),
  sessions: z.number().int(),
  attended: z.number().int(),
});

export const activityGroupDetail = activityGroupShape.extend({
  members: z.array(activityGroupMember),
  /** Members the actor may not see who they are. */
  otherMembers: z.number().int(),
  sessions: z.array(z.object({ heldOn: z.string(), present: z.number().int(), absent: z.number().int() })),
});

export const attendanceResult = z.object({
  activityGroupId: z.uuid(),
  heldOn: z.string(),
  recorded: z.number().int(),
  present: z.number().int(),
});
