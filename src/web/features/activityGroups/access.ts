import { decide, hasRole } from '../../../core/policy/index.ts';
import { actorOf, useCurrentUser } from '../auth/session.ts';
import { isGroupArea } from './attendance.ts';

/**
 * Where the signed-in person may form a group activity (the area's field team): their own
 * subdistricts and villages (`codes`), or anywhere beneath a wider area they cover (`wide`: picked
 * by search). A courtesy: the server decides.
 */
export function useGroupAreas(): { wide: boolean; codes: string[]; any: boolean } {
  const actor = actorOf(useCurrentUser());
  const allowed = (code: string) =>
    decide(actor, { action: 'activityGroup.manage', areaCode: code, organizationId: null }).allow;
  const operator = hasRole(actor, 'operator');
  const codes = actor.areaCodes.filter((c) => isGroupArea(c) && allowed(c));
  const wide = operator || actor.areaCodes.some((c) => c.length < 6 && allowed(c));
  return { wide, codes, any: wide || codes.length > 0 };
}
