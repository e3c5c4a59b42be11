/**
 * A person's care timeline (issue 8): one list, newest first, of what was done for them by every
 * partner — screenings, plans, referrals and their moves, visits, rides, and help given.
 */
import { z } from 'zod';

export const careTimelineKinds = [
  'screening',
  'plan',
  'referral',
  'transport',
  'visit',
  'assistance',
] as const;
export type CareTimelineKind = (typeof careTimelineKinds)[number];

export const careTimelineQuery = z
  .object({
    kind: z.enum(careTimelineKinds).optional(),
    limit: z.coerce.number().int().min(1).max(500).default(50),
    cursor: z.string().max(500).optional(),
  })
  .strict();
export type CareTimelineQuery = z.infer<typeof careTimelineQuery>;

export const careTimelineEntry = z.object({
  /** Stable per entry: the subject's id, and the event's when it is a status move. */
  key: z.string(),
  at: z.string(),
  kind: z.enum(careTimelineKinds),
  /** What happened: `taken`, `created`, `sent`, `accepted`, `declined`, `scheduled`, `done`, `given`… */
  event: z.string(),
  /** The referral, ride, visit, screening, plan or help record it is about. */
  subjectId: z.string(),
  /** The organisation on the other side (referred to, driving, visiting, giving). */
  organizationName: z.string().nullable(),
  /** The account that did it. */
  actorName: z.string().nullable(),
  note: z.string().nullable(),
  /** A few facts by kind: urgency, instrument, the help's kind and value, the visit's time… */
  detail: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])),
});
export type CareTimelineEntry = z.infer<typeof careTimelineEntry>;

export const careTimelinePage = z.object({
  items: z.array(careTimelineEntry),
  nextCursor: z.string().nullable(),
});
export type CareTimelinePage = z.infer<typeof careTimelinePage>;
