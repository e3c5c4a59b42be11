import { and, asc, desc, eq, getTableColumns, gt, like, lt, or, type SQL, sql } from 'drizzle-orm';
import type { Organization, OrganizationType } from '../../../core/schemas/index.ts';
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

export async function listOrganizations(db: Db, f: OrganizationFilter): Promise<Organization[]> {
  const where: SQL[] = [];
  if (f.q) {
    const pattern = `%${f.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    where.push(
      or(sql`${organizations.name} ilike ${pattern}`, sql`${organizations.nameEn} ilike ${pattern}`)!,
    );
  }
  if (f.type) where.push(eq(organizations.type, f.type));
  if (f.area) where.push(like(organizations.areaCode, `${f.area}%`));
  if (f.service) where.push(sql`${f.service} = any(${organizations.services})`);

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
  return rows.map(toDto);
}

export function toDto(row: Row): Organization {
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
    createdAt: iso(row.createdAt),
    updatedAt: iso(row.updatedAt),
  };
}
