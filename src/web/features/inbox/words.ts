/** An inbox item in plain words. */
import type { TFunction } from 'i18next';
import { i18n } from '../../app/i18n/index.ts';
import { flagText, reasonText } from '../screenings/words.ts';

/**
 * What the alert is about: a red flag of the answers, or the reason of an
 * urgent follow-up (e.g. a positive 8Q), both worded as on the result page.
 */
export function alertText(t: TFunction, flag: string): string {
  if (
    !i18n.exists(`screenings.flags.${flag}`, { lng: 'th' }) &&
    i18n.exists(`screenings.reasons.${flag}`, { lng: 'th' })
  ) {
    return reasonText(t, flag);
  }
  return flagText(t, flag);
}
