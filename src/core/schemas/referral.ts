/**
 * Shapes of referrals (ส่งต่อ, issue 8 item 4): requests, queries and the answers the server sends back.
 * The rules (transitions, due times, overdue) are in `../services/referral.ts`.
 */
import { z } from 'zod';
import { listQuery } from './common.ts';

export const referralStatuses = [
  'sent',
  'accepted',
  'declined',
  'in_progress',
  'completed',
  'withdrawn',
] as const;
export type ReferralStatus = (typeof referralStatuses)[number];

export const referralUrgencies = ['routine', 'urgent', 'emergency'] as const;
export type ReferralUrgency = (typeof referralUrgencies)[number];

/** The members of a multidisciplinary team a referral may ask for. */
export const referralDisciplines = [
  'social_worker',
  'nurse',
  'physiotherapist',
  'occupational_therapist',
  'doctor',
  'dentist',
  'psychologist',
  'pharmacist',
  'nutritionist',
  'caregiver',
] as const;
export type ReferralDiscipline = (typeof referralDisciplines)[number];

/** The statuses a transition may go to (a referral is only ever created `sent`). */
export const referralTargets = ['accepted', 'declined', 'in_progress', 'completed', 'withdrawn'] as const;

export const referralCreate = z
  .object({
    personId: z.uuid(),
    toOrganizationId: z.uuid(),
    reason: z.string().trim().min(1).max(2000),
    urgency: z.enum(referralUrgencies),
    /** Who the sender asks for; none: the receiving organisation decides. Repeats are dropped. */
    disciplines: z.array(z.enum(referralDisciplines)).max(referralDisciplines.length).optional(),
    /**
     * What goes with it. Left out: the person's latest 20-item screening and active plan (when the sender
     * may read them); `null`: share none of that kind.
     */
    share: z
      .object({ screeningId: z.uuid().nullable().optional(), planId: z.uuid().nullable().optional() })
      .strict()
      .optional(),
    clientId: z.uuid().optional(),
  })
  .strict();
export type ReferralCreate = z.infer<typeof referralCreate>;

export const referralTransition = z
  .object({
    to: z.enum(referralTargets),
    /** Why (required to decline), or what was done (on completing). */
    note: z.string().trim().max(2000).optional(),
    /** The version the client saw: a stale one answers 409 instead of moving a referral it has not seen. */
    version: z.number().int().min(1).optional(),
  })
  .strict();
export type ReferralTransition = z.infer<typeof referralTransition>;

export const referralListQuery = listQuery
  .extend({
    /** `me`: my organisation's incoming queue; `mine`: what I sent. */
    to: z.enum(['me', 'mine']).default('me'),
    /** One status, or `open` (sent, accepted, in progress) or `closed`. */
    status: z.enum([...referralStatuses, 'open', 'closed']).optional(),
    overdue: z.enum(['true', 'false']).optional(),
  })
  .strict();
export type ReferralListQuery = z.infer<typeof referralListQuery>;

const named = z.object({ id: z.uuid(), name: z.string() });

/** The person as the reader may see them: null when the view is pseudonymous. */
export const referralPerson = z.object({
  id: z.uuid(),
  firstName: z.string(),
  lastName: z.string(),
  sex: z.string(),
  birthDate: z.string(),
});

export const referralShape = z.object({
  id: z.uuid(),
  /** `identified` when the reader may read the person or the person shares with the receiving agency. */
  view: z.enum(['identified', 'pseudonymous']),
  person: referralPerson.nullable(),
  areaCode: z.string(),
  villageCode: z.string().nullable(),
  villageName: z.string().nullable(),
  fromUser: named,
  fromOrganization: named.nullable(),
  toOrganization: named,
  disciplines: z.array(z.enum(referralDisciplines)),
  reason: z.string(),
  urgency: z.enum(referralUrgencies),
  status: z.enum(referralStatuses),
  dueAt: z.string(),
  /** Still open and past `dueAt` (core `isOverdue`), when the server answered. */
  overdue: z.boolean(),
  closedAt: z.string().nullable(),
  /** The member who accepted it. */
  assignedUser: named.nullable(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
  /** The moves the reader may make now (the policy and the transition rules together). */
  allowedTransitions: z.array(z.enum(referralTargets)),
});
export type Referral = z.infer<typeof referralShape>;

export const referralEvent = z.object({
  id: z.uuid(),
  fromStatus: z.enum(referralStatuses).nullable(),
  toStatus: z.enum(referralStatuses),
  note: z.string().nullable(),
  actor: named.nullable(),
  at: z.string(),
});
export type ReferralEvent = z.infer<typeof referralEvent>;

/** The screening sent along, in brief: its levels and flags, never the answers. */
export const referralSharedScreening = z.object({
  id: z.uuid(),
  instrument: z.string(),
  takenAt: z.string(),
  levels: z.record(z.string(), z.string()),
  flags: z.array(z.string()),
});

/** The plan sent along, in brief: what is planned and who carries it out. */
export const referralSharedPlan = z.object({
  id: z.uuid(),
  version: z.number().int(),
  status: z.string(),
  startsOn: z.string().nullable(),
  activities: z.array(
    z.object({
      id: z.uuid(),
      title: z.string(),
      dimension: z.string(),
      responsible: z.string(),
      organizationName: z.string().nullable(),
    }),
  ),
});

export const referralDetail = referralShape.extend({
  history: z.array(referralEvent),
  shared: z.object({
    screening: referralSharedScreening.nullable(),
    plan: referralSharedPlan.nullable(),
  }),
});
export type ReferralDetail = z.infer<typeof referralDetail>;

/** The incoming queue in numbers, for a badge: no names, no audit row. */
export const referralCounts = z.object({
  /** Sent to my organisation and not yet accepted or declined. */
  waiting: z.number().int(),
  /** Still open (sent, accepted, in progress). */
  open: z.number().int(),
  /** Open and past due. */
  overdue: z.number().int(),
});
export type ReferralCounts = z.infer<typeof referralCounts>;

/**
 * What the live stream (`GET /api/v1/referrals/stream`, event `referral`) says about a referral that was
 * sent or moved: ids and state only, never a name. The client refetches what it shows.
 */
export const referralSignal = z.object({
  id: z.uuid(),
  kind: z.enum(['created', 'moved']),
  status: z.enum(referralStatuses),
  urgency: z.enum(referralUrgencies),
  dueAt: z.string(),
  version: z.number().int(),
  toOrganizationId: z.uuid(),
});
export type ReferralSignal = z.infer<typeof referralSignal>;
