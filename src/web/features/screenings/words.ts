/** Codes from the definitions and the server (flags, reasons, dimensions) in plain words. */
import type { TFunction } from 'i18next';
import { i18n } from '../../app/i18n/index.ts';

function known(key: string): boolean {
  return i18n.exists(key, { lng: 'th' });
}

/** A red flag in plain words: what was found, not the code. */
export function flagText(t: TFunction, code: string): string {
  const key = `screenings.flags.${code}`;
  return known(key) ? t(key as never) : t('screenings.flags.unknown', { code });
}

/** Why an instrument is due (monthly round, a follow-up of an earlier answer). */
export function reasonText(t: TFunction, code: string): string {
  const key = `screenings.reasons.${code}`;
  return known(key) ? t(key as never) : t('screenings.reasons.unknown', { code });
}

/** The four well-being dimensions (and `total`) by code; other codes as they are. */
export function dimensionText(t: TFunction, code: string): string {
  const key = `screenings.dimensions.${code}`;
  return known(key) ? t(key as never) : code;
}
