/**
 * Shapes of the plan endpoints' answers. Responses are parsed through these on the way out, so a
 * field not named here never reaches a client (a pseudonymous task cannot carry a name).
 */
import { z } from 'zod';
import {
  activityModes,
  listQuery,
  planDimensions,
  planDraftItem,
  planGoals,
  planResponsibles,
  planStatuses,
  progressReporters,
  progressStatuses,
} from '../../../core/schemas/index.ts';

export const progressEntryShape = z.object({
  id: z.uuid(),
  planActivityId: z.uuid(),
  month: z.string(),
  status: z.enum(progressStatuses),
  note: z.string().nullable(),
  photo: z
    .object({ name: z.string(), type: z.string(), size: z.number(), takenAt: z.string().optional() })
    .nullable(),
  reportedAs: z.enum(progressReporters),
  reportedAt: z.string(),
  /** A later report for the same month and activity replaced it (both are kept). */
  superseded: z.boolean(),
});
export type ProgressEntryDto = z.infer<typeof progressEntryShape>;

const latestProgress = z
  .object({
    month: z.string(),
    status: z.enum(progressStatuses),
    note: z.string().nullable(),
    reportedAs: z.enum(progressReporters),
    reportedAt: z.string(),
  })
  .nullable();

const adherenceShape = z.object({ percent: z.number().nullable(), months: z.number().int() });

export const planActivityShape = z.object({
  id: z.uuid(),
  activityId: z.uuid(),
  dimension: z.enum(planDimensions),
  title: z.string(),
  addresses: z.array(z.string()),
  responsible: z.enum(planResponsibles),
  organizationId: z.uuid().nullable(),
  organizationName: z.string().nullable(),
  responsibleName: z.string().nullable(),
  mode: z.enum(activityModes),
  goal: z.string().nullable(),
  startsOn: z.string().nullable(),
  endsOn: z.string().nullable(),
  activityGroupId: z.uuid().nullable(),
  latestProgress,
  /** Percent of the months reported that were done (partly counts half), null before any report. */
  adherence: z.number().nullable(),
  /** Sessions of its group activity recorded for this person, and how many they came to. */
  attendance: z.object({ sessions: z.number().int(), attended: z.number().int() }).nullable(),
});
export type PlanActivityDto = z.infer<typeof planActivityShape>;

export const planShape = z.object({
  id: z.uuid(),
  personId: z.uuid(),
  version: z.number().int(),
  /** The plan's latest version (differs from `version` when an older one was asked for). */
  currentVersion: z.number().int(),
  status: z.enum(planStatuses),
  goals: planGoals,
  startsOn: z.string().nullable(),
  endsOn: z.string().nullable(),
  screeningId: z.uuid().nullable(),
  activities: z.array(planActivityShape),
  adherence: adherenceShape,
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type PlanDto = z.infer<typeof planShape>;

export const planVersionShape = z.object({
  version: z.number().int(),
  reason: z.string().nullable(),
  status: z.enum(planStatuses),
  activityCount: z.number().int(),
  createdBy: z.uuid().nullable(),
  createdAt: z.string(),
});

export const planVersionQuery = z
  .object({ version: z.coerce.number().int().min(1).max(100_000).optional() })
  .strict();

export const planListQuery = listQuery;

export const planDraftResponse = z.object({
  items: z.array(planDraftItem),
  screeningId: z.uuid(),
  takenAt: z.string(),
  needsScreeningId: z.uuid().nullable(),
});

export const progressResult = z.object({
  planId: z.uuid(),
  month: z.string(),
  entries: z.array(progressEntryShape),
  adherence: adherenceShape,
});

export const progressListQuery = listQuery
  .extend({
    month: z
      .string()
      .regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'month')
      .optional(),
  })
  .strict();

export const taskListQuery = listQuery.extend({ organization: z.enum(['mine']) }).strict();

export const taskShape = z.object({
  planActivityId: z.uuid(),
  planId: z.uuid(),
  activityId: z.uuid(),
  dimension: z.enum(planDimensions),
  title: z.string(),
  mode: z.enum(activityModes),
  goal: z.string().nullable(),
  startsOn: z.string().nullable(),
  endsOn: z.string().nullable(),
  areaCode: z.string(),
  villageCode: z.string().nullable(),
  villageName: z.string().nullable(),
  /** identified: the member may read the person or the person shares with agencies. */
  view: z.enum(['identified', 'pseudonymous']),
  person: z.object({ id: z.uuid(), firstName: z.string(), lastName: z.string() }).nullable(),
  latestProgress,
});
export type TaskDto = z.infer<typeof taskShape>;
