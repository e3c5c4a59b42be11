/**
 * Inbox actions beyond the list (`inboxQuery`, `inboxItem`, `inboxPage` live
 * with the screening shapes): the unread count for a badge, and marking
 * everything read at once.
 */
import { z } from 'zod';
import { instant } from './screening.ts';

/** The reader's unread items: a number only, cheap enough to poll for a badge. */
export const inboxUnread = z.object({ unread: z.number().int() });
export type InboxUnread = z.infer<typeof inboxUnread>;

export const inboxReadAll = z
  .object({
    /**
     * Marks the items created at or before this instant, usually the newest
     * one the reader has seen: an alert that arrived since stays unread.
     * Everything unread when absent.
     */
    upTo: instant.optional(),
  })
  .strict();
export type InboxReadAll = z.infer<typeof inboxReadAll>;

export const inboxReadAllResult = z.object({
  /** How many items this call marked read. */
  marked: z.number().int(),
  unread: z.number().int(),
});
export type InboxReadAllResult = z.infer<typeof inboxReadAllResult>;

/** What needs the reader now (issue 8 item 6), beside their alerts. */
export const todoKinds = ['visit_today', 'referral_to_accept', 'referral_overdue', 'ride_to_accept'] as const;
export type TodoKind = (typeof todoKinds)[number];

export const todoItem = z.object({
  kind: z.enum(todoKinds),
  /** The visit, referral or ride: its own page decides what the reader sees of the person. */
  id: z.string(),
  /** When it is: the visit's start, the referral's due time, the ride's pick-up. */
  at: z.string(),
  urgency: z.enum(['routine', 'urgent', 'emergency']).nullable(),
  /** The village (or subdistrict) of the person: where the work is, never who. */
  placeName: z.string().nullable(),
  /** For an overdue referral: whether the reader's organisation received it or the reader sent it. */
  side: z.enum(['received', 'sent']).nullable(),
});
export type TodoItem = z.infer<typeof todoItem>;

export const inboxTodo = z.object({
  /** Whole counts; `items` holds the first few of each kind, most pressing first. */
  counts: z.object({
    visitsToday: z.number().int(),
    referralsToAccept: z.number().int(),
    overdue: z.number().int(),
    ridesToAccept: z.number().int(),
    unreadAlerts: z.number().int(),
  }),
  items: z.array(todoItem),
});
export type InboxTodo = z.infer<typeof inboxTodo>;
