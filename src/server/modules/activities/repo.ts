import { and, asc, eq, inArray, type SQL, sql } from 'drizzle-orm';
import { type Actor, hasRole } from '../../../core/policy/index.ts';
import type { Db } from '../../db/client.ts';
import { activities } from '../../db/schema.ts';

export type ActivityRow = typeof activities.$inferSelect;

/** One DOPA code covers another when it is its prefix (90 ⊃ 9015 ⊃ 901508 ⊃ 90150801). */
const covers = (outer: SQL | string, inner: SQL | string) => sql`left(${inner}, length(${outer})) = ${outer}`;

/**
 * The library an actor sees: the platform's activities plus those of areas that cover or lie
 * inside the actor's own. Operators see all.
 */
export function visibleToActor(actor: Actor): SQL {
  if (hasRole(actor, 'operator')) return sql`true`;
  const parts: SQL[] = [sql`${activities.areaCode} is null`];
  for (const scope of actor.areaCodes) {
    parts.push(covers(sql`${activities.areaCode}`, scope));
    parts.push(covers(scope, sql`${activities.areaCode}`));
  }
  return sql`(${sql.join(parts, sql` or `)})`;
}

/** What a plan of a person living at `place` may use: the platform's and their area's own. */
export function usableAt(place: string): SQL {
  return sql`(${activities.areaCode} is null or ${covers(sql`${activities.areaCode}`, place)})`;
}

export interface ActivityFilter {
  dimension?: string;
  addresses?: string;
  mode?: string;
  q?: string;
}

/**
 * Library order: by dimension, then the seeded activities by code, then areas' own (no code). Short
 * keys on purpose: a Thai title would make the cursor too long for a query string.
 */
export const sortCode = sql<string>`coalesce(${activities.code}, '~')`;

export async function listActivities(
  db: Db,
  visible: SQL,
  f: ActivityFilter,
  after: [string, string, string] | null,
  limit: number,
): Promise<ActivityRow[]> {
  const where: SQL[] = [visible, eq(activities.active, true)];
  if (f.dimension) where.push(eq(activities.dimension, f.dimension));
  if (f.addresses) where.push(sql`${f.addresses} = any(${activities.addresses})`);
  if (f.mode) where.push(sql`${f.mode} = any(${activities.modes})`);
  if (f.q) {
    const like = `%${f.q.replace(/[\\%_]/g, (m) => `\\${m}`)}%`;
    where.push(
      sql`(${activities.titleTh} ilike ${like} or ${activities.titleEn} ilike ${like} or ${activities.descriptionTh} ilike ${like})`,
    );
  }
  if (after) {
    where.push(
      sql`(${activities.dimension}, ${sortCode}, ${activities.id}) > (${after[0]}, ${after[1]}, ${after[2]}::uuid)`,
    );
  }
  return db
    .select()
    .from(activities)
    .where(and(...where))
    .orderBy(asc(activities.dimension), asc(sortCode), asc(activities.id))
    .limit(limit + 1);
}

export async function findActivity(db: Db, id: string, visible?: SQL): Promise<ActivityRow | undefined> {
  const [row] = await db
    .select()
    .from(activities)
    .where(visible ? and(eq(activities.id, id), visible) : eq(activities.id, id))
    .limit(1);
  return row;
}

export async function activitiesByIds(
  db: Db,
  ids: string[],
  usable?: SQL,
): Promise<Map<string, ActivityRow>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select()
    .from(activities)
    .where(and(inArray(activities.id, [...new Set(ids)]), eq(activities.active, true), usable ?? sql`true`));
  return new Map(rows.map((r) => [r.id, r]));
}

/** The active library a plan for someone at `place` may draw on. */
export async function usableLibrary(db: Db, place: string): Promise<ActivityRow[]> {
  return db
    .select()
    .from(activities)
    .where(and(eq(activities.active, true), usableAt(place)))
    .orderBy(asc(activities.dimension), asc(activities.titleTh), asc(activities.id));
}
