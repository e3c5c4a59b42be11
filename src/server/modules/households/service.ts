import { and, asc, eq, inArray, isNull, like, or, type SQL, sql } from 'drizzle-orm';
import { placeOf, registryScope } from '../../../core/policy/index.ts';
import type { Household, HouseholdCreate, HouseholdPatch } from '../../../core/schemas/index.ts';
import { households, persons } from '../../db/schema.ts';
import { ensureAllowed } from '../../http/auth.ts';
import { decodeCursor, pageOf } from '../../http/cursor.ts';
import { invalid, notFound } from '../../http/problem.ts';
import { areaNames } from '../areas/repo.ts';
import { audit } from '../audit/service.ts';
import { resolveAddress } from '../persons/address.ts';
import { findPerson } from '../persons/repo.ts';
import type { PersonContext } from '../persons/service.ts';

type Row = typeof households.$inferSelect;

/** Households follow the same area rules as the people in them (policy: person.*). */
export async function createHousehold(
  c: PersonContext,
  input: HouseholdCreate,
): Promise<{ household: Household; created: boolean }> {
  if (input.clientId) {
    const [earlier] = await c.db.select().from(households).where(eq(households.clientId, input.clientId));
    if (earlier) {
      ensureAllowed(c.actor, { action: 'person.read', areaCode: placeOf(earlier) });
      return { household: (await present(c, [earlier]))[0]!, created: false };
    }
  }
  const address = await resolveAddress(c.db, input.address);
  ensureAllowed(c.actor, { action: 'person.create', areaCode: placeOf(address) });
  if (input.headPersonId) await assertMember(c, input.headPersonId, address.areaCode, 'headPersonId');
  const row = await c.db.transaction(async (tx) => {
    const [created] = await tx
      .insert(households)
      .values({
        ...address,
        housingType: input.housingType ?? null,
        headPersonId: input.headPersonId ?? null,
        latitude: input.location?.lat ?? null,
        longitude: input.location?.lon ?? null,
        clientId: input.clientId ?? null,
        createdBy: c.actor.userId,
      })
      .returning();
    if (input.headPersonId) {
      await tx
        .update(persons)
        .set({ householdId: created!.id, relationToHead: 'head' })
        .where(eq(persons.id, input.headPersonId));
    }
    await audit(tx, c.actor, {
      action: 'household.create',
      entity: 'household',
      entityId: created!.id,
      areaCode: created!.areaCode,
    });
    return created!;
  });
  return { household: (await present(c, [row]))[0]!, created: true };
}

export async function getHousehold(c: PersonContext, id: string): Promise<Household> {
  const row = await find(c, id);
  await audit(c.db, c.actor, {
    action: 'household.read',
    entity: 'household',
    entityId: id,
    areaCode: row.areaCode,
  });
  return (await present(c, [row]))[0]!;
}

export async function updateHousehold(
  c: PersonContext,
  id: string,
  patch: HouseholdPatch,
): Promise<Household> {
  const current = await find(c, id);
  ensureAllowed(c.actor, { action: 'person.update', areaCode: placeOf(current) });
  const next: Partial<Row> = {};
  if (patch.address) {
    const moved = await resolveAddress(c.db, patch.address);
    Object.assign(next, moved);
    ensureAllowed(c.actor, { action: 'person.update', areaCode: placeOf(moved) });
  }
  if (patch.housingType !== undefined) next.housingType = patch.housingType;
  if (patch.location !== undefined) {
    next.latitude = patch.location?.lat ?? null;
    next.longitude = patch.location?.lon ?? null;
  }
  if (patch.headPersonId !== undefined) {
    if (patch.headPersonId)
      await assertMember(c, patch.headPersonId, next.areaCode ?? current.areaCode, 'headPersonId');
    next.headPersonId = patch.headPersonId;
  }
  const row = await c.db.transaction(async (tx) => {
    const [updated] = await tx
      .update(households)
      .set({ ...next, updatedAt: sql`now()` })
      .where(eq(households.id, id))
      .returning();
    if (patch.headPersonId) {
      await tx
        .update(persons)
        .set({ householdId: id, relationToHead: 'head' })
        .where(eq(persons.id, patch.headPersonId));
    }
    await audit(tx, c.actor, {
      action: 'household.update',
      entity: 'household',
      entityId: id,
      areaCode: updated!.areaCode,
      detail: { fields: Object.keys(patch) },
    });
    return updated!;
  });
  return (await present(c, [row]))[0]!;
}

