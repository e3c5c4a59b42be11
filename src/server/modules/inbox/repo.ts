import { and, desc, eq, inArray, isNull, type SQL, type SQLWrapper, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { alerts, persons, users } from '../../db/schema.ts';

export type AlertRow = typeof alerts.$inferSelect;
export type AlertInsert = typeof alerts.$inferInsert;

/** The DOPA codes that cover a place: 90150803 → 90, 9015, 901508, 90150803. */
export function coveringCodes(place: string): string[] {
  const codes: string[] = [];
  for (let n = 2; n <= place.length; n += 2) codes.push(place.slice(0, n));
  return codes;
}

/**
 * Who a red flag alerts, as a query of one `id` column: every active area admin whose areas cover the
 * place (`covering`: its `coveringCodes`, a text[]; GIN index on area_codes), and the screener while
 * their account is active. The one rule, for `alertRecipients` and for the screening's single-statement
 * store (which passes placeholders).
 */
export function alertRecipientsQuery(covering: SQLWrapper, screenerId: SQLWrapper): SQL {
  return sql`select u.id from ${users} u
     where u.disabled = false and 'area_admin' = any(u.roles) and u.area_codes && ${covering}::text[]
    union
    select u.id from ${users} u where u.id = ${screenerId}::uuid and u.disabled = false`;
}

/** The alert's recipients for a place and a screener (see `alertRecipientsQuery`), in one query. */
export async function alertRecipients(db: Db, place: string, screenerId: string | null): Promise<string[]> {
  const result = await db.execute(
    alertRecipientsQuery(sql.param(coveringCodes(place)), sql.param(screenerId)),
  );
  return (result as unknown as { rows: { id: string }[] }).rows.map((r) => r.id);
}

/** One alert per (screening, recipient, flag): raising the same flag again adds nothing. */
export async function insertAlerts(db: Db, rows: AlertInsert[]): Promise<number> {
  if (rows.length === 0) return 0;
  const inserted = await db
    .insert(alerts)
    .values(rows)
    .onConflictDoNothing({ target: [alerts.screeningId, alerts.recipientId, alerts.flag] })
    .returning({ id: alerts.id });
  return inserted.length;
}

export async function alertsOf(
  db: Db,
  q: { recipientId: string; openOnly: boolean; after: [string, string] | null; limit: number },
): Promise<AlertRow[]> {
  const where: SQL[] = [eq(alerts.recipientId, q.recipientId)];
  if (q.openOnly) where.push(isNull(alerts.readAt));
  if (q.after) {
    where.push(sql`(${alerts.createdAt}, ${alerts.id}) < (${q.after[0]}::timestamptz, ${q.after[1]}::uuid)`);
  }
  return db
    .select()
    .from(alerts)
    .where(and(...where))
    .orderBy(desc(alerts.createdAt), desc(alerts.id))
    .limit(q.limit + 1);
}

export async function unreadCount(db: Db, recipientId: string): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(alerts)
    .where(and(eq(alerts.recipientId, recipientId), isNull(alerts.readAt)));
  return Number(row?.n ?? 0);
}

export async function findAlert(db: Db, id: string): Promise<AlertRow | undefined> {
  const [row] = await db.select().from(alerts).where(eq(alerts.id, id)).limit(1);
  return row;
}

/**
 * Marks every unread item of the recipient read, those created up to `upTo`
 * when given (the partial unread index finds them). Returns how many.
 */
export async function markAllRead(db: Db, recipientId: string, upTo: string | null): Promise<number> {
  const where: SQL[] = [eq(alerts.recipientId, recipientId), isNull(alerts.readAt)];
  if (upTo) where.push(sql`${alerts.createdAt} <= ${upTo}::timestamptz`);
  const rows = await db
    .update(alerts)
    .set({ readAt: sql`now()` })
    .where(and(...where))
    .returning({ id: alerts.id });
  return rows.length;
}

/** The first reading counts: marking again keeps the original time. */
export async function markRead(db: Db, id: string): Promise<AlertRow> {
  const [row] = await db
    .update(alerts)
    .set({ readAt: sql`coalesce(${alerts.readAt}, now())` })
    .where(eq(alerts.id, id))
    .returning();
  return row!;
}

export async function peopleOf(db: Db, ids: string[]) {
  if (ids.length === 0) return [];
  return db
    .select({
      id: persons.id,
      firstName: persons.firstName,
      lastName: persons.lastName,
      villageNo: persons.villageNo,
      areaCode: persons.areaCode,
      villageCode: persons.villageCode,
    })
    .from(persons)
    .where(inArray(persons.id, ids));
}
