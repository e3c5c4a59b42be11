import { and, desc, eq, gte, inArray, lte, type SQL, sql } from 'drizzle-orm';
import type { AssistanceKind } from '../../../core/schemas/assistance.ts';
import type { Db } from '../../db/client.ts';
import { areas, assistance, organizations } from '../../db/schema.ts';
import { prefixEnd } from '../persons/repo.ts';

export type AssistanceRow = typeof assistance.$inferSelect;
export type AssistanceInsert = typeof assistance.$inferInsert;

export async function findByClientId(db: Db, clientId: string): Promise<AssistanceRow | undefined> {
  const [row] = await db.select().from(assistance).where(eq(assistance.clientId, clientId)).limit(1);
  return row;
}

export async function insertAssistance(db: Db, values: AssistanceInsert): Promise<AssistanceRow> {
  const [row] = await db.insert(assistance).values(values).returning();
  return row!;
}

/** One person's help given between two days (inclusive), newest first; the duplicate check reads this. */
export async function helpBetween(
  db: Db,
  personId: string,
  from: string,
  to: string,
  kind?: AssistanceKind,
): Promise<AssistanceRow[]> {
  return db
    .select()
    .from(assistance)
    .where(
      and(
        eq(assistance.personId, personId),
        gte(assistance.givenOn, from),
        lte(assistance.givenOn, to),
        kind ? eq(assistance.kind, kind) : undefined,
      ),
    )
    .orderBy(desc(assistance.givenOn), desc(assistance.createdAt), desc(assistance.id))
    .limit(500);
}

/** A page of one person's ledger, newest first: by the day given, then by when it was recorded. */
export async function helpOfPerson(
  db: Db,
  personId: string,
  after: [string, string, string] | null,
  limit: number,
  kind?: AssistanceKind,
): Promise<AssistanceRow[]> {
  return db
    .select()
    .from(assistance)
    .where(
      and(
        eq(assistance.personId, personId),
        kind ? eq(assistance.kind, kind) : undefined,
        after
          ? sql`(${assistance.givenOn}, ${assistance.createdAt}, ${assistance.id}) < (${after[0]}::date, ${after[1]}::timestamptz, ${after[2]}::uuid)`
          : undefined,
      ),
    )
    .orderBy(desc(assistance.givenOn), desc(assistance.createdAt), desc(assistance.id))
    .limit(limit + 1);
}

/** How many times a person was helped and the value in all (of one kind, if given). */
export async function summaryOfPerson(db: Db, personId: string, kind?: AssistanceKind) {
  const [row] = await db
    .select({
      count: sql<number>`count(*)::int`,
      value: sql<string>`coalesce(sum(${assistance.value}), 0)::text`,
    })
    .from(assistance)
    .where(and(eq(assistance.personId, personId), kind ? eq(assistance.kind, kind) : undefined));
  return { count: row?.count ?? 0, value: Number(row?.value ?? 0) };
}

export interface NamedOrganization {
  id: string;
  name: string;
  nameEn: string | null;
}

export async function findOrganizations(
  db: Db,
  ids: readonly string[],
): Promise<Map<string, NamedOrganization>> {
  const wanted = [...new Set(ids)];
  if (wanted.length === 0) return new Map();
  const rows = await db
    .select({ id: organizations.id, name: organizations.name, nameEn: organizations.nameEn })
    .from(organizations)
    .where(inArray(organizations.id, wanted));
  return new Map(rows.map((r) => [r.id, r]));
}

export interface NamedArea {
  code: string;
  nameTh: string;
  nameEn: string | null;
}

export async function findAreas(db: Db, codes: readonly string[]): Promise<Map<string, NamedArea>> {
  const wanted = [...new Set(codes)];
  if (wanted.length === 0) return new Map();
  const rows = await db
    .select({ code: areas.code, nameTh: areas.nameTh, nameEn: areas.nameEn })
    .from(areas)
    .where(inArray(areas.code, wanted));
  return new Map(rows.map((r) => [r.code, r]));
}

// ---------------------------------------------------------------------------------------------
// Totals: sums over the ledger's area and organisation indexes, one small query per breakdown.

export type TotalsScope = { kind: 'area'; code: string } | { kind: 'organization'; id: string };

/** The rows a scope counts: an area by its code prefix (a range the index can use), or one organisation. */
function scopeFilter(scope: TotalsScope, from: string, to: string): SQL {
  const period = and(gte(assistance.givenOn, from), lte(assistance.givenOn, to))!;
  if (scope.kind === 'organization') return and(eq(assistance.organizationId, scope.id), period)!;
  const code = scope.code;
  if (code.length === 8) {
    return and(eq(assistance.areaCode, code.slice(0, 6)), eq(assistance.villageCode, code), period)!;
  }
  if (code.length === 6) return and(eq(assistance.areaCode, code), period)!;
  const end = prefixEnd(code);
  return and(gte(assistance.areaCode, code), end ? sql`${assistance.areaCode} < ${end}` : undefined, period)!;
}

export interface FigureRow {
  key: string | null;
  count: number;
  people: number;
  value: number;
  /** Recorded although the recorder was warned of a probable duplicate. */
  duplicatesConfirmed: number;
}

const figureColumns = {
  count: sql<number>`count(*)::int`,
  people: sql<number>`count(distinct ${assistance.personId})::int`,
  value: sql<string>`coalesce(sum(${assistance.value}), 0)::text`,
  duplicatesConfirmed: sql<number>`(count(*) filter (where ${assistance.duplicateConfirmed}))::int`,
};

/** Count, people and value of the scope, grouped by `key` (or in all when `key` is null). */
export async function figuresBy(
  db: Db,
  scope: TotalsScope,
  from: string,
  to: string,
  key: SQL | null,
): Promise<FigureRow[]> {
  const where = scopeFilter(scope, from, to);
  if (key === null) {
    const rows = await db.select(figureColumns).from(assistance).where(where);
    return rows.map((r) => ({ ...r, key: null, value: Number(r.value) }));
  }
  const rows = await db
    .select({ key: sql<string | null>`${key}`, ...figureColumns })
    .from(assistance)
    .where(where)
    .groupBy(key);
  return rows.map((r) => ({ ...r, value: Number(r.value) }));
}

/** The grouping keys of the breakdowns. */
export const keys = {
  kind: sql`${assistance.kind}`,
  organization: sql`${assistance.organizationId}::text`,
  fundingSource: sql`${assistance.fundingSource}`,
  village: sql`${assistance.villageCode}`,
  subdistrict: sql`${assistance.areaCode}`,
  district: sql`substr(${assistance.areaCode}, 1, 4)`,
};

/** The areas one level below `parentCode`, in code order (for breakdowns that show the empty ones too). */
export async function childAreas(db: Db, parentCode: string): Promise<NamedArea[]> {
  return db
    .select({ code: areas.code, nameTh: areas.nameTh, nameEn: areas.nameEn })
    .from(areas)
    .where(eq(areas.parentCode, parentCode))
    .orderBy(areas.code)
    .limit(1000);
}
