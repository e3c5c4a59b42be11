import { registryScope } from '../../../core/policy/index.ts';
import { actorOf, useCan, useCurrentUser } from '../auth/session.ts';

/**
 * What the signed-in person may do with the registry, for showing menus and
 * buttons only (the server decides for real): list people, register them,
 * import files.
 */
export function useRegistryAccess() {
  const user = useCurrentUser();
  const can = useCan();
  const scope = registryScope(actorOf(user));
  const anyArea = (action: 'person.create' | 'import.create') =>
    can({ action, areaCode: '' }) || user.areaCodes.some((areaCode) => can({ action, areaCode }));
  return {
    list: scope === 'all' || scope.length > 0,
    register: anyArea('person.create'),
    import: anyArea('import.create'),
  };
}
