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
