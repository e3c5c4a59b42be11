import {
  type CareTimelineEntry,
  type CareTimelinePage,
  type CareTimelineQuery,
  careTimelineKinds,
} from '../../../core/schemas/careTimeline.ts';
import type { Db } from '../../db/client.ts';
import { decodeCursor, pageOf } from '../../http/cursor.ts';
import { notFound } from '../../http/problem.ts';
import { audit } from '../audit/service.ts';
import { type AccessContext, ensurePersonAccess } from '../groups/access.ts';
import { findPerson } from '../persons/repo.ts';
import { isoOf } from '../screenings/iso.ts';
import { type CareTimelineRow, careTimelineOf } from './repo.ts';

/**
 * A person's care timeline: whoever may read what was done for them (their area team, an
 * identified group member, the person themself) reads it whole; every read is audited.
 */
export async function personCareTimeline(
  c: AccessContext,
  personId: string,
  q: CareTimelineQuery,
): Promise<CareTimelinePage> {
  const person = await findPerson(c.db, personId);
  if (!person) throw notFound();
  const access = await ensurePersonAccess(c, 'service.readHistory', person);
  const after = decodeCursor(q.cursor, 2) as [string, string] | null;
  const kinds = q.kind ? [q.kind] : careTimelineKinds;
  const rows = await careTimelineOf(c.db, person.id, kinds, after, q.limit);
  const page = pageOf(rows, q.limit, (last) => [isoOf(last.at), last.key]);
  await audit(c.db, c.actor, {
    action: 'person.careTimeline.read',
    entity: 'person',
    entityId: person.id,
    areaCode: person.areaCode,
    groupId: access.groupId,
    subjectIds: [person.id],
    detail: { count: page.items.length, kind: q.kind ?? null },
  });
  return { items: page.items.map(entryOf), nextCursor: page.nextCursor };
}

/** The whole timeline, oldest pages last (for the person's own export). */
export async function wholeCareTimeline(db: Db, personId: string): Promise<CareTimelineEntry[]> {
  const out: CareTimelineEntry[] = [];
  for (let after: [string, string] | null = null; ; ) {
    const rows = await careTimelineOf(db, personId, careTimelineKinds, after, EXPORT_PAGE);
    out.push(...rows.slice(0, EXPORT_PAGE).map(entryOf));
    const last = rows[EXPORT_PAGE - 1];
    if (rows.length <= EXPORT_PAGE || !last) return out;
    after = [isoOf(last.at), last.key];
  }
}

const EXPORT_PAGE = 500;

function entryOf(r: CareTimelineRow): CareTimelineEntry {
  return {
    key: r.key,
    at: isoOf(r.at),
    kind: r.kind,
    event: r.event,
    subjectId: r.subject_id,
    organizationName: r.organization_name,
    actorName: r.actor_name,
    note: r.note,
    detail: r.detail ?? {},
  };
}
