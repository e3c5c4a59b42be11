import { and, asc, eq, gt, inArray, isNull, type SQL, sql } from 'drizzle-orm';
import type { Area, AreaLevel } from '../../../core/schemas/index.ts';
import type { Db } from '../../db/client.ts';
import { areas } from '../../db/schema.ts';

// Qualified by hand: drizzle prints the outer column unqualified, which the subquery would capture.
const childCount = sql<number>`(select count(*)::int from "area" c where c.parent_code = "area"."code")`;

const columns = {
  code: areas.code,
  level: areas.level,
  nameTh: areas.nameTh,
  nameEn: areas.nameEn,
  parentCode: areas.parentCode,
  childCount,
};

export async function listChildren(
  db: Db,
  parent: string | null,
  after: string | null,
  limit: number,
): Promise<Area[]> {
  const where: SQL[] = [parent ? eq(areas.parentCode, parent) : isNull(areas.parentCode)];
  if (after) where.push(gt(areas.code, after));
  return db
    .select(columns)
    .from(areas)
    .where(and(...where))
    .orderBy(asc(areas.code))
    .limit(limit + 1);
}

/**
 * Substring match on Thai or English names, tolerant of typos through
 * trigram similarity; best matches first, bigger areas before smaller ones.
 */
export async function searchAreas(
  db: Db,
  q: string,
  level: AreaLevel | undefined,
  offset: number,
  limit: number,
): Promise<Area[]> {
  const like = `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const lower = q.toLowerCase();
  const matches = sql`(${areas.nameTh} ilike ${like} or lower(${areas.nameEn}) like lower(${like})
    or similarity(${areas.nameTh}, ${q}) > 0.3 or similarity(lower(${areas.nameEn}), ${lower}) > 0.3)`;
  const rank = sql`greatest(similarity(${areas.nameTh}, ${q}), coalesce(similarity(lower(${areas.nameEn}), ${lower}), 0))`;
  return db
    .select(columns)
    .from(areas)
    .where(level ? and(matches, eq(areas.level, level)) : matches)
    .orderBy(sql`${rank} desc`, sql`length(${areas.code})`, asc(areas.code))
    .offset(offset)
    .limit(limit + 1);
}

export async function findAreas(db: Db, codes: string[]): Promise<Area[]> {
  if (codes.length === 0) return [];
  return db.select(columns).from(areas).where(inArray(areas.code, codes)).orderBy(asc(areas.code));
}

/** DOPA codes nest, so the ancestors of 90150101 are 90, 9015 and 901501. */
export function ancestorCodes(code: string): string[] {
  const out: string[] = [];
  for (let len = 2; len < code.length; len += 2) out.push(code.slice(0, len));
  return out;
}

export async function insertVillage(
  db: Db,
  v: { code: string; parentCode: string; villageNo: number; nameTh: string; nameEn: string | null },
) {
  const [row] = await db
    .insert(areas)
    .values({ ...v, level: 'village' })
    .onConflictDoNothing()
    .returning({ code: areas.code });
  return row;
}

/** Areas' Thai names by code (villages, subdistricts…); nulls and repeats ignored. */
export async function areaNames(db: Db, codes: readonly (string | null)[]): Promise<Map<string, string>> {
  const wanted = [...new Set(codes.filter((x): x is string => Boolean(x)))];
  if (wanted.length === 0) return new Map();
  const rows = await db
    .select({ code: areas.code, name: areas.nameTh })
    .from(areas)
    .where(inArray(areas.code, wanted));
  return new Map(rows.map((r) => [r.code, r.name]));
}
