import { decide } from '../../../core/policy/index.ts';
import type { InboxTodo, TodoItem, TodoKind } from '../../../core/schemas/inbox.ts';
import { thaiToday } from '../../../core/thai/birthDate.ts';
import { ensureAllowed } from '../../http/auth.ts';
import { audit } from '../audit/service.ts';
import { isoOf } from '../screenings/iso.ts';
import { unreadCount } from './repo.ts';
import type { InboxContext } from './service.ts';
import {
  overdueReferrals,
  referralsToAccept,
  ridesToAccept,
  type TodoRow,
  visitsBetween,
} from './todoRepo.ts';

/** How many of each kind the list shows; the counts are whole. */
const FIRST = 20;
const DAY_MS = 86_400_000;

/**
 * What needs the reader now: their visits today, the referrals and rides their organisation has to
 * answer, and the referrals past due on either side, beside their unread alerts. Places and times
 * only — each record's own page shows the person as the policy allows.
 */
export async function inboxTodo(c: InboxContext, now = new Date()): Promise<InboxTodo> {
  ensureAllowed(c.actor, { action: 'inbox.read' });
  const org = c.actor.organizationId;
  // Whether the reader answers for their organisation: the policy's own question, on an incoming item.
  const answers =
    org !== null &&
    decide(c.actor, {
      action: 'referral.respond',
      referral: { fromUserId: '', toOrganizationId: org, place: '' },
    }).allow;
  const dayStart = Date.parse(`${thaiToday(now)}T00:00:00+07:00`);
  const [visits, referrals, overdue, rides, unreadAlerts] = await Promise.all([
    visitsBetween(c.db, c.actor.userId, iso(dayStart), iso(dayStart + DAY_MS), FIRST),
    answers ? referralsToAccept(c.db, org, FIRST) : [],
    overdueReferrals(c.db, {
      userId: c.actor.userId,
      organizationId: answers ? org : null,
      now: now.toISOString(),
      limit: FIRST,
    }),
    answers ? ridesToAccept(c.db, org, FIRST) : [],
    unreadCount(c.db, c.actor.userId),
  ]);
  const counts = {
    visitsToday: totalOf(visits),
    referralsToAccept: totalOf(referrals),
    overdue: totalOf(overdue),
    ridesToAccept: totalOf(rides),
    unreadAlerts,
  };
  await audit(c.db, c.actor, {
    action: 'inbox.todo',
    entity: 'user',
    entityId: c.actor.userId,
    detail: counts,
  });
  return {
    counts,
    items: [
      ...items('referral_overdue', overdue),
      ...items('referral_to_accept', referrals),
      ...items('visit_today', visits),
      ...items('ride_to_accept', rides),
    ],
  };
}

const iso = (ms: number) => new Date(ms).toISOString();
const totalOf = (rows: TodoRow[]) => rows[0]?.total ?? 0;

function items(kind: TodoKind, rows: TodoRow[]): TodoItem[] {
  return rows.map((r) => ({
    kind,
    id: r.id,
    at: isoOf(r.at),
    urgency: (r.urgency as TodoItem['urgency']) ?? null,
    placeName: r.place_name,
    side: r.side,
  }));
}
