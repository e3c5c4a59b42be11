import { type SQL, sql } from 'drizzle-orm';
import type { CareTimelineKind } from '../../../core/schemas/careTimeline.ts';
import type { Db } from '../../db/client.ts';

export interface CareTimelineRow {
  key: string;
  at: string;
  kind: CareTimelineKind;
  event: string;
  subject_id: string;
  organization_name: string | null;
  actor_name: string | null;
  note: string | null;
  detail: Record<string, string | number | boolean | null>;
}

/**
 * One query per kind, each reading its own table by the person's index; a status move comes from
 * `service_event` (a creation row there, with no `from_status`, is the subject row itself).
 */
function sources(personId: string): Record<CareTimelineKind, SQL> {
  const moves = (subject: 'referral' | 'transport', table: SQL, orgColumn: SQL) => sql`
    select r.id::text || ':' || e.id::text as key, e.at, ${subject} as kind, e.to_status as event,
           r.id as subject_id, o.name as organization_name, u.display_name as actor_name, e.note,
           '{}'::jsonb as detail
      from ${table} r
      join service_event e on e.subject_id = r.id and e.subject = ${subject} and e.from_status is not null
      join organization o on o.id = ${orgColumn}
      left join app_user u on u.id = e.actor_id
     where r.person_id = ${personId}`;
  return {
    screening: sql`
      select s.id::text, s.taken_at, 'screening', 'taken', s.id, null, u.display_name, null,
             jsonb_build_object('instrument', s.instrument)
        from screening s left join app_user u on u.id = s.taken_by
       where s.person_id = ${personId}`,
    plan: sql`
      select p.id::text, p.created_at, 'plan', 'created', p.id, null, u.display_name, null,
             jsonb_build_object('status', p.status)
        from plan p left join app_user u on u.id = p.created_by
       where p.person_id = ${personId}`,
    referral: sql`
      select r.id::text, r.created_at, 'referral', 'sent', r.id, o.name, u.display_name, r.reason,
             jsonb_build_object('urgency', r.urgency, 'status', r.status)
        from referral r
        join organization o on o.id = r.to_organization_id
        left join app_user u on u.id = r.from_user_id
       where r.person_id = ${personId}
      union all ${moves('referral', sql`referral`, sql`r.to_organization_id`)}`,
    transport: sql`
      select r.id::text, r.created_at, 'transport', 'requested', r.id, o.name, u.display_name, r.note,
             jsonb_build_object('pickupAt', r.pickup_at, 'status', r.status)
        from transport_request r
        join organization o on o.id = r.provider_organization_id
        left join app_user u on u.id = r.requested_by
       where r.person_id = ${personId}
      union all ${moves('transport', sql`transport_request`, sql`r.provider_organization_id`)}`,
    // A visit is planned once and has one outcome: its row holds both.
    visit: sql`
      select v.id::text, v.created_at, 'visit', 'scheduled', v.id, o.name, u.display_name, v.purpose,
             jsonb_build_object('visitKind', v.kind, 'startsAt', v.starts_at, 'status', v.status)
        from visit v
        left join organization o on o.id = v.organization_id
        left join app_user u on u.id = v.created_by
       where v.person_id = ${personId}
      union all
      select v.id::text || ':' || v.status, v.updated_at, 'visit', v.status, v.id, o.name, null,
             v.record ->> 'notes', jsonb_build_object('visitKind', v.kind, 'startsAt', v.starts_at)
        from visit v left join organization o on o.id = v.organization_id
       where v.person_id = ${personId} and v.status <> 'scheduled'`,
    assistance: sql`
      select a.id::text, a.created_at, 'assistance', 'given', a.id, o.name, u.display_name, a.description,
             jsonb_build_object('assistanceKind', a.kind, 'value', a.value, 'givenOn', a.given_on)
        from assistance a
        join organization o on o.id = a.organization_id
        left join app_user u on u.id = a.recorded_by
       where a.person_id = ${personId}`,
  };
}

/** One page of a person's timeline, newest first, after the keyset cursor `(at, key)`. */
export async function careTimelineOf(
  db: Db,
  personId: string,
  kinds: readonly CareTimelineKind[],
  after: [string, string] | null,
  limit: number,
): Promise<CareTimelineRow[]> {
  const all = sources(personId);
  const union = sql.join(
    kinds.map((k) => sql`(${all[k]})`),
    sql` union all `,
  );
  const where = after ? sql`where (t.at, t.key) < (${after[0]}::timestamptz, ${after[1]})` : sql``;
  const result = (await db.execute(sql`
    select t.key, t.at, t.kind, t.event, t.subject_id, t.organization_name, t.actor_name, t.note, t.detail
      from (${union}) as t(key, at, kind, event, subject_id, organization_name, actor_name, note, detail)
      ${where}
     order by t.at desc, t.key desc
     limit ${limit + 1}`)) as unknown as { rows: CareTimelineRow[] };
  return result.rows;
}
