import { type Role, roles } from '../../../core/schemas/user.ts';
import { useCan, useCurrentUser } from '../auth/session.ts';

/** The roles this person may hand out (an area admin cannot make operators or admins). */
export function useGrantableRoles(): Role[] {
  const can = useCan();
  const me = useCurrentUser();
  return roles.filter((role) =>
    can({ action: 'user.create', target: { roles: [role], areaCodes: me.areaCodes, organizationId: null } }),
  );
}
