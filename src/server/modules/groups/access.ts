import {
  type Actor,
  decide,
  identifyingGrant,
  NO_RELATION,
  type PersonAction,
  type PersonRelation,
  placeOf,
} from '../../../core/policy/index.ts';
import type { Db } from '../../db/client.ts';
import { ensureAllowed } from '../../http/auth.ts';
import { relationsOf } from './relation.ts';

export interface AccessContext {
  db: Db;
  actor: Actor;
  today: string;
}

interface Placed {
  id: string;
  areaCode: string;
  villageCode?: string | null;
}

/** How the actor reached a person: for the audit trail's "through which group" and self-reported changes. */
export interface Access {
  relation: PersonRelation;
  via: 'area' | 'group' | 'self';
  groupId: string | null;
}

/**
 * Asks the policy about one person, loading the actor's groups and links only
 * when the area alone does not decide it (the area's own team pays nothing).
 * Throws 404/403 as the policy says.
 */
export async function ensurePersonAccess(
  c: AccessContext,
  action: PersonAction,
  person: Placed,
): Promise<Access> {
  const areaCode = placeOf(person);
  if (decide(c.actor, { action, areaCode }).allow)
    return { relation: NO_RELATION, via: 'area', groupId: null };
  const relation = (await relationsOf(c.db, c.actor.userId, [person.id], c.today)).get(person.id)!;
  ensureAllowed(c.actor, { action, areaCode, relation });
  const groupId = identifyingGrant(relation)?.groupId ?? null;
  // A change reaches the record as the person's own only when nothing but the link allowed it.
  const viaGroup =
    groupId !== null && decide(c.actor, { action, areaCode, relation: { ...relation, linked: false } }).allow;
  return { relation, via: viaGroup ? 'group' : 'self', groupId };
}

/** Whether the actor may take `action` on a person; never throws. */
export async function mayAccess(c: AccessContext, action: PersonAction, person: Placed): Promise<boolean> {
  return (await filterAccessible(c, action, [person])).length === 1;
}

/** Keeps the rows the actor may take `action` on, in order, with one query for all that need a relation. */
export async function filterAccessible<T extends Placed>(
  c: AccessContext,
  action: PersonAction,
  rows: readonly T[],
): Promise<T[]> {
  const byArea = rows.map((r) => decide(c.actor, { action, areaCode: placeOf(r) }).allow);
  const rest = rows.filter((_, i) => !byArea[i]);
  if (rest.length === 0) return [...rows];
  const relations = await relationsOf(
    c.db,
    c.actor.userId,
    rest.map((r) => r.id),
    c.today,
  );
  return rows.filter(
    (r, i) =>
      byArea[i] || decide(c.actor, { action, areaCode: placeOf(r), relation: relations.get(r.id) }).allow,
  );
}

/** The relation for the national-ID decision in a DTO (a linked person sees their own). */
export function mayReadNationalId(
  actor: Actor,
  person: Placed,
  relation: PersonRelation | undefined,
): boolean {
  return decide(actor, { action: 'person.readNationalId', areaCode: placeOf(person), relation }).allow;
}