export async function listHouseholds(
  c: PersonContext,
  q: { area?: string; q?: string; limit: number; cursor?: string },
) {
  const where: SQL[] = [];
  const scopes = registryScope(c.actor);
  if (scopes !== 'all') {
    if (scopes.length === 0) return { items: [], nextCursor: null };
    where.push(or(...scopes.map((code) => scope(code)))!);
  }
  if (q.area) where.push(scope(q.area));
  if (q.q) where.push(like(households.houseNo, `${q.q.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`));
  const after = decodeCursor(q.cursor, 3) as [string, string, string] | null;
  if (after) {
    where.push(
      sql`(coalesce(${households.villageCode}, ''), coalesce(${households.houseNo}, ''), ${households.id}) > (${after[0]}, ${after[1]}, ${after[2]}::uuid)`,
    );
  }
  const rows = await c.db
    .select()
    .from(households)
    .where(and(...where))
    .orderBy(
      sql`coalesce(${households.villageCode}, '')`,
      sql`coalesce(${households.houseNo}, '')`,
      asc(households.id),
    )
    .limit(q.limit + 1);
  const page = pageOf(rows, q.limit, (last) => [last.villageCode ?? '', last.houseNo ?? '', last.id]);
  await audit(c.db, c.actor, {
    action: 'household.list',
    entity: 'household',
    detail: { count: page.items.length },
  });
  return { items: await present(c, page.items), nextCursor: page.nextCursor };
}

async function find(c: PersonContext, id: string): Promise<Row> {
  const [row] = await c.db.select().from(households).where(eq(households.id, id));
  if (!row) throw notFound();
  ensureAllowed(c.actor, { action: 'person.read', areaCode: placeOf(row) });
  return row;
}

async function assertMember(c: PersonContext, personId: string, areaCode: string, path: string) {
  const p = await findPerson(c.db, personId);
  if (!p || p.areaCode !== areaCode || p.mergedInto) throw invalid(path, 'invalid');
}

async function present(c: PersonContext, rows: Row[]): Promise<Household[]> {
  const ids = rows.map((r) => r.id);
  const counts = new Map<string, number>();
  if (ids.length > 0) {
    const found = await c.db
      .select({ id: persons.householdId, n: sql<number>`count(*)::int` })
      .from(persons)
      .where(and(inArray(persons.householdId, ids), isNull(persons.mergedInto)))
      .groupBy(persons.householdId);
    for (const f of found) counts.set(f.id!, f.n);
  }
  const names = await areaNames(c.db, [...new Set(rows.map((r) => r.villageCode ?? r.areaCode))]);
  return rows.map((r) => ({
    id: r.id,
    address: {
      areaCode: r.areaCode,
      villageCode: r.villageCode,
      villageNo: r.villageNo,
      houseNo: r.houseNo,
      postcode: r.postcode,
      areaName: names.get(r.villageCode ?? r.areaCode) ?? null,
    },
    housingType: r.housingType as Household['housingType'],
    headPersonId: r.headPersonId,
    location: r.latitude !== null && r.longitude !== null ? { lat: r.latitude, lon: r.longitude } : null,
    memberCount: counts.get(r.id) ?? 0,
    createdAt: new Date(r.createdAt).toISOString(),
    updatedAt: new Date(r.updatedAt).toISOString(),
  }));
}

function scope(code: string): SQL {
  if (code.length === 8) return eq(households.villageCode, code);
  return code.length === 6 ? eq(households.areaCode, code) : like(households.areaCode, `${code}%`);
}
