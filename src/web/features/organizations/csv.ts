import type { TFunction } from 'i18next';
import type { Organization } from '../../../core/schemas/index.ts';
import { formatDate } from '../../../core/thai/buddhistEra.ts';
import { csvCell, UTF8_BOM } from '../../../core/util/csv.ts';
import { serviceLabel } from './labels.ts';

type Translate = TFunction;

/**
 * Organisations as CSV in the reader's language, with a byte-order mark so
 * Excel opens Thai text correctly. Codes stay as codes next to their labels.
 */
export function organizationsCsv(rows: readonly Organization[], t: Translate, lang: 'th' | 'en'): string {
  const header = [
    'id',
    t('organizations.field.name'),
    t('organizations.field.nameEn'),
    t('organizations.field.type'),
    'type',
    t('organizations.field.area'),
    'areaCode',
    t('organizations.field.tier'),
    t('organizations.field.services'),
    t('organizations.field.phone'),
    t('organizations.field.email'),
    t('organizations.field.contactName'),
    t('organizations.field.address'),
    t('common.createdAt'),
  ];
  const lines = rows.map((o) => [
    o.id,
    o.name,
    o.nameEn,
    t(`enums.organizationType.${o.type}`),
    o.type,
    o.areaName,
    o.areaCode,
    o.tier,
    o.services.map((s) => serviceLabel(t, s)).join('; '),
    o.phone,
    o.email,
    o.contactName,
    o.address,
    formatDate(o.createdAt, lang),
  ]);
  return `${UTF8_BOM}${[header, ...lines].map((cells) => cells.map(csvCell).join(',')).join('\r\n')}\r\n`;
}

export function downloadText(filename: string, text: string, type = 'text/csv;charset=utf-8'): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
