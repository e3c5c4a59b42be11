import type { GroupRole } from '../schemas/group.ts';

/**
 * What closed groups and citizen links give one actor over one person. The
 * server loads it (only for the actor's own memberships and links); the policy
 * judges it, so every rule about groups lives in `decide`.
 */
export interface PersonRelation {
  /** Each group the actor is a member of in which the person is enrolled (not discharged). */
  groups: readonly GroupGrant[];
  /** The actor's account is linked to the person: the person themself or a proxy they named. */
  linked: boolean;
}

export interface GroupGrant {
  groupId: string;
  role: GroupRole;
  /** The person is assigned to the actor in this group. */
  assigned: boolean;
  /** The group's period has not ended. */
  active: boolean;
  /** The person's current consent to share within a group. */
  consentToShare: boolean;
}

export const NO_RELATION: PersonRelation = { groups: [], linked: false };

/** How a group shows one enrolled person to one member. */
export type GroupView = 'identified' | 'pseudonymous' | 'none';

/**
 * DOMAIN.md step 5: only Admins see who the screened people are. Case workers
 * and volunteers see the people assigned to them; of the rest, nothing that
 * identifies them. Viewers see aggregates only.
 */
export function groupView(role: GroupRole, assigned: boolean): GroupView {
  if (role === 'admin') return 'identified';
  if (role === 'viewer') return 'none';
  return assigned ? 'identified' : 'pseudonymous';
}

/** Grants that count: the group is running and the person still consents to sharing. */
export function liveGrants(relation: PersonRelation | undefined): GroupGrant[] {
  return (relation?.groups ?? []).filter((g) => g.active && g.consentToShare);
}

/** The group through which the actor sees the person identified, if any (for the audit trail). */
export function identifyingGrant(relation: PersonRelation | undefined): GroupGrant | undefined {
  const live = liveGrants(relation);
  return (
    live.find((g) => g.role === 'admin') ?? live.find((g) => groupView(g.role, g.assigned) === 'identified')
  );
}
