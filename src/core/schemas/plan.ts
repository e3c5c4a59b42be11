import { z } from 'zod';
import { listQuery } from './common.ts';

/**
 * Individual well-being plans (DOMAIN.md steps 7–9) and the library of proven activities they are
 * drafted from. Shapes of `../shared/design/API.md`: plan draft, plan, progress.
 */

export const planDimensions = ['health', 'economy', 'society', 'environment'] as const;
export type PlanDimension = (typeof planDimensions)[number];

/** How an activity is done. */
export const activityModes = ['self', 'family', 'group', 'agency'] as const;
export type ActivityMode = (typeof activityModes)[number];

/** Who carries it out. */
export const planResponsibles = ['self', 'family', 'volunteer', 'organization'] as const;
export type PlanResponsible = (typeof planResponsibles)[number];

export const progressStatuses = ['done', 'partly', 'not_done'] as const;
export type ProgressStatus = (typeof progressStatuses)[number];

/** Who reported a month's progress. */
export const progressReporters = ['self', 'proxy', 'volunteer', 'organization', 'staff'] as const;
export type ProgressReporter = (typeof progressReporters)[number];

export const planStatuses = ['active', 'closed'] as const;
export type PlanStatus = (typeof planStatuses)[number];

const isoDate = z.iso.date();
const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'month');
/** Screening item codes (H1…V5) and needs codes. */
const itemCode = z.string().regex(/^[A-Za-z0-9_.-]{1,40}$/, 'itemCode');

export const activityCreate = z
  .object({
    dimension: z.enum(planDimensions),
    titleTh: z.string().trim().min(1).max(200),
    titleEn: z.string().trim().max(200).optional(),
    descriptionTh: z.string().trim().min(1).max(4000),
    descriptionEn: z.string().trim().max(4000).optional(),
    howTh: z.string().trim().max(4000).optional(),
    howEn: z.string().trim().max(4000).optional(),
    addresses: z.array(itemCode).max(40).default([]),
    modes: z.array(z.enum(activityModes)).min(1).max(4),
    durationWeeks: z.number().int().min(1).max(520).optional(),
    providerTypes: z.array(z.string().trim().min(1).max(60)).max(20).default([]),
    adlGroups: z
      .array(z.enum(['social_bound', 'home_bound', 'bed_bound']))
      .max(3)
      .default([]),
    minAge: z.number().int().min(0).max(130).optional(),
    maxAge: z.number().int().min(0).max(130).optional(),
    source: z.string().trim().max(2000).optional(),
    /** An area's own activity (area admins); none: the platform's (operators only). */
    areaCode: z
      .string()
      .regex(/^\d{2,8}$/)
      .optional(),
  })
  .strict();
export type ActivityCreate = z.infer<typeof activityCreate>;

export const activityListQuery = listQuery
  .extend({
    dimension: z.enum(planDimensions).optional(),
    /** An item code the activity addresses. */
    addresses: itemCode.optional(),
    mode: z.enum(activityModes).optional(),
    q: z.string().trim().max(100).optional(),
  })
  .strict();

export const planDraftRequest = z.object({ screeningId: z.uuid().optional() }).strict();

export const planDraftItem = z.object({
  activityId: z.uuid(),
  dimension: z.enum(planDimensions),
  title: z.string(),
  /** The yellow/red items and needs of the screening it answers. */
  addresses: z.array(z.string()),
  /** 1 = the best candidate of its dimension. */
  rank: z.number().int().min(1),
});
export type PlanDraftItem = z.infer<typeof planDraftItem>;

/** Target level per dimension and the person's own goal in their words. */
export const planGoals = z
  .object({
    targets: z.partialRecord(z.enum(planDimensions), z.enum(['green', 'yellow'])).optional(),
    personal: z.string().trim().max(1000).optional(),
  })
  .strict();
export type PlanGoals = z.infer<typeof planGoals>;

export const planActivityInput = z
  .object({
    activityId: z.uuid(),
    responsible: z.enum(planResponsibles),
    organizationId: z.uuid().optional(),
    /** A family member or volunteer by name, when not an account. */
    responsibleName: z.string().trim().max(200).optional(),
    mode: z.enum(activityModes).optional(),
    /** The title as the person wants it (defaults to the library's). */
    title: z.string().trim().min(1).max(200).optional(),
    goal: z.string().trim().max(1000).optional(),
    startsOn: isoDate.optional(),
    endsOn: isoDate.optional(),
    activityGroupId: z.uuid().optional(),
  })
  .strict()
  .refine((a) => a.responsible !== 'organization' || a.organizationId, {
    path: ['organizationId'],
    message: 'required',
  });
export type PlanActivityInput = z.infer<typeof planActivityInput>;

export const planCreate = z
  .object({
    activities: z.array(planActivityInput).min(1).max(40),
    goals: planGoals.optional(),
    startsOn: isoDate.optional(),
    endsOn: isoDate.optional(),
    screeningId: z.uuid().optional(),
    clientId: z.uuid().optional(),
  })
  .strict();
export type PlanCreate = z.infer<typeof planCreate>;

/** An adjustment: a new version with a reason; what is left out is dropped from the plan (kept in history). */
export const planPatch = z
  .object({
    reason: z.string().trim().min(1).max(1000),
    activities: z
      .array(planActivityInput.and(z.object({ id: z.uuid().optional() })))
      .max(40)
      .optional(),
    goals: planGoals.optional(),
    startsOn: isoDate.nullable().optional(),
    endsOn: isoDate.nullable().optional(),
    status: z.enum(planStatuses).optional(),
  })
  .strict();
export type PlanPatch = z.infer<typeof planPatch>;

export const progressPhoto = z
  .object({
    name: z.string().trim().min(1).max(200),
    type: z.string().regex(/^image\/[a-z0-9.+-]+$/),
    size: z
      .number()
      .int()
      .min(1)
      .max(20 * 1024 * 1024),
    takenAt: z.iso.datetime({ offset: true }).optional(),
  })
  .strict();

export const planProgressInput = z
  .object({
    month,
    entries: z
      .array(
        z
          .object({
            planActivityId: z.uuid(),
            status: z.enum(progressStatuses),
            note: z.string().trim().max(1000).optional(),
            photo: progressPhoto.optional(),
          })
          .strict(),
      )
      .min(1)
      .max(40),
    clientId: z.uuid().optional(),
  })
  .strict();
export type PlanProgressInput = z.infer<typeof planProgressInput>;
