import { decide, type GroupAction } from '../../../core/policy/index.ts';
import type { GroupRole } from '../../../core/schemas/group.ts';
import { ensureAllowed } from '../../http/auth.ts';
import { notFound, Problem } from '../../http/problem.ts';
import type { GroupContext } from './context.ts';
import { findGroup, type GroupRow, isActive, roleIn } from './repo.ts';

export interface LoadedGroup {
  group: GroupRow;
  /** The caller's role in the group; null when they reach it as an area admin or operator. */
  role: GroupRole | null;
  active: boolean;
  /** Runs the group: its admins, the area's admins and operators. They see identities and full counts. */
  manager: boolean;
}

/** Finds a group and asks the policy; a non-member gets 404 as if it did not exist. */
export async function loadGroup(c: GroupContext, id: string, action: GroupAction): Promise<LoadedGroup> {
  const group = await findGroup(c.db, id);
  if (!group) throw notFound();
  const role = await roleIn(c.db, id, c.actor.userId);
  ensureAllowed(c.actor, { action, areaCode: group.areaCode, role });
  return {
    group,
    role,
    active: isActive(group, c.today),
    manager: decide(c.actor, { action: 'group.manage', areaCode: group.areaCode, role }).allow,
  };
}

/** Work on people through a group stops when its period ends (or before it starts). */
export function ensureRunning(loaded: LoadedGroup): void {
  if (!loaded.active) throw groupRule('group_ended');
}

/** A group rule the request breaks given the group's state: 409 with the reason in Thai and English. */
export function groupRule(
  detail:
    | 'group_ended'
    | 'group_last_admin'
    | 'group_enrol_outside'
    | 'group_enrol_no_consent'
    | 'group_assignee_role',
  path?: string,
): Problem {
  return new Problem(409, 'domain_rule', detail, {}, path ? [{ path, detail }] : []);
}
