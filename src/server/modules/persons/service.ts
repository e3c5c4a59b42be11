import { eq, sql } from 'drizzle-orm';
import { bornOnOrBefore } from '../../../core/persons/vulnerability.ts';
import {
  type Actor,
  decide,
  type PersonRelation,
  placeOf,
  registryScope,
} from '../../../core/policy/index.ts';
import type { Person, PersonCreate, PersonPatch } from '../../../core/schemas/index.ts';
import { normalizeBirthDate } from '../../../core/thai/birthDate.ts';
import { isValidNationalId, normalizeNationalId } from '../../../core/thai/nationalId.ts';
import { unique } from '../../../core/util/unique.ts';
import type { Db } from '../../db/client.ts';
import { households, personRevisions, persons } from '../../db/schema.ts';
import { ensureAllowed } from '../../http/auth.ts';
import { decodeCursor, encodeCursor, pageOf } from '../../http/cursor.ts';
import { invalid, notFound, Problem } from '../../http/problem.ts';
import { areaNames } from '../areas/repo.ts';
import { audit } from '../audit/service.ts';
import { ensurePersonAccess } from '../groups/access.ts';
import { resolveAddress } from './address.ts';
import { toPersonDto } from './dto.ts';
import type { NationalIdVault } from './nationalIdVault.ts';
import {
  CursorMismatch,
  consentStates,
  findByClientId,
  findByHash,
  findPerson,
  type PersonInsert,
  type PersonRow,
  probableMatches,
  type SearchCursor,
  searchPersons,
} from './repo.ts';
import { normalizeId, personRow } from './row.ts';

export interface PersonContext {
  db: Db;
  actor: Actor;
  vault: NationalIdVault;
  today: string;
  source?: 'staff' | 'self' | 'import';
}

export async function present(
  c: PersonContext,
  rows: PersonRow[],
  relation?: PersonRelation,
): Promise<Person[]> {
  const states = await consentStates(
    c.db,
    rows.map((r) => r.id),
  );
  const names = await areaNames(c.db, [...new Set(rows.map((r) => r.villageCode ?? r.areaCode))]);
  return rows.map((r) =>
    toPersonDto(r, {
      actor: c.actor,
      vault: c.vault,
      today: c.today,
      consent: states.get(r.id)!,
      areaName: names.get(r.villageCode ?? r.areaCode) ?? null,
      relation,
    }),
  );
}

/** Validates and turns the create body into a row; throws a 400 naming the field on bad input. */
export async function toInsert(c: PersonContext, input: PersonCreate): Promise<PersonInsert> {
  const address = await resolveAddress(c.db, input.address);
  const birth = normalizeBirthDate(input.birthDate, c.today);
  if (!birth.ok) throw invalid('birthDate', `birth_${birth.problem}`);
  if (input.householdId) await assertHousehold(c.db, input.householdId, address.areaCode);
  return personRow(input, address, birth.date, c.vault, c.actor.userId);
}

export async function createPerson(
  c: PersonContext,
  input: PersonCreate,
): Promise<{ person: Person; created: boolean }> {
  if (input.clientId) {
    const earlier = await findByClientId(c.db, input.clientId);
    if (earlier) {
      const access = await ensurePersonAccess(c, 'person.read', earlier);
      return { person: (await present(c, [earlier], access.relation))[0]!, created: false };
    }
  }
  const row = await toInsert(c, input);
  ensureAllowed(c.actor, { action: 'person.create', areaCode: placeOf(row) });

  if (row.nationalIdHash) {
    const same = await findByHash(c.db, row.nationalIdHash);
    if (same) throw duplicateId(same.id);
  }
  if (!input.confirmNotDuplicate) {
    const matches = (
      await probableMatches(c.db, {
        ...row,
        villageCode: row.villageCode ?? null,
        houseNo: row.houseNo ?? null,
      })
    ).filter((m) => decide(c.actor, { action: 'person.read', areaCode: placeOf(m) }).allow);
    if (matches.length > 0) {
      const shown = await present(c, matches);
      throw new Problem(
        409,
        'conflict',
        'probable_duplicate',
        {},
        [],
        {},
        {
          matches: shown.map((m) => ({
            id: m.id,
            href: `/api/v1/persons/${m.id}`,
            firstName: m.firstName,
            lastName: m.lastName,
            birthDate: m.birthDate,
            address: m.address,
          })),
        },
      );
    }
  }

  const inserted = await c.db
    .transaction(async (tx) => {
      const [created] = await tx.insert(persons).values(row).returning();
      await tx.insert(personRevisions).values({
        personId: created!.id,
        areaCode: created!.areaCode,
        version: 1,
        changedBy: c.actor.userId,
        source: c.source ?? 'staff',
        changes: { created: Object.keys(input).filter((k) => k !== 'nationalId' && k !== 'clientId') },
      });
      await audit(tx, c.actor, {
        action: 'person.create',
        entity: 'person',
        entityId: created!.id,
        areaCode: created!.areaCode,
      });
      return created!;
    })
    .catch(async (err: unknown) => {
      // Two registrations of one ID at the same moment: the unique index decides, the loser gets the same 409.
      if (uniqueViolation(err) && row.nationalIdHash) {
        const same = await findByHash(c.db, row.nationalIdHash);
        if (same) throw duplicateId(same.id);
      }
      if (uniqueViolation(err) && row.clientId) {
        const earlier = await findByClientId(c.db, row.clientId);
        if (earlier) return earlier;
      }
      throw err;
    });
  return { person: (await present(c, [inserted]))[0]!, created: true };
}

