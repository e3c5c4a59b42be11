/** The report's codes in words, reusing the words the other pages already use for them. */
import type { TFunction } from 'i18next';
import { getInstrument, type Level } from '../../../core/instruments/index.ts';
import {
  type BreakdownRow,
  type ReportBreakdown,
  type ReportDimension,
  reportDimensions,
} from '../../../core/schemas/report.ts';
import { areaLabel } from '../areas/labels.ts';
import { enumLabel } from '../persons/labels.ts';
import type { Lang } from '../screenings/instruments.ts';
import { monthLong, monthShort } from '../screenings/month.ts';

export const WELLBEING = 'wellbeing20';

const DIMENSIONS: ReadonlySet<string> = new Set(reportDimensions);

/** `สุขภาพ`: the words the screening pages use; an unknown code as it is. */
export const dimensionName = (t: TFunction, code: string): string =>
  DIMENSIONS.has(code) ? t(`screenings.dimensions.${code as ReportDimension}`) : code;

export const levelName = (t: TFunction, level: Level): string => t(`screenings.level.${level}`);

/** `มีนาคม 2569` / `March 2026`. */
export function monthName(t: TFunction, lang: Lang, month: string): string {
  return monthLong(month, lang, (m) => t(`enums.month.${m}` as 'enums.month.1'));
}

/** `มี.ค. 69`: for a chart's axis. */
export const monthTick = (lang: Lang, month: string): string => monthShort(month, lang);

/** The period in words: `ปี พ.ศ. 2569` or `มีนาคม 2569`. */
export function periodName(t: TFunction, lang: Lang, yearBE: number, month: number | null): string {
  const year = lang === 'th' ? yearBE : yearBE - 543;
  if (month === null) return t('reports.period.yearOnly', { year });
  return `${t(`enums.month.${month}` as 'enums.month.1')} ${year}`;
}

const ADL_KEYS = new Set(['bed_bound', 'home_bound', 'social_bound']);

/** A breakdown row's key in words (the server already names villages). */
export function breakdownLabel(t: TFunction, lang: Lang, by: ReportBreakdown, row: BreakdownRow): string {
  if (row.key === 'none') return t(`reports.none.${by}` as 'reports.none.village');
  switch (by) {
    case 'village':
    case 'household':
      return areaLabel({ code: row.key, level: 'village', nameTh: row.label, nameEn: null }, t, lang);
    case 'vulnerability':
      return enumLabel(t, 'vulnerability', row.key);
    case 'adl':
      return ADL_KEYS.has(row.key)
        ? t(`persons.profile.adl.${row.key}` as 'persons.profile.adl.bed_bound')
        : row.label;
    case 'age':
      return row.key.endsWith('+')
        ? t('reports.ageFrom', { from: row.key.slice(0, -1) })
        : t('reports.ageBand', { band: row.key.replace('-', '–') });
    case 'sex':
      return enumLabel(t, 'sex', row.key);
    case 'month':
      return monthName(t, lang, row.key);
    case 'dimension':
      return dimensionName(t, row.key);
  }
}

/** The items of the well-being screening in the reader's language, in the instrument's order. */
export function itemDefinitions(lang: Lang): { code: string; dimension?: string; text: string }[] {
  return (getInstrument(WELLBEING)?.items ?? []).map((item) => ({
    code: item.code,
    dimension: item.dimension,
    text: item.text[lang],
  }));
}
