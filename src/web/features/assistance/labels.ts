import type { TFunction } from 'i18next';
import type { AssistanceKind } from '../../../core/schemas/assistance.ts';

export type Lang = 'th' | 'en';

/** Baht as people write it: thousands separated, satang only when there are any. */
export function formatBaht(value: number, lang: Lang): string {
  return new Intl.NumberFormat(lang === 'th' ? 'th-TH' : 'en-GB', {
    minimumFractionDigits: Number.isInteger(value) ? 0 : 2,
    maximumFractionDigits: 2,
  }).format(value);
}

/** "1,500 บาท", or "ไม่มีมูลค่า" for help without a price. */
export function bahtText(t: TFunction, lang: Lang, value: number | null): string {
  return value === null ? t('assistance.noValue') : t('assistance.baht', { value: formatBaht(value, lang) });
}

export const kindLabel = (t: TFunction, kind: AssistanceKind | string) =>
  t(`assistance.kind.${kind as AssistanceKind}`);
