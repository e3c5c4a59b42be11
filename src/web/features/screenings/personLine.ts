import type { TFunction } from 'i18next';
import type { DueItem } from './types.ts';

type ListedPerson = DueItem['person'];

/** `บ้านเลขที่ 12 หมู่ 1`: how a volunteer finds the house. */
export function whereLine(t: TFunction, p: ListedPerson): string {
  const parts: string[] = [];
  if (p.houseNo) parts.push(t('persons.house', { no: p.houseNo }));
  if (p.villageNo) parts.push(t('persons.villageNo', { no: p.villageNo }));
  return parts.join(' ') || t('common.none');
}
