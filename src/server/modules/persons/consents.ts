import { desc, eq } from 'drizzle-orm';
import type { ConsentCreate } from '../../../core/schemas/index.ts';
import { consents } from '../../db/schema.ts';
import { conflict, notFound } from '../../http/problem.ts';
import { audit } from '../audit/service.ts';
import { ensurePersonAccess } from '../groups/access.ts';
import { type ConsentState, consentStates, findPerson } from './repo.ts';
import { type PersonContext, uniqueViolation } from './service.ts';

/**
 * PDPA consent is a history, never an overwrite: each grant or withdrawal is a
 * new record and the latest per purpose is in force from that moment.
 *
 * A phone may send the same record twice (no answer, retry): with a `clientId`
 * the second call returns the stored record (`created: false`, answered 200)
 * and records nothing; the same clientId for another person or another content
 * is a 409.
 */
export async function recordConsent(
  c: PersonContext,
  personId: string,
  input: ConsentCreate,
): Promise<{ body: { record: ConsentDto; state: ConsentState }; created: boolean }> {
  const person = await findPerson(c.db, personId);
  if (!person) throw notFound();
  await ensurePersonAccess(c, 'person.read', person);
  const access = await ensurePersonAccess(c, 'consent.record', person);
  if (input.clientId) {
    const earlier = await findByClientId(c.db, input.clientId);
    if (earlier) return replay(c, earlier, personId, input);
  }
  const values = {
    personId,
    areaCode: person.areaCode,
    purpose: input.purpose,
    granted: input.granted,
    // The person giving or withdrawing consent themself, in the app.
    method: access.via === 'self' ? 'self' : input.method,
    witnessName: input.witnessName ?? null,
    agencies: input.agencies ?? [],
    note: input.note ?? null,
    recordedBy: c.actor.userId,
    clientId: input.clientId ?? null,
  };
  let record: ConsentRow;
  try {
    record = await c.db.transaction(async (tx) => {
      const [row] = await tx.insert(consents).values(values).returning();
      await audit(tx, c.actor, {
        action: input.granted ? 'consent.grant' : 'consent.withdraw',
        entity: 'person',
        entityId: personId,
        areaCode: person.areaCode,
        groupId: access.groupId,
        subjectIds: [personId],
        detail: { purpose: input.purpose, method: values.method },
      });
      return row!;
    });
  } catch (err) {
    // The same clientId twice at the same moment: the unique index decides, the loser replays.
    if (input.clientId && uniqueViolation(err)) {
      const winner = await findByClientId(c.db, input.clientId);
      if (winner) return replay(c, winner, personId, input);
    }
    throw err;
  }
  return { body: await withState(c, record), created: true };
}

type ConsentRow = typeof consents.$inferSelect;
type ConsentDto = ReturnType<typeof toConsentDto>;

async function findByClientId(db: PersonContext['db'], clientId: string): Promise<ConsentRow | undefined> {
  const [row] = await db.select().from(consents).where(eq(consents.clientId, clientId)).limit(1);
  return row;
}

/** The stored record for a repeated clientId: only for the same person and the same content. */
async function replay(c: PersonContext, earlier: ConsentRow, personId: string, input: ConsentCreate) {
  if (earlier.personId !== personId || !sameContent(earlier, input)) {
    throw conflict('client_id_reused', {}, 'clientId');
  }
  await audit(c.db, c.actor, {
    action: 'consent.read',
    entity: 'person',
    entityId: personId,
    areaCode: earlier.areaCode,
    detail: { replay: true },
  });
  return { body: await withState(c, earlier), created: false };
}

function sameContent(stored: ConsentRow, input: ConsentCreate): boolean {
  const agencies = (list: readonly string[]) => [...list].sort().join(',');
  return (
    stored.purpose === input.purpose &&
    stored.granted === input.granted &&
    stored.method === input.method &&
    stored.witnessName === (input.witnessName ?? null) &&
    agencies(stored.agencies) === agencies(input.agencies ?? []) &&
    stored.note === (input.note ?? null)
  );
}

async function withState(c: PersonContext, record: ConsentRow) {
  const state = (await consentStates(c.db, [record.personId])).get(record.personId)!;
  return { record: toConsentDto(record), state };
}

export async function consentHistory(c: PersonContext, personId: string) {
  const person = await findPerson(c.db, personId);
  if (!person) throw notFound();
  const access = await ensurePersonAccess(c, 'person.read', person);
  const rows = await c.db
    .select()
    .from(consents)
    .where(eq(consents.personId, personId))
    .orderBy(desc(consents.recordedAt));
  await audit(c.db, c.actor, {
    action: 'consent.read',
    entity: 'person',
    entityId: personId,
    areaCode: person.areaCode,
    groupId: access.groupId,
    subjectIds: [personId],
  });
  return { items: rows.map(toConsentDto), state: (await consentStates(c.db, [personId])).get(personId)! };
}

function toConsentDto(r: typeof consents.$inferSelect) {
  return {
    id: r.id,
    purpose: r.purpose,
    granted: r.granted,
    method: r.method,
    witnessName: r.witnessName,
    agencies: r.agencies,
    note: r.note,
    recordedBy: r.recordedBy,
    recordedAt: new Date(r.recordedAt).toISOString(),
    clientId: r.clientId,
  };
}
