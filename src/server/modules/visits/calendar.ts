/**
 * One calendar per organisation, per user and per area (issue 8, item 2): the visits in a range of
 * Thai days, each person by name only as `taskView` allows, and the conflict and overload warnings.
 */

import { type CalendarOwner, taskView } from '../../../core/policy/index.ts';
import type { Calendar, CalendarQuery } from '../../../core/schemas/index.ts';
import { bangkokDate } from '../../../core/screenings/month.ts';
import { calendarRange, MAX_CALENDAR_DAYS } from '../../../core/services/calendar.ts';
import { ensureAllowed } from '../../http/auth.ts';
import { invalid, notFound } from '../../http/problem.ts';
import { audit } from '../audit/service.ts';
import { filterAccessible } from '../groups/access.ts';
import { organizationNames } from '../organizations/repo.ts';
import { findUserById } from '../users/repo.ts';
import { conflictsFor } from './conflicts.ts';
import { calendarDtos, presentWarnings } from './dto.ts';
import {
  areaName,
  type CalendarScope,
  calendarRows,
  personNames,
  sharingWith,
  type VisitRow,
} from './repo.ts';
import type { VisitContext } from './service.ts';

/** One answer holds at most this many visits (about 30 a day for two months); more says `truncated`. */
export const CALENDAR_MAX_ITEMS = 2000;

interface Owner {
  policy: CalendarOwner;
  scope: CalendarScope;
  id: string;
  name: string | null;
}

/** Whose calendar the query names, checked with the policy (403 for another's calendar). */
async function ownerOf(c: VisitContext, q: CalendarQuery): Promise<Owner> {
  if (q.organization) {
    const policy: CalendarOwner = { kind: 'organization', organizationId: q.organization };
    ensureAllowed(c.actor, { action: 'calendar.read', calendar: policy });
    const name = (await organizationNames(c.db, [q.organization])).get(q.organization);
    if (name === undefined) throw notFound();
    return { policy, scope: policy, id: q.organization, name };
  }
  if (q.area) {
    const policy: CalendarOwner = { kind: 'area', areaCode: q.area };
    ensureAllowed(c.actor, { action: 'calendar.read', calendar: policy });
    return { policy, scope: policy, id: q.area, name: await areaName(c.db, q.area) };
  }
  const userId = q.user ?? c.actor.userId;
  const user = userId === c.actor.userId ? null : await findUserById(c.db, userId);
  // An unknown user is judged like one outside the actor's areas: 403, so ids do not leak.
  const areaCodes = userId === c.actor.userId ? c.actor.areaCodes : (user?.areaCodes ?? []);
  const policy: CalendarOwner = { kind: 'user', userId, areaCodes };
  ensureAllowed(c.actor, { action: 'calendar.read', calendar: policy });
  const self = userId === c.actor.userId ? await findUserById(c.db, userId) : user;
  if (!self) throw notFound();
  return { policy, scope: { kind: 'user', userId }, id: userId, name: self.displayName };
}

/** The visits as this reader may see them: by name only where `taskView` says so. */
async function itemsAsSeen(c: VisitContext, rows: VisitRow[]) {
  const names = await personNames(
    c.db,
    rows.map((r) => r.personId),
  );
  const people = [...names.values()];
  const [readable, sharing] = await Promise.all([
    filterAccessible({ db: c.db, actor: c.actor, today: bangkokDate(c.now) }, 'person.read', people),
    c.actor.organizationId
      ? sharingWith(
          c.db,
          c.actor.organizationId,
          people.map((p) => p.id),
        )
      : Promise.resolve(new Set<string>()),
  ]);
  const mayRead = new Set(readable.map((p) => p.id));
  const identified = new Set(
    people
      .filter(
        (p) =>
          taskView({ mayReadPerson: mayRead.has(p.id), shareAgencies: sharing.has(p.id) }) === 'identified',
      )
      .map((p) => p.id),
  );
  const items = await calendarDtos(
    c.db,
    rows,
    (v) => (identified.has(v.personId) ? 'identified' : 'pseudonymous'),
    names,
  );
  return { items, identified };
}

export async function readCalendar(c: VisitContext, q: CalendarQuery): Promise<Calendar> {
  const owner = await ownerOf(c, q);
  const range = calendarRange(q.from, q.to);
  if (!range.ok) throw invalid('query.to', range.problem, { max: MAX_CALENDAR_DAYS });

  const fetched = await calendarRows(c.db, owner.scope, range, CALENDAR_MAX_ITEMS);
  const rows = fetched.slice(0, CALENDAR_MAX_ITEMS);
  // The warnings judge thousands of neighbouring visits: read while the names and views are worked out.
  const [warnings, { items, identified }] = await Promise.all([
    conflictsFor(c.db, rows),
    itemsAsSeen(c, rows),
  ]);
  await audit(c.db, c.actor, {
    action: 'calendar.read',
    entity: 'calendar',
    entityId: owner.policy.kind === 'area' ? null : owner.id,
    areaCode: owner.policy.kind === 'area' ? owner.id : null,
    subjectIds: [...new Set(rows.map((r) => r.personId))],
    detail: {
      owner: owner.policy.kind,
      from: q.from,
      to: q.to,
      count: items.length,
      identified: items.filter((i) => i.view === 'identified').length,
      warnings: warnings.length,
    },
  });
  return {
    owner: { kind: owner.policy.kind, id: owner.id, name: owner.name },
    from: q.from,
    to: q.to,
    items,
    warnings: presentWarnings(warnings, identified),
    truncated: fetched.length > CALENDAR_MAX_ITEMS,
  };
}
