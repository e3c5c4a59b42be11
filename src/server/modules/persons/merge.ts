import { eq, sql } from 'drizzle-orm';
import { placeOf } from '../../../core/policy/index.ts';
import { personRevisions, persons } from '../../db/schema.ts';
import { ensureAllowed } from '../../http/auth.ts';
import { notFound, Problem, ruleBroken } from '../../http/problem.ts';
import { audit } from '../audit/service.ts';
import { findPerson, type PersonRow } from './repo.ts';
import { type PersonContext, present } from './service.ts';

/** Columns the surviving record takes from the duplicate when it has none of its own. */
const FILLABLE = [
  'nationalIdEnc',
  'nationalIdHash',
  'title',
  'nationality',
  'religion',
  'maritalStatus',
  'education',
  'occupation',
  'incomeBand',
  'healthCoverage',
  'phone',
  'houseNo',
  'postcode',
  'householdId',
  'relationToHead',
  'disabilityCardNo',
  'caregiver',
  'latitude',
  'longitude',
] as const;

/**
 * Merges a duplicate into the record that survives. Nothing is deleted: the
 * duplicate stays as history pointing at the survivor, both keep their
 * revisions and consents, and the survivor gains what only the duplicate knew.
 */
export async function mergePersons(c: PersonContext, duplicateId: string, intoId: string, reason: string) {
  if (duplicateId === intoId) throw ruleBroken('merge_self', {}, 'intoId');
  const [dup, into] = await Promise.all([findPerson(c.db, duplicateId), findPerson(c.db, intoId)]);
  if (!dup || !into) throw notFound();
  ensureAllowed(c.actor, { action: 'person.merge', areaCode: placeOf(dup) });
  ensureAllowed(c.actor, { action: 'person.merge', areaCode: placeOf(into) });
  if (dup.mergedInto || into.mergedInto) throw new Problem(422, 'domain_rule', 'merged_record');

  const fill: Record<string, unknown> = {};
  for (const col of FILLABLE) {
    if (into[col] === null && dup[col] !== null) fill[col] = dup[col];
  }
  const arrays = {
    chronicConditions: union(into.chronicConditions, dup.chronicConditions),
    disabilityTypes: union(into.disabilityTypes, dup.disabilityTypes),
    vulnerability: union(into.vulnerability, dup.vulnerability),
  };

  const survivor = await c.db.transaction(async (tx) => {
    // Release the duplicate's ID first: the unique index covers live records only.
    await tx
      .update(persons)
      .set({ mergedInto: intoId, version: sql`${persons.version} + 1`, updatedAt: sql`now()` })
      .where(eq(persons.id, duplicateId));
    const [row] = await tx
      .update(persons)
      .set({ ...fill, ...arrays, version: sql`${persons.version} + 1`, updatedAt: sql`now()` })
      .where(eq(persons.id, intoId))
      .returning();
    await tx.insert(personRevisions).values([
      revision(dup, dup.version + 1, c, reason, { mergedInto: { from: null, to: intoId } }),
      revision(into, row!.version, c, reason, {
        mergedFrom: { from: null, to: duplicateId },
        filled: { from: null, to: Object.keys(fill).filter((k) => !k.startsWith('nationalId')) },
      }),
    ]);
    await audit(tx, c.actor, {
      action: 'person.merge',
      entity: 'person',
      entityId: intoId,
      areaCode: into.areaCode,
      detail: { from: duplicateId },
    });
    return row!;
  });
  return (await present(c, [survivor]))[0]!;
}

function revision(
  p: PersonRow,
  version: number,
  c: PersonContext,
  reason: string,
  changes: Record<string, unknown>,
) {
  return {
    personId: p.id,
    areaCode: p.areaCode,
    version,
    changedBy: c.actor.userId,
    source: 'merge',
    reason,
    changes,
  };
}

function union(a: string[], b: string[]): string[] {
  return [...new Set([...a, ...b])];
}
