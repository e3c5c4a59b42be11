import { eq, sql } from 'drizzle-orm';
import type { Actor } from '../../../core/policy/index.ts';
import type { Organization, OrganizationCreate, OrganizationPatch } from '../../../core/schemas/index.ts';
import { unique } from '../../../core/util/unique.ts';
import type { Db } from '../../db/client.ts';
import { organizations } from '../../db/schema.ts';
import { ensureAllowed } from '../../http/auth.ts';
import { decodeCursor, pageOf } from '../../http/cursor.ts';
import { invalid, notFound } from '../../http/problem.ts';
import { findAreas } from '../areas/repo.ts';
import { audit } from '../audit/service.ts';
import { findOrganization, listOrganizations, type OrganizationFilter } from './repo.ts';

export async function list(db: Db, query: Omit<OrganizationFilter, 'after'> & { cursor?: string }) {
  const after = decodeCursor(query.cursor, 2);
  const rows = await listOrganizations(db, { ...query, after });
  const key = query.sort.endsWith('name') ? 'name' : 'createdAt';
  return pageOf(rows, query.limit, (last) => [key === 'name' ? last.name : last.createdAt, last.id]);
}

export async function get(db: Db, id: string): Promise<Organization> {
  const org = await findOrganization(db, id);
  if (!org) throw notFound();
  return org;
}

export async function create(db: Db, actor: Actor, input: OrganizationCreate): Promise<Organization> {
  await assertAreaExists(db, input.areaCode);
  ensureAllowed(actor, { action: 'organization.create', areaCode: input.areaCode });
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(organizations)
      .values({ ...input, services: unique(input.services) })
      .returning({ id: organizations.id });
    await audit(tx, actor, {
      action: 'organization.create',
      entity: 'organization',
      entityId: row!.id,
      areaCode: input.areaCode,
    });
    return (await findOrganization(tx, row!.id))!;
  });
}

export async function update(
  db: Db,
  actor: Actor,
  id: string,
  patch: OrganizationPatch,
): Promise<Organization> {
  const current = await get(db, id);
  ensureAllowed(actor, { action: 'organization.update', areaCode: current.areaCode });
  if (patch.areaCode && patch.areaCode !== current.areaCode) {
    await assertAreaExists(db, patch.areaCode);
    ensureAllowed(actor, { action: 'organization.update', areaCode: patch.areaCode });
  }
  return db.transaction(async (tx) => {
    const values = patch.services ? { ...patch, services: unique(patch.services) } : patch;
    await tx
      .update(organizations)
      .set({ ...values, updatedAt: sql`now()` })
      .where(eq(organizations.id, id));
    await audit(tx, actor, {
      action: 'organization.update',
      entity: 'organization',
      entityId: id,
      areaCode: patch.areaCode ?? current.areaCode,
      detail: { fields: Object.keys(patch) },
    });
    return (await findOrganization(tx, id))!;
  });
}

async function assertAreaExists(db: Db, code: string) {
  const [found] = await findAreas(db, [code]);
  if (!found) throw invalid('areaCode', 'area_unknown', { code });
}
