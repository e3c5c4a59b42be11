import { randomInt } from 'node:crypto';
import { LINK_CODE_DIGITS } from '../../../core/schemas/citizen.ts';
import { tokenDigest } from '../auth/secrets.ts';
import { LoginThrottle } from '../auth/throttle.ts';

/** A code works for three days: long enough to reach a relative, short enough to be worth little if lost. */
export const LINK_CODE_TTL_MS = 72 * 3600_000;

/** 8 digits from the system's CSPRNG, read aloud or typed on any phone. */
export function newLinkCode(): string {
  return String(randomInt(0, 10 ** LINK_CODE_DIGITS)).padStart(LINK_CODE_DIGITS, '0');
}

/**
 * Only a keyed hash of a code is kept, under a key of its own derived from
 * the session secret, so a copied table gives neither codes nor sessions.
 */
export function linkCodeDigest(sessionSecret: string, code: string): string {
  return tokenDigest(tokenDigest(sessionSecret, 'toemsuk/link-code/v1'), code);
}

/**
 * Guesses at codes are throttled like logins (DECISIONS.md): 5 wrong codes per
 * account (or per username being claimed) and 20 per client address in 15
 * minutes, in memory. 10^8 codes against 20 guesses per quarter hour per
 * address makes a blind hit on one live code about one in 5 million a quarter.
 */
export function linkCodeThrottle(): LoginThrottle {
  return new LoginThrottle();
}