export async function getPerson(c: PersonContext, id: string): Promise<Person> {
  const row = await findPerson(c.db, id);
  if (!row) throw notFound();
  const access = await ensurePersonAccess(c, 'person.read', row);
  await audit(c.db, c.actor, {
    action: 'person.read',
    entity: 'person',
    entityId: id,
    areaCode: row.areaCode,
    groupId: access.groupId,
    subjectIds: [id],
  });
  return (await present(c, [row], access.relation))[0]!;
}

/** Stored fields a patch can change, with how the API field maps onto columns. */
export async function updatePerson(c: PersonContext, id: string, patch: PersonPatch): Promise<Person> {
  const current = await findPerson(c.db, id);
  if (!current) throw notFound();
  const access = await ensurePersonAccess(c, 'person.update', current);
  if (current.mergedInto) throw new Problem(422, 'domain_rule', 'merged_record');

  const next: Partial<PersonInsert> = {};
  const { reason, ...fields } = patch;
  for (const [key, value] of Object.entries(fields)) {
    if (value === undefined) continue;
    Object.assign(next, await columnsFor(c, current, key, value));
  }
  if (next.areaCode && next.areaCode !== current.areaCode) {
    ensureAllowed(c.actor, {
      action: 'person.update',
      areaCode: placeOf({ areaCode: next.areaCode, villageCode: next.villageCode }),
    });
  }
  if (next.nationalIdHash && next.nationalIdHash !== current.nationalIdHash) {
    const same = await findByHash(c.db, next.nationalIdHash);
    if (same && same.id !== id) throw duplicateId(same.id);
  }

  const changes: Record<string, { from: unknown; to: unknown }> = {};
  for (const [k, v] of Object.entries(next)) {
    const before = (current as Record<string, unknown>)[k];
    if (JSON.stringify(before) !== JSON.stringify(v)) changes[k] = secretSafe(k, before, v);
  }
  if (Object.keys(changes).length === 0) return (await present(c, [current]))[0]!;

  const updated = await c.db.transaction(async (tx) => {
    const [row] = await tx
      .update(persons)
      .set({ ...next, version: sql`${persons.version} + 1`, updatedAt: sql`now()` })
      .where(eq(persons.id, id))
      .returning();
    await tx.insert(personRevisions).values({
      personId: id,
      areaCode: row!.areaCode,
      version: row!.version,
      changedBy: c.actor.userId,
      // The person's own correction is marked self-reported (DOMAIN.md: people own their data).
      source: access.via === 'self' ? 'self' : (c.source ?? 'staff'),
      reason: reason ?? null,
      changes,
    });
    await audit(tx, c.actor, {
      action: 'person.update',
      entity: 'person',
      entityId: id,
      areaCode: row!.areaCode,
      groupId: access.groupId,
      subjectIds: [id],
      detail: { fields: Object.keys(changes) },
    });
    return row!;
  });
  return (await present(c, [updated]))[0]!;
}

export interface PersonQuery {
  q?: string;
  area?: string;
  householdId?: string;
  vulnerability?: string;
  sex?: string;
  ageMin?: number;
  ageMax?: number;
  limit: number;
  cursor?: string;
}

