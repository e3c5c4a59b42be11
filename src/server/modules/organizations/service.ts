import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Actor } from '../../../core/policy/index.ts';
import type {
  Organization,
  OrganizationCreate,
  OrganizationListItem,
  OrganizationPatch,
} from '../../../core/schemas/index.ts';
import { catchmentOutside, distanceOf, sortedHours } from '../../../core/services/directory.ts';
import { unique } from '../../../core/util/unique.ts';
import type { Db } from '../../db/client.ts';
import { areas, organizations } from '../../db/schema.ts';
import { ensureAllowed } from '../../http/auth.ts';
import { decodeCursor, pageOf } from '../../http/cursor.ts';
import { type FieldError, invalid, notFound, Problem } from '../../http/problem.ts';
import { findAreas } from '../areas/repo.ts';
import { audit } from '../audit/service.ts';
import {
  findOrganization,
  listNearOrganizations,
  listOrganizations,
  type OrganizationFilter,
} from './repo.ts';

type ListQuery = Omit<OrganizationFilter, 'after'> & { cursor?: string; near?: string };

/**
 * The directory. With `near` (a village): only organisations near it, nearest first — its catchment,
 * then its subdistrict, district and province — each with its `distance`; otherwise sorted by `sort`.
 */
export async function list(
  db: Db,
  query: ListQuery,
): Promise<{ items: OrganizationListItem[]; nextCursor: string | null }> {
  if (query.near) return listNear(db, query, query.near);
  const after = decodeCursor(query.cursor, 2);
  const rows = await listOrganizations(db, { ...query, after });
  const key = query.sort.endsWith('name') ? 'name' : 'createdAt';
  const page = pageOf(rows, query.limit, (last) => [key === 'name' ? last.name : last.createdAt, last.id]);
  return { items: page.items.map((o) => ({ ...o, distance: null })), nextCursor: page.nextCursor };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

async function listNear(db: Db, query: ListQuery, village: string) {
  const after = decodeCursor(query.cursor, 3);
  // The cursor's values are cast in SQL: a forged one is bad input, never a server error.
  if (
    after &&
    !(typeof after[0] === 'number' && typeof after[1] === 'string' && UUID.test(String(after[2])))
  ) {
    throw invalid('query.cursor', 'bad_cursor');
  }
  const rows = await listNearOrganizations(db, { ...query, after }, village);
  const page = pageOf(rows, query.limit, (last) => [last.rank, last.name, last.id]);
  return {
    items: page.items.map(({ rank: _rank, ...o }) => ({ ...o, distance: distanceOf(o, village) })),
    nextCursor: page.nextCursor,
  };
}

export async function get(db: Db, id: string): Promise<Organization> {
  const org = await findOrganization(db, id);
  if (!org) throw notFound();
  return org;
}

export async function create(db: Db, actor: Actor, input: OrganizationCreate): Promise<Organization> {
  await assertAreaExists(db, input.areaCode);
  ensureAllowed(actor, { action: 'organization.create', areaCode: input.areaCode });
  const catchmentVillageCodes = unique(input.catchmentVillageCodes);
  await assertCatchment(db, input.areaCode, catchmentVillageCodes);
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(organizations)
      .values({
        ...input,
        services: unique(input.services),
        catchmentVillageCodes,
        openingHours: sortedHours(input.openingHours),
      })
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
  const values = {
    ...patch,
    ...(patch.services ? { services: unique(patch.services) } : {}),
    ...(patch.catchmentVillageCodes ? { catchmentVillageCodes: unique(patch.catchmentVillageCodes) } : {}),
    ...(patch.openingHours ? { openingHours: sortedHours(patch.openingHours) } : {}),
  };
  // A move to another province must still hold the catchment it keeps.
  if (patch.catchmentVillageCodes || patch.areaCode) {
    await assertCatchment(
      db,
      patch.areaCode ?? current.areaCode,
      values.catchmentVillageCodes ?? current.catchmentVillageCodes,
    );
  }
  return db.transaction(async (tx) => {
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

/**
 * Every catchment village is in the area register (400, naming each unknown code) and in the
 * organisation's province (422, `catchmentOutside` in core).
 */
async function assertCatchment(db: Db, areaCode: string, codes: readonly string[]) {
  if (codes.length === 0) return;
  const known = new Set(
    (
      await db
        .select({ code: areas.code })
        .from(areas)
        .where(and(inArray(areas.code, [...codes]), eq(areas.level, 'village')))
    ).map((a) => a.code),
  );
  const unknown: FieldError[] = codes.flatMap((code, i) =>
    known.has(code)
      ? []
      : [
          {
            path: `catchmentVillageCodes.${i}`,
            detail: 'directory_village_unknown' as const,
            params: { code },
          },
        ],
  );
  if (unknown.length > 0) throw new Problem(400, 'validation', undefined, {}, unknown);
  const outside: FieldError[] = catchmentOutside(areaCode, codes).map((i) => ({
    path: `catchmentVillageCodes.${i}`,
    detail: 'directory_village_outside_province' as const,
    params: { code: codes[i]! },
  }));
  if (outside.length > 0) throw new Problem(422, 'domain_rule', undefined, {}, outside);
}

async function assertAreaExists(db: Db, code: string) {
  const [found] = await findAreas(db, [code]);
  if (!found) throw invalid('areaCode', 'area_unknown', { code });
}
