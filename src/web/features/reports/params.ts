/**
 * What a report view shows, kept in the address (`?area=&yearBE=&month=&by=`) so that a link
 * reproduces the view: parsing (anything odd falls back to a default), writing, and the choices
 * of year and month the filters offer.
 */

import { type ReportBreakdown, reportBreakdowns } from '../../../core/schemas/report.ts';
import { currentMonth } from '../../../core/screenings/month.ts';
import { toBuddhistYear } from '../../../core/thai/buddhistEra.ts';

export interface ReportParams {
  /** A DOPA code (2, 4, 6 or 8 digits), or null when no area is chosen yet. */
  area: string | null;
  /** A closed group instead of an area. */
  group: string | null;
  yearBE: number;
  /** 1–12, or null for the whole year. */
  month: number | null;
  by: ReportBreakdown;
}

const AREA_CODE = /^\d{2}(\d{2}){0,3}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** How many years back the year choice goes. */
export const YEARS_BACK = 4;

/** This Buddhist year and month (1–12), in Thai time. */
export function thaiNow(now: number | Date = Date.now()): { yearBE: number; month: number } {
  const [year, month] = currentMonth(now).split('-').map(Number) as [number, number];
  return { yearBE: toBuddhistYear(year), month };
}

/**
 * The view in the address; `fallbackArea` (the user's first area) when no area is given. An empty
 * `area=` is a choice too: no area yet (the list of provinces).
 */
export function parseReportParams(
  search: URLSearchParams,
  fallbackArea: string | null,
  now: { yearBE: number } = thaiNow(),
): ReportParams {
  const group = search.get('group');
  const area = search.get('area');
  const yearBE = Number(search.get('yearBE'));
  const month = Number(search.get('month'));
  const by = search.get('by') as ReportBreakdown | null;
  const validGroup = group && UUID.test(group) ? group : null;
  return {
    group: validGroup,
    area: validGroup ? null : area === '' ? null : area && AREA_CODE.test(area) ? area : fallbackArea,
    yearBE: Number.isInteger(yearBE) && yearBE >= 2500 && yearBE <= 2700 ? yearBE : now.yearBE,
    month: Number.isInteger(month) && month >= 1 && month <= 12 ? month : null,
    by: by && reportBreakdowns.includes(by) ? by : 'dimension',
  };
}

/** The address's query for a view: `area=901508&yearBE=2569&month=3&by=village`. */
export function reportSearch(params: ReportParams, extra: Record<string, string> = {}): string {
  const out = new URLSearchParams();
  if (params.group) out.set('group', params.group);
  else out.set('area', params.area ?? '');
  out.set('yearBE', String(params.yearBE));
  if (params.month) out.set('month', String(params.month));
  if (params.by !== 'dimension') out.set('by', params.by);
  for (const [key, value] of Object.entries(extra)) out.set(key, value);
  return out.toString();
}

/** The API query for a view (`by` may be overridden: the print and slides ask for their own). */
export function apiQuery(params: ReportParams, by: ReportBreakdown = params.by) {
  return {
    area: params.group ? undefined : (params.area ?? undefined),
    group: params.group ?? undefined,
    yearBE: params.yearBE,
    month: params.month ?? undefined,
    by,
  };
}

/** This year and the few before it, newest first; the year shown is always offered. */
export function yearChoices(thisYearBE: number, shown: number): number[] {
  const years = Array.from({ length: YEARS_BACK + 1 }, (_, i) => thisYearBE - i);
  return years.includes(shown) ? years : [...years, shown].sort((a, b) => b - a);
}

/** The months of a year that have begun (all twelve for a past year). */
export function monthChoices(yearBE: number, now: { yearBE: number; month: number }): number[] {
  const last = yearBE < now.yearBE ? 12 : yearBE === now.yearBE ? now.month : 0;
  return Array.from({ length: last }, (_, i) => i + 1);
}

/** The level of a DOPA code, by its length. */
export function levelOfCode(code: string): 'province' | 'district' | 'subdistrict' | 'village' {
  return code.length === 2
    ? 'province'
    : code.length === 4
      ? 'district'
      : code.length === 6
        ? 'subdistrict'
        : 'village';
}

/** The level one step down the tree, or null below a subdistrict. */
export function childLevel(code: string | null) {
  if (code === null) return 'province' as const;
  const level = levelOfCode(code);
  return level === 'province'
    ? 'district'
    : level === 'district'
      ? 'subdistrict'
      : level === 'subdistrict'
        ? 'village'
        : null;
}

/** Whether a report answers this view's area or group, year and month (the breakdown may differ). */
export function sameView(
  report: {
    scope: { kind: 'area'; code: string } | { kind: 'group'; id: string };
    yearBE: number;
    month?: number;
  },
  params: ReportParams,
): boolean {
  const scope =
    report.scope.kind === 'area' ? params.area === report.scope.code : params.group === report.scope.id;
  return scope && report.yearBE === params.yearBE && (report.month ?? null) === params.month;
}

/**
 * A view with some of it changed. Going down to a village leaves the village breakdown (a village
 * has no villages) for the vulnerable groups.
 */
export function changeView(params: ReportParams, change: Partial<ReportParams>): ReportParams {
  const next = { ...params, ...change };
  const village = next.area !== null && levelOfCode(next.area) === 'village';
  return village && next.by === 'village' ? { ...next, by: 'vulnerability' } : next;
}
