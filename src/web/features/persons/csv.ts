import type { TFunction } from 'i18next';
import type { Person } from '../../../core/schemas/index.ts';
import { formatDate } from '../../../core/thai/buddhistEra.ts';
import { csvCell, UTF8_BOM } from '../../../core/util/csv.ts';
import { birthDateText, type EnumName, enumLabel, nationalityLabel } from './labels.ts';

/**
 * People as CSV in the reader's language, with a byte-order mark so Excel
 * opens Thai text correctly. The national ID is exported exactly as the
 * server showed it (masked unless the reader may see it). Codes stay next to
 * their labels so the file can be imported again.
 */
export function personsCsv(rows: readonly Person[], t: TFunction, lang: 'th' | 'en'): string {
  const list = (name: EnumName, codes: readonly string[]) =>
    codes.map((c) => enumLabel(t, name, c)).join('; ');
  const header = [
    'id',
    t('persons.field.idType'),
    t('persons.field.nationalId'),
    t('persons.field.title'),
    t('persons.field.firstName'),
    t('persons.field.lastName'),
    t('persons.field.sex'),
    t('persons.field.birthDate'),
    'birthDate',
    t('persons.field.age'),
    t('persons.field.nationality'),
    t('persons.field.area'),
    'areaCode',
    t('persons.field.villageNo'),
    t('persons.field.houseNo'),
    t('persons.field.postcode'),
    t('persons.field.phone'),
    t('persons.field.vulnerability'),
    t('persons.field.chronicConditions'),
    t('persons.field.disability'),
    t('persons.field.healthCoverage'),
    t('persons.field.incomeBand'),
    t('persons.field.consent'),
    t('common.updatedAt'),
  ];
  const lines = rows.map((p) => [
    p.id,
    enumLabel(t, 'idType', p.idType),
    p.nationalId,
    p.title ? enumLabel(t, 'title', p.title) : '',
    p.firstName,
    p.lastName,
    enumLabel(t, 'sex', p.sex),
    birthDateText(t, lang, p.birthDate, p.birthDateEstimated),
    p.birthDate,
    String(p.age),
    p.nationality ? nationalityLabel(t, p.nationality) : '',
    p.address.areaName,
    p.address.villageCode ?? p.address.areaCode,
    p.address.villageNo === null ? '' : String(p.address.villageNo),
    p.address.houseNo,
    p.address.postcode,
    p.phone,
    list('vulnerability', p.vulnerability),
    list('chronicCondition', p.chronicConditions),
    p.disability ? list('disabilityType', p.disability.types) : '',
    p.healthCoverage ? enumLabel(t, 'healthCoverage', p.healthCoverage) : '',
    p.incomeBand ? enumLabel(t, 'incomeBand', p.incomeBand) : '',
    p.consent.collect ? t('persons.consentYes') : t('persons.consentNo'),
    formatDate(p.updatedAt, lang),
  ]);
  return `${UTF8_BOM}${[header, ...lines].map((cells) => cells.map(csvCell).join(',')).join('\r\n')}\r\n`;
}
