import type { Role } from '../schemas/user.ts';
import { type Actor, hasRole, inScope } from './actor.ts';

/**
 * The one access-control choke point. Every module asks here, never decides
 * for itself. A denial says which status to answer: 404 where answering 403
 * would tell the caller that the record exists.
 */
export type Decision = { allow: true } | { allow: false; status: 403 | 404 };

export type Request =
  | { action: 'area.read' }
  | { action: 'area.createVillage'; areaCode: string }
  | { action: 'organization.read' }
  | { action: 'organization.create'; areaCode: string }
  | { action: 'organization.update'; areaCode: string }
  | { action: 'user.list' }
  | { action: 'user.read'; target: UserTarget }
  | { action: 'user.create'; target: UserTarget }
  | { action: 'user.update'; target: UserTarget; next?: UserTarget }
  | { action: 'user.resetPassword'; target: UserTarget }
  | { action: 'audit.read' }
  | { action: 'person.create'; areaCode: string }
  | { action: 'person.read'; areaCode: string }
  | { action: 'person.update'; areaCode: string }
  | { action: 'person.readNationalId'; areaCode: string }
  | { action: 'person.merge'; areaCode: string }
  | { action: 'consent.record'; areaCode: string }
  | { action: 'import.create'; areaCode: string }
  | { action: 'import.start' }
  | { action: 'import.read'; createdBy: string | null }
  | { action: 'instrument.read' }
  | { action: 'screening.create'; areaCode: string }
  | { action: 'screening.read'; areaCode: string }
  | { action: 'screening.update'; areaCode: string }
  | { action: 'inbox.read' }
  | { action: 'inbox.item'; recipientId: string };

export interface UserTarget {
  id?: string;
  roles: readonly Role[];
  areaCodes: readonly string[];
  organizationId: string | null;
}

const ALLOW: Decision = { allow: true };
const FORBIDDEN: Decision = { allow: false, status: 403 };
const HIDDEN: Decision = { allow: false, status: 404 };

/** Roles an area admin may hand out; operator and area admin need an operator. */
const DELEGABLE: readonly Role[] = [
  'agency_member',
  'social_worker',
  'volunteer',
  'caregiver',
  'committee_viewer',
  'citizen',
];

/** Roles that register and follow up people in their own areas (DOMAIN.md step 3). */
const FIELD_ROLES: readonly Role[] = [
  'area_admin',
  'agency_member',
  'social_worker',
  'volunteer',
  'caregiver',
];

export function decide(actor: Actor | null, req: Request): Decision {
  if (!actor) return { allow: false, status: 404 };
  // An import job holds the people of its file: only its uploader and operators see it.
  if (req.action === 'import.read') {
    return hasRole(actor, 'operator') || req.createdBy === actor.userId ? ALLOW : HIDDEN;
  }
  // An inbox item is its recipient's alone: not even the platform operator reads or marks another's.
  if (req.action === 'inbox.item') return req.recipientId === actor.userId ? ALLOW : HIDDEN;
  // The full national ID is for the area's admins only: not even the platform operator.
  if (req.action === 'person.readNationalId') {
    return hasRole(actor, 'area_admin') && inScope(actor, req.areaCode) ? ALLOW : FORBIDDEN;
  }
  if (hasRole(actor, 'operator')) return ALLOW;

  switch (req.action) {
    case 'area.read':
    case 'organization.read':
    case 'instrument.read':
    case 'inbox.read':
      return ALLOW;
    case 'area.createVillage':
    case 'organization.create':
    case 'organization.update':
      return hasRole(actor, 'area_admin') && inScope(actor, req.areaCode) ? ALLOW : FORBIDDEN;
    case 'user.list':
      return hasRole(actor, 'area_admin') ? ALLOW : FORBIDDEN;
    case 'user.read':
      if (req.target.id === actor.userId) return ALLOW;
      return adminManages(actor, req.target) ? ALLOW : HIDDEN;
    case 'user.create':
      return adminManages(actor, req.target) ? ALLOW : FORBIDDEN;
    case 'user.update':
    case 'user.resetPassword': {
      if (!adminManages(actor, req.target)) return req.target.id === actor.userId ? FORBIDDEN : HIDDEN;
      if (req.action === 'user.update' && req.next && !adminManages(actor, req.next)) return FORBIDDEN;
      return ALLOW;
    }
    case 'audit.read':
      return FORBIDDEN;
    // A screening follows its person: who may see or edit the person may see or correct their screenings.
    case 'person.read':
    case 'person.update':
    case 'screening.read':
    case 'screening.update':
      return fieldWorkerIn(actor, req.areaCode) ? ALLOW : HIDDEN;
    case 'person.create':
    case 'consent.record':
    case 'screening.create':
      return fieldWorkerIn(actor, req.areaCode) ? ALLOW : FORBIDDEN;
    case 'import.start':
      return hasRole(actor, 'area_admin') && actor.areaCodes.length > 0 ? ALLOW : FORBIDDEN;
    case 'person.merge':
    case 'import.create':
      return hasRole(actor, 'area_admin') && inScope(actor, req.areaCode) ? ALLOW : FORBIDDEN;
  }
}

/** An area admin manages non-admin accounts whose every area lies inside the admin's areas. */
function adminManages(actor: Actor, target: UserTarget): boolean {
  if (!hasRole(actor, 'area_admin')) return false;
  if (target.id === actor.userId) return false;
  if (!target.roles.every((r) => DELEGABLE.includes(r))) return false;
  if (target.areaCodes.length === 0) return false;
  return target.areaCodes.every((code) => inScope(actor, code));
}

function fieldWorkerIn(actor: Actor, areaCode: string): boolean {
  return hasRole(actor, ...FIELD_ROLES) && inScope(actor, areaCode);
}

/**
 * Which areas' people an actor may list: every area for an operator, their
 * own areas for field roles, none for anyone else. Lists narrow by this in
 * SQL; `decide` still checks each row.
 */
export function registryScope(actor: Actor): 'all' | readonly string[] {
  if (hasRole(actor, 'operator')) return 'all';
  return hasRole(actor, ...FIELD_ROLES) ? actor.areaCodes : [];
}
