import { sql } from 'drizzle-orm';
import { OPEN_STATUSES } from '../../../core/services/referral.ts';
import type { Db } from '../../db/client.ts';

/** One row of a to-do list, with the whole list's size (`count(*) over ()`) beside the first few. */
export interface TodoRow {
  id: string;
  at: string | Date;
  urgency: string | null;
  place_name: string | null;
  side: 'received' | 'sent' | null;
  from_user_id: string | null;
  to_organization_id: string | null;
  place: string;
  total: number;
}

async function rows(db: Db, query: ReturnType<typeof sql>): Promise<TodoRow[]> {
  const result = (await db.execute(query)) as unknown as { rows: TodoRow[] };
  return result.rows.map((r) => ({ ...r, total: Number(r.total) }));
}

const openStatuses = sql.join(
  OPEN_STATUSES.map((s) => sql`${s}`),
  sql`, `,
);
const urgencyOrder = sql`case r.urgency when 'emergency' then 0 when 'urgent' then 1 else 2 end`;
const placeName = (alias: string) =>
  sql.raw(
    `(select a.name_th from area a where a.code = coalesce(${alias}.village_code, ${alias}.area_code))`,
  );

/** The reader's scheduled visits between two instants (their Thai day), earliest first. */
export function visitsBetween(db: Db, userId: string, from: string, to: string, limit: number) {
  return rows(
    db,
    sql`select v.id, v.starts_at as at, null as urgency, ${placeName('v')} as place_name, null as side,
               null as from_user_id, null as to_organization_id,
               coalesce(v.village_code, v.area_code) as place, count(*) over () as total
          from visit v
         where ${userId}::uuid = any(v.assignee_ids) and v.status = 'scheduled'
           and v.starts_at >= ${from}::timestamptz and v.starts_at < ${to}::timestamptz
         order by v.starts_at, v.id
         limit ${limit}`,
  );
}

/** Referrals sent to the organisation and not yet answered: the most urgent, then the soonest due. */
export function referralsToAccept(db: Db, organizationId: string, limit: number) {
  return rows(
    db,
    sql`select r.id, r.due_at as at, r.urgency, ${placeName('r')} as place_name, 'received' as side,
               r.from_user_id, r.to_organization_id,
               coalesce(r.village_code, r.area_code) as place, count(*) over () as total
          from referral r
         where r.to_organization_id = ${organizationId} and r.status = 'sent'
         order by ${urgencyOrder}, r.due_at, r.id
         limit ${limit}`,
  );
}

/** Open referrals past their due time that the organisation received or the reader sent. */
export function overdueReferrals(
  db: Db,
  s: { userId: string; organizationId: string | null; now: string; limit: number },
) {
  const received = s.organizationId ? sql`r.to_organization_id = ${s.organizationId}` : sql`false`;
  return rows(
    db,
    sql`select r.id, r.due_at as at, r.urgency, ${placeName('r')} as place_name,
               case when ${received} then 'received' else 'sent' end as side,
               r.from_user_id, r.to_organization_id,
               coalesce(r.village_code, r.area_code) as place, count(*) over () as total
          from referral r
         where (${received} or r.from_user_id = ${s.userId})
           and r.status in (${openStatuses}) and r.due_at < ${s.now}::timestamptz
         order by r.due_at, r.id
         limit ${s.limit}`,
  );
}

/** Rides asked of the organisation and not yet answered, soonest pick-up first. */
export function ridesToAccept(db: Db, organizationId: string, limit: number) {
  return rows(
    db,
    sql`select t.id, t.pickup_at as at, null as urgency, ${placeName('t')} as place_name, null as side,
               t.requested_by as from_user_id, t.provider_organization_id as to_organization_id,
               coalesce(t.village_code, t.area_code) as place, count(*) over () as total
          from transport_request t
         where t.provider_organization_id = ${organizationId} and t.status = 'requested'
         order by t.pickup_at, t.id
         limit ${limit}`,
  );
}
