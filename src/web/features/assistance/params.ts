/**
 * What the totals page shows, kept in the address (`?org=mine&area=&yearBE=`) so that a link reproduces
 * it; anything odd falls back to a default. Pure: unit-tested.
 */
import { toCommonEraYear } from '../../../core/thai/buddhistEra.ts';

export interface TotalsParams {
  /** The user's own organisation instead of an area. */
  organization: boolean;
  /** A DOPA code, or null when no area is chosen yet. */
  area: string | null;
  yearBE: number;
}

const AREA_CODE = /^\d{2}(\d{2}){0,3}$/;

export function parseTotalsParams(
  search: URLSearchParams,
  fallbackArea: string | null,
  thisYearBE: number,
): TotalsParams {
  const area = search.get('area');
  const yearBE = Number(search.get('yearBE'));
  return {
    organization: search.get('org') === 'mine',
    area: area === '' ? null : area && AREA_CODE.test(area) ? area : fallbackArea,
    yearBE: Number.isInteger(yearBE) && yearBE >= 2500 && yearBE <= thisYearBE ? yearBE : thisYearBE,
  };
}

export function totalsSearch(p: TotalsParams): string {
  const out = new URLSearchParams();
  if (p.organization) out.set('org', 'mine');
  else out.set('area', p.area ?? '');
  out.set('yearBE', String(p.yearBE));
  return out.toString();
}

/** A Buddhist year as API dates: 1 January to 31 December, or to today for this year. */
export function periodOf(yearBE: number, today: string): { from: string; to: string } {
  const year = String(toCommonEraYear(yearBE)).padStart(4, '0');
  const end = `${year}-12-31`;
  return { from: `${year}-01-01`, to: end < today ? end : today };
}
