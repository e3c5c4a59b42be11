import type { TFunction } from 'i18next';
import {
  caregiverRelations,
  chronicConditions,
  disabilityTypes,
  educationLevels,
  healthCoverages,
  housingTypes,
  idTypes,
  incomeBands,
  maritalStatuses,
  relationsToHead,
  religions,
  sexes,
  titles,
  vulnerabilityTypes,
} from '../../../core/schemas/person.ts';
import { formatDate, toBuddhistYear } from '../../../core/thai/buddhistEra.ts';

/** Every enumeration of the 20 basic items, by its key under `enums` in the messages. */
export const enumValues = {
  idType: idTypes,
  sex: sexes,
  title: titles,
  religion: religions,
  maritalStatus: maritalStatuses,
  education: educationLevels,
  incomeBand: incomeBands,
  healthCoverage: healthCoverages,
  disabilityType: disabilityTypes,
  vulnerability: vulnerabilityTypes,
  relationToHead: relationsToHead,
  caregiverRelation: caregiverRelations,
  chronicCondition: chronicConditions,
  housingType: housingTypes,
} as const;
export type EnumName = keyof typeof enumValues;

/** A code in words; a code this version does not know is shown as it is. */
export function enumLabel(t: TFunction, name: EnumName, value: string | null | undefined): string {
  if (value === null || value === undefined || value === '') return t('common.none');
  const known = (enumValues[name] as readonly string[]).includes(value);
  return known ? t(`enums.${name}.${value}` as never) : value;
}

/** Select/radio options for an enumeration, in the reader's language. */
export function enumOptions(t: TFunction, name: EnumName, only?: readonly string[]) {
  return (enumValues[name] as readonly string[])
    .filter((v) => !only || only.includes(v))
    .map((value) => ({ value, label: enumLabel(t, name, value) }));
}

export function nationalityLabel(t: TFunction, code: string | null | undefined): string {
  if (!code) return t('common.none');
  return code === 'TH' ? t('enums.nationality.TH') : t('enums.nationality.other', { code });
}

/** `นางสาวสมศรี ใจดี`: Thai titles join the first name; the English ones are shown apart. */
export function personName(
  p: { title?: string | null; firstName: string; lastName: string },
  t?: TFunction,
): string {
  const title = t && p.title && p.title !== 'other' ? t(`enums.title.${p.title}` as never) : '';
  const thaiTitle = title.replace(/\s*\(.*\)$/, '');
  const lead = thaiTitle && /[\u0E00-\u0E7F]$/.test(thaiTitle) ? thaiTitle : thaiTitle ? `${thaiTitle} ` : '';
  return `${lead}${p.firstName} ${p.lastName}`.trim();
}

/** `บ้านเลขที่ 12/3 หมู่ 1` — what a volunteer says to find the house. */
export function houseLine(
  t: TFunction,
  a: { houseNo?: string | null; villageNo?: number | null; areaName?: string | null },
): string {
  const parts: string[] = [];
  if (a.houseNo) parts.push(t('persons.house', { no: a.houseNo }));
  if (a.villageNo && !(a.areaName && /^หมู่|^village/i.test(a.areaName)))
    parts.push(t('persons.villageNo', { no: a.villageNo }));
  if (a.areaName) parts.push(a.areaName);
  return parts.join(' ') || t('common.none');
}

/** `1 พ.ค. 2510`, or only `2510 (ประมาณ)` when just the year is known. */
export function birthDateText(t: TFunction, lang: 'th' | 'en', date: string, estimated: boolean): string {
  if (!estimated) return formatDate(date, lang);
  const year = Number(date.slice(0, 4));
  return `${lang === 'th' ? toBuddhistYear(year) : year} ${t('persons.birth.estimatedMark')}`;
}
