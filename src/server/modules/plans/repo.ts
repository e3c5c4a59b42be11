import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import {
  activityAttendance,
  persons,
  planActivities,
  planProgress,
  plans,
  planVersions,
  screenings,
} from '../../db/schema.ts';

export type PlanRow = typeof plans.$inferSelect;
export type PlanActivityRow = typeof planActivities.$inferSelect;
export type ProgressRow = typeof planProgress.$inferSelect;
export type PlanVersionRow = typeof planVersions.$inferSelect;
export type ScreeningRow = typeof screenings.$inferSelect;

export async function findPlan(db: Db, id: string): Promise<PlanRow | undefined> {
  const [row] = await db.select().from(plans).where(eq(plans.id, id)).limit(1);
  return row;
}

export async function findPlanByClientId(db: Db, clientId: string): Promise<PlanRow | undefined> {
  const [row] = await db.select().from(plans).where(eq(plans.clientId, clientId)).limit(1);
  return row;
}

export async function activePlanOf(db: Db, personId: string): Promise<PlanRow | undefined> {
  const [row] = await db
    .select()
    .from(plans)
    .where(and(eq(plans.personId, personId), eq(plans.status, 'active')))
    .orderBy(desc(plans.createdAt))
    .limit(1);
  return row;
}

/** Serialises plan writes for one person (one active plan each) without a table lock. */
export async function lockPerson(db: Db, personId: string): Promise<void> {
  await db.execute(sql`select id from ${persons} where id = ${personId} for update`);
}

export async function lockPlan(db: Db, id: string): Promise<PlanRow | undefined> {
  const [row] = await db.select().from(plans).where(eq(plans.id, id)).for('update');
  return row;
}

export async function plansOfPerson(
  db: Db,
  personId: string,
  after: [string, string] | null,
  limit: number,
): Promise<PlanRow[]> {
  return db
    .select()
    .from(plans)
    .where(
      and(
        eq(plans.personId, personId),
        after
          ? sql`(${plans.createdAt}, ${plans.id}) < (${after[0]}::timestamptz, ${after[1]}::uuid)`
          : undefined,
      ),
    )
    .orderBy(desc(plans.createdAt), desc(plans.id))
    .limit(limit + 1);
}

export async function planActivitiesOf(db: Db, planId: string): Promise<PlanActivityRow[]> {
  return db
    .select()
    .from(planActivities)
    .where(eq(planActivities.planId, planId))
    .orderBy(asc(planActivities.createdAt), asc(planActivities.id));
}

export const isCurrent = (a: PlanActivityRow) => a.removedInVersion === null;

export async function versionsOf(db: Db, planId: string): Promise<PlanVersionRow[]> {
  return db
    .select()
    .from(planVersions)
    .where(eq(planVersions.planId, planId))
    .orderBy(asc(planVersions.version));
}

export async function findVersion(
  db: Db,
  planId: string,
  version: number,
): Promise<PlanVersionRow | undefined> {
  const [row] = await db
    .select()
    .from(planVersions)
    .where(and(eq(planVersions.planId, planId), eq(planVersions.version, version)))
    .limit(1);
  return row;
}

export async function progressOf(db: Db, planActivityIds: string[]): Promise<ProgressRow[]> {
  if (planActivityIds.length === 0) return [];
  return db
    .select()
    .from(planProgress)
    .where(inArray(planProgress.planActivityId, planActivityIds))
    .orderBy(asc(planProgress.month), asc(planProgress.createdAt), asc(planProgress.id));
}

export async function progressByClientIds(db: Db, clientIds: string[]): Promise<ProgressRow[]> {
  if (clientIds.length === 0) return [];
  return db
    .select()
    .from(planProgress)
    .where(inArray(planProgress.clientId, clientIds))
    .orderBy(asc(planProgress.createdAt), asc(planProgress.id));
}

/** Attendance of one person in each of the given activity groups. */
export async function attendanceOf(
  db: Db,
  personId: string,
  groupIds: (string | null)[],
): Promise<Map<string, { sessions: number; attended: number }>> {
  const wanted = [...new Set(groupIds.filter((x): x is string => x !== null))];
  if (wanted.length === 0) return new Map();
  const rows = await db
    .select({
      groupId: activityAttendance.activityGroupId,
      sessions: sql<number>`count(*)::int`,
      attended: sql<number>`count(*) filter (where ${activityAttendance.present})::int`,
    })
    .from(activityAttendance)
    .where(
      and(eq(activityAttendance.personId, personId), inArray(activityAttendance.activityGroupId, wanted)),
    )
    .groupBy(activityAttendance.activityGroupId);
  return new Map(
    rows.map((r) => [r.groupId, { sessions: Number(r.sessions), attended: Number(r.attended) }]),
  );
}

/** The person's latest screening of an instrument, or the one asked for. */
export async function latestScreening(
  db: Db,
  personId: string,
  instrument: string,
  takenBefore?: string,
): Promise<ScreeningRow | undefined> {
  const [row] = await db
    .select()
    .from(screenings)
    .where(
      and(
        eq(screenings.personId, personId),
        eq(screenings.instrument, instrument),
        takenBefore ? sql`${screenings.takenAt} <= ${takenBefore}::timestamptz` : undefined,
      ),
    )
    .orderBy(desc(screenings.takenAt), desc(screenings.id))
    .limit(1);
  return row;
}

export async function findScreeningRow(db: Db, id: string): Promise<ScreeningRow | undefined> {
  const [row] = await db.select().from(screenings).where(eq(screenings.id, id)).limit(1);
  return row;
}
