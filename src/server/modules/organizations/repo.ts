import { and, asc, desc, eq, getTableColumns, gt, inArray, like, lt, or, type SQL, sql } from 'drizzle-orm';
import type { Organization, OrganizationType } from '../../../core/schemas/index.ts';
import { isOpenAt, nearPrefixes, type OpeningSession } from '../../../core/services/directory.ts';
import type { Db } from '../../db/client.ts';
import { areas, organizations } from '../../db/schema.ts';
import { iso } from '../users/repo.ts';

type Row = typeof organizations.$inferSelect & { areaName: string | null; areaNameEn: string | null };

export interface OrganizationFilter {
  q?: string;
  type?: OrganizationType;
  area?: string;
  service?: string;
  sort: 'name' | '-name' | 'createdAt' | '-createdAt';
  after: (string | number)[] | null;
  limit: number;
}

function select(db: Db) {
  return db
    .select({ ...getTableColumns(organizations), areaName: areas.nameTh, areaNameEn: areas.nameEn })
    .from(organizations)
    .leftJoin(areas, eq(areas.code, organizations.areaCode));
}

export async function findOrganization(db: Db, id: string): Promise<Organization | undefined> {
  const [row] = await select(db).where(eq(organizations.id, id)).limit(1);
  return row ? toDto(row) : undefined;
}

/** The filters every directory query shares: text, type, area and service. */
function filtersOf(f: OrganizationFilter): SQL[] {
  const where: SQL[] = [];
  if (f.q) {
    const pattern = `%${f.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    where.push(
      or(sql`${organizations.name} ilike ${pattern}`, sql`${organizations.nameEn} ilike ${pattern}`)!,
    );
  }
  if (f.type) where.push(eq(organizations.type, f.type));
  if (f.area) where.push(like(organizations.areaCode, `${f.area}%`));
  // Containment (@>) is what the GIN index on services answers.
  if (f.service) where.push(sql`${organizations.services} @> array[${f.service}]::text[]`);
  return where;
}

export async function listOrganizations(db: Db, f: OrganizationFilter): Promise<Organization[]> {
  const where = filtersOf(f);
  const key = f.sort.endsWith('name') ? organizations.name : organizations.createdAt;
  const descending = f.sort.startsWith('-');
  if (f.after) {
    const [value, id] = f.after as [string, string];
    const cmp = descending ? lt : gt;
    where.push(or(cmp(key, value), and(eq(key, value), cmp(organizations.id, id)))!);
  }
  const order = descending ? [desc(key), desc(organizations.id)] : [asc(key), asc(organizations.id)];
  const rows = await select(db)
    .where(where.length ? and(...where) : undefined)
    .orderBy(...order)
    .limit(f.limit + 1);
  return rows.map((r) => toDto(r));
}

/**
 * The rank of `core/services/directory.ts` (`distanceOf`) in SQL: 0 the village is in its catchment
 * (GIN index), 1 same subdistrict, 2 same district, 3 same province; others are filtered out.
 */
function rankNear(village: string): SQL<number> {
  const p = nearPrefixes(village);
  return sql<number>`(case
    when ${servesVillage(village)} then 0
    when ${organizations.areaCode} like ${`${p.subdistrict}%`} then 1
    when ${organizations.areaCode} like ${`${p.district}%`} then 2
    else 3 end)`;
}

const servesVillage = (village: string) =>
  sql`${organizations.catchmentVillageCodes} @> array[${village}]::text[]`;

export type RankedRow = Organization & { rank: number };

/** The organisations near a village (`f.near`), nearest first, then by name. */
export async function listNearOrganizations(
  db: Db,
  f: OrganizationFilter,
  village: string,
): Promise<RankedRow[]> {
  const where = filtersOf(f);
  const rank = rankNear(village);
  where.push(or(servesVillage(village), like(organizations.areaCode, `${nearPrefixes(village).province}%`))!);
  if (f.after) {
    const [r, name, id] = f.after as [number, string, string];
    where.push(
      sql`(${rank}, ${organizations.name}, ${organizations.id}) > (${r}::int, ${name}, ${id}::uuid)`,
    );
  }
  const rows = await db
    .select({
      ...getTableColumns(organizations),
      areaName: areas.nameTh,
      areaNameEn: areas.nameEn,
      rank,
    })
    .from(organizations)
    .leftJoin(areas, eq(areas.code, organizations.areaCode))
    .where(and(...where))
    .orderBy(rank, asc(organizations.name), asc(organizations.id))
    .limit(f.limit + 1);
  return rows.map((r) => ({ ...toDto(r), rank: Number(r.rank) }));
}

export function toDto(row: Row, now: Date = new Date()): Organization {
  const hours = row.openingHours as OpeningSession[];
  return {
    id: row.id,
    name: row.name,
    nameEn: row.nameEn,
    type: row.type as OrganizationType,
    areaCode: row.areaCode,
    areaName: row.areaName,
    areaNameEn: row.areaNameEn,
    tier: row.tier as Organization['tier'],
    services: row.services,
    phone: row.phone,
    email: row.email,
    contactName: row.contactName,
    address: row.address,
    catchmentVillageCodes: row.catchmentVillageCodes,
    openingHours: hours,
    openNow: isOpenAt(hours, now),
    createdAt: iso(row.createdAt),
    updatedAt: iso(row.updatedAt),
  };
}

/** Organisations' names by id; nulls and repeats ignored. */
export async function organizationNames(
  db: Db,
  ids: readonly (string | null)[],
): Promise<Map<string, string>> {
  const wanted = [...new Set(ids.filter((x): x is string => Boolean(x)))];
  if (wanted.length === 0) return new Map();
  const rows = await db
    .select({ id: organizations.id, name: organizations.name })
    .from(organizations)
    .where(inArray(organizations.id, wanted));
  return new Map(rows.map((r) => [r.id, r.name]));
}

export async function organizationExists(db: Db, id: string): Promise<boolean> {
  const [row] = await db
    .select({ id: organizations.id })
    .from(organizations)
    .where(eq(organizations.id, id))
    .limit(1);
  return Boolean(row);
}