export async function listPersons(c: PersonContext, q: PersonQuery) {
  const scopes = registryScope(c.actor);
  if (scopes !== 'all' && scopes.length === 0) return { items: [], nextCursor: null };
  const idLike = q.q ? normalizeNationalId(q.q) : '';
  const cursor = searchCursor(q.cursor);
  const { rows, order } = await searchPersons(c.db, {
    scopes,
    q: q.q,
    qHash: q.q && isValidNationalId(idLike) ? c.vault.lookupHash('thai_id', idLike) : undefined,
    area: q.area,
    householdId: q.householdId,
    vulnerability: q.vulnerability,
    sex: q.sex,
    // ageMax N means "N years old at most": born after the day they would have turned N+1.
    bornAfter: q.ageMax !== undefined ? bornOnOrBefore(q.ageMax + 1, c.today) : undefined,
    bornOnOrBefore: q.ageMin !== undefined ? bornOnOrBefore(q.ageMin, c.today) : undefined,
    elderlyBornOnOrBefore: bornOnOrBefore(60, c.today),
    cursor,
    limit: q.limit,
  }).catch((err: unknown) => {
    if (err instanceof CursorMismatch) throw invalid('query.cursor', 'bad_cursor');
    throw err;
  });
  const visible = rows.filter((r) => decide(c.actor, { action: 'person.read', areaCode: placeOf(r) }).allow);
  // The cursor names the ordering of its page, so the next request goes on in the same one.
  const page =
    order === 'rank'
      ? {
          items: visible.slice(0, q.limit),
          nextCursor:
            rows.length > q.limit
              ? encodeCursor([RANK, (cursor?.order === 'rank' ? cursor.offset : 0) + q.limit])
              : null,
        }
      : pageOf(visible, q.limit, (last) => [last.lastName, last.firstName, last.id]);
  await audit(c.db, c.actor, {
    action: 'person.list',
    entity: 'person',
    detail: { count: page.items.length },
    subjectIds: page.items.map((r) => r.id),
  });
  return { items: await present(c, page.items), nextCursor: page.nextCursor };
}

/** The mark of a ranked search's cursor: `['rank', offset]`; a list cursor is `[lastName, firstName, id]`. */
const RANK = 'rank';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function searchCursor(raw: string | undefined): SearchCursor | null {
  if (raw === undefined) return null;
  let values: (string | number)[] | null;
  try {
    values = decodeCursor(raw, 3);
  } catch {
    values = decodeCursor(raw, 2);
  }
  const [a, b, c] = values ?? [];
  if (values?.length === 3 && typeof a === 'string' && typeof b === 'string' && typeof c === 'string') {
    if (UUID.test(c)) return { order: 'list', after: [a, b, c] };
  }
  if (values?.length === 2 && a === RANK && Number.isSafeInteger(b) && (b as number) >= 0) {
    return { order: 'rank', offset: b as number };
  }
  throw invalid('query.cursor', 'bad_cursor');
}

async function columnsFor(
  c: PersonContext,
  current: PersonRow,
  key: string,
  value: unknown,
): Promise<Partial<PersonInsert>> {
  switch (key) {
    case 'address':
      return value === null ? {} : resolveAddress(c.db, value as PersonCreate['address']);
    case 'birthDate': {
      const birth = normalizeBirthDate(String(value), c.today);
      if (!birth.ok) throw invalid('birthDate', `birth_${birth.problem}`);
      return { birthDate: birth.date };
    }
    case 'nationalId': {
      if (value === null) return { nationalIdEnc: null, nationalIdHash: null };
      const idType = current.idType;
      if (idType === 'thai_id' && !isValidNationalId(String(value)))
        throw invalid('nationalId', 'thai_id_check');
      const id = normalizeId(idType, String(value));
      return { nationalIdEnc: c.vault.encrypt(id), nationalIdHash: c.vault.lookupHash(idType, id) };
    }
    case 'householdId':
      if (value !== null) await assertHousehold(c.db, String(value), current.areaCode);
      return { householdId: value as string | null };
    case 'disability': {
      const d = value as { types: string[]; cardNumber?: string } | null;
      return { disabilityTypes: d?.types ?? [], disabilityCardNo: d?.cardNumber ?? null };
    }
    case 'location': {
      const l = value as { lat: number; lon: number } | null;
      return { latitude: l?.lat ?? null, longitude: l?.lon ?? null };
    }
    case 'vulnerability':
    case 'chronicConditions':
      return { [key]: unique((value as string[] | null) ?? []) };
    case 'firstName':
    case 'lastName':
    case 'sex':
    case 'idType':
      if (value === null) throw invalid(key, 'required');
      return { [key]: value };
    default:
      return { [key]: value };
  }
}

/** A revision keeps what changed, but never a national ID in the clear. */
function secretSafe(column: string, from: unknown, to: unknown) {
  if (column === 'nationalIdEnc' || column === 'nationalIdHash')
    return { from: from ? 'set' : null, to: to ? 'set' : null };
  return { from: from ?? null, to: to ?? null };
}

async function assertHousehold(db: Db, id: string, areaCode: string) {
  const [h] = await db
    .select({ areaCode: households.areaCode })
    .from(households)
    .where(eq(households.id, id));
  if (!h || h.areaCode !== areaCode) throw invalid('householdId', 'household_unknown');
}

export function duplicateId(existingId: string) {
  return new Problem(
    409,
    'conflict',
    'duplicate_national_id',
    {},
    [{ path: 'nationalId', detail: 'duplicate_national_id' }],
    {},
    {
      existing: { id: existingId, href: `/api/v1/persons/${existingId}` },
    },
  );
}

export function uniqueViolation(err: unknown): boolean {
  const e = err as { code?: string; cause?: { code?: string } };
  return e?.code === '23505' || e?.cause?.code === '23505';
}
