import { desc, eq } from 'drizzle-orm';
import { placeOf } from '../../../core/policy/index.ts';
import type { ConsentCreate } from '../../../core/schemas/index.ts';
import { consents } from '../../db/schema.ts';
import { ensureAllowed } from '../../http/auth.ts';
import { notFound } from '../../http/problem.ts';
import { audit } from '../audit/service.ts';
import { consentStates, findPerson } from './repo.ts';
import type { PersonContext } from './service.ts';

/**
 * PDPA consent is a history, never an overwrite: each grant or withdrawal is a
 * new record and the latest per purpose is in force from that moment.
 */
export async function recordConsent(c: PersonContext, personId: string, input: ConsentCreate) {
  const person = await findPerson(c.db, personId);
  if (!person) throw notFound();
  ensureAllowed(c.actor, { action: 'person.read', areaCode: placeOf(person) });
  ensureAllowed(c.actor, { action: 'consent.record', areaCode: placeOf(person) });
  const record = await c.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(consents)
      .values({
        personId,
        areaCode: person.areaCode,
        purpose: input.purpose,
        granted: input.granted,
        method: input.method,
        witnessName: input.witnessName ?? null,
        agencies: input.agencies ?? [],
        note: input.note ?? null,
        recordedBy: c.actor.userId,
      })
      .returning();
    await audit(tx, c.actor, {
      action: input.granted ? 'consent.grant' : 'consent.withdraw',
      entity: 'person',
      entityId: personId,
      areaCode: person.areaCode,
      detail: { purpose: input.purpose, method: input.method },
    });
    return row!;
  });
  const state = (await consentStates(c.db, [personId])).get(personId)!;
  return { record: toConsentDto(record), state };
}

export async function consentHistory(c: PersonContext, personId: string) {
  const person = await findPerson(c.db, personId);
  if (!person) throw notFound();
  ensureAllowed(c.actor, { action: 'person.read', areaCode: placeOf(person) });
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
  };
}
