import type { Role } from '../schemas/user.ts';

/** Who is asking. Built once per request from the session or API token. */
export interface Actor {
  userId: string;
  roles: readonly Role[];
  organizationId: string | null;
  /** DOPA codes the actor works in; a code covers every area beneath it. */
  areaCodes: readonly string[];
}

export function hasRole(actor: Actor, ...roles: Role[]): boolean {
  return actor.roles.some((r) => roles.includes(r));
}

/** DOPA codes nest by prefix: 90 ⊃ 9015 ⊃ 901501 ⊃ 90150101. */
export function areaCovers(scope: string, code: string): boolean {
  return code.startsWith(scope);
}

export function inScope(actor: Actor, code: string | null | undefined): boolean {
  if (!code) return false;
  return actor.areaCodes.some((scope) => areaCovers(scope, code));
}

/**
 * The most precise area of a record, for the policy: its village when known,
 * else its subdistrict. A volunteer scoped to one village covers the first only.
 */
export function placeOf(record: { areaCode: string; villageCode?: string | null }): string {
  return record.villageCode ?? record.areaCode;
}

/** An account that is only a citizen's (the person or their proxy): it holds nothing but their own data. */
export function citizenOnly(roles: readonly Role[]): boolean {
  return roles.length > 0 && roles.every((r) => r === 'citizen');
}
