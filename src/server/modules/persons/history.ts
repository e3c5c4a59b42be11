import { notFound } from '../../http/problem.ts';
import { audit } from '../audit/service.ts';
import { ensurePersonAccess } from '../groups/access.ts';
import { findPerson, revisionsOf } from './repo.ts';
import type { PersonContext } from './service.ts';

/** The change history of a record: every version, who made it, from where, and why. */
export async function personHistory(c: PersonContext, personId: string) {
  const person = await findPerson(c.db, personId);
  if (!person) throw notFound();
  const access = await ensurePersonAccess(c, 'person.read', person);
  await audit(c.db, c.actor, {
    action: 'person.history.read',
    entity: 'person',
    entityId: personId,
    areaCode: person.areaCode,
    groupId: access.groupId,
    subjectIds: [personId],
  });
  const rows = await revisionsOf(c.db, personId);
  return {
    items: rows.map(({ revision: r, changedByName }) => ({
      version: r.version,
      changedBy: r.changedBy,
      changedByName,
      changedAt: new Date(r.changedAt).toISOString(),
      source: r.source,
      reason: r.reason,
      changes: r.changes as Record<string, unknown>,
    })),
  };
}
