import type { Actor } from '../../../core/policy/index.ts';
import type { InboxItem } from '../../../core/schemas/index.ts';
import { thaiToday } from '../../../core/thai/birthDate.ts';
import type { Db } from '../../db/client.ts';
import { ensureAllowed } from '../../http/auth.ts';
import { decodeCursor, pageOf } from '../../http/cursor.ts';
import { notFound } from '../../http/problem.ts';
import { audit } from '../audit/service.ts';
import { filterAccessible } from '../groups/access.ts';
import { isoOf } from '../screenings/iso.ts';
import {
  type AlertRow,
  alertRecipients,
  alertsOf,
  findAlert,
  insertAlerts,
  markAllRead,
  markRead,
  peopleOf,
  unreadCount,
} from './repo.ts';

export interface InboxContext {
  db: Db;
  actor: Actor;
}

/** What a scored screening raises: its red flags, and its urgent follow-ups (e.g. any positive 8Q). */
export interface Raised {
  flag: string;
  urgent: boolean;
}

export function raisedBy(scored: {
  flags: readonly string[];
  followUps: readonly { instrument?: string; reason: string; urgent: boolean }[];
}): Raised[] {
  const urgent = new Set(scored.followUps.filter((f) => f.urgent).map((f) => f.reason));
  const codes = new Set([...scored.flags, ...urgent]);
  return [...codes].map((flag) => ({ flag, urgent: urgent.has(flag) }));
}

/**
 * Alerts for a screening, inside the caller's transaction: to every area
 * admin responsible for the person's area, and to the screener (who stands in
 * for the assigned volunteer until assignments exist). Ids and codes only.
 * Returns how many were created; a flag already raised on this screening is
 * not raised again (a correction adds only new flags).
 */
export async function raiseAlerts(
  db: Db,
  s: {
    screeningId: string;
    personId: string;
    areaCode: string;
    place: string;
    instrument: string;
    screenerId: string | null;
    raised: Raised[];
  },
): Promise<number> {
  if (s.raised.length === 0) return 0;
  const recipients = await alertRecipients(db, s.place, s.screenerId);
  const rows = recipients.flatMap((recipientId) =>
    s.raised.map((r) => ({
      recipientId,
      kind: 'alert',
      personId: s.personId,
      screeningId: s.screeningId,
      areaCode: s.areaCode,
      instrument: s.instrument,
      flag: r.flag,
      urgent: r.urgent,
    })),
  );
  return insertAlerts(db, rows);
}

export async function listInbox(
  c: InboxContext,
  q: { status: 'open' | 'all'; limit: number; cursor?: string },
): Promise<{ items: InboxItem[]; nextCursor: string | null; unread: number }> {
  ensureAllowed(c.actor, { action: 'inbox.read' });
  const after = decodeCursor(q.cursor, 2) as [string, string] | null;
  const rows = await alertsOf(c.db, {
    recipientId: c.actor.userId,
    openOnly: q.status === 'open',
    after,
    limit: q.limit,
  });
  const page = pageOf(rows, q.limit, (last) => [isoOf(last.createdAt), last.id]);
  const items = await present(c, page.items);
  await audit(c.db, c.actor, { action: 'inbox.list', entity: 'alert', detail: { count: items.length } });
  return { items, nextCursor: page.nextCursor, unread: await unreadCount(c.db, c.actor.userId) };
}

export async function readInboxItem(c: InboxContext, id: string): Promise<InboxItem> {
  const row = await findAlert(c.db, id);
  if (!row) throw notFound();
  ensureAllowed(c.actor, { action: 'inbox.item', recipientId: row.recipientId });
  const updated = await c.db.transaction(async (tx) => {
    const marked = await markRead(tx, id);
    await audit(tx, c.actor, {
      action: 'inbox.read',
      entity: 'alert',
      entityId: id,
      areaCode: row.areaCode,
      detail: { screeningId: row.screeningId },
    });
    return marked;
  });
  return (await present(c, [updated]))[0]!;
}

/** The badge's number: a count of the reader's own unread items, no personal data, so not audited. */
export async function inboxUnreadCount(c: InboxContext): Promise<{ unread: number }> {
  ensureAllowed(c.actor, { action: 'inbox.read' });
  return { unread: await unreadCount(c.db, c.actor.userId) };
}

/** "Mark all read": the reader's own items only, up to the newest one they have seen. */
export async function readAllInbox(
  c: InboxContext,
  q: { upTo?: string },
): Promise<{ marked: number; unread: number }> {
  ensureAllowed(c.actor, { action: 'inbox.read' });
  const marked = await c.db.transaction(async (tx) => {
    const n = await markAllRead(tx, c.actor.userId, q.upTo ?? null);
    await audit(tx, c.actor, { action: 'inbox.readAll', entity: 'alert', detail: { count: n } });
    return n;
  });
  return { marked, unread: await unreadCount(c.db, c.actor.userId) };
}

/** Names are joined when listed, for readers who may still see the person; the alert itself holds none. */
async function present(c: InboxContext, rows: AlertRow[]): Promise<InboxItem[]> {
  const people = await peopleOf(c.db, [...new Set(rows.map((r) => r.personId))]);
  const readable = await filterAccessible({ ...c, today: thaiToday() }, 'person.read', people);
  const visible = new Map(
    readable.map((p) => [p.id, { firstName: p.firstName, lastName: p.lastName, villageNo: p.villageNo }]),
  );
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind as InboxItem['kind'],
    personId: r.personId,
    screeningId: r.screeningId,
    instrument: r.instrument,
    flag: r.flag,
    urgent: r.urgent,
    areaCode: r.areaCode,
    createdAt: isoOf(r.createdAt),
    readAt: r.readAt ? isoOf(r.readAt) : null,
    person: visible.get(r.personId) ?? null,
  }));
}
