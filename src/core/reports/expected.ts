/**
 * The well-being report computed straight from raw rows: the reference implementation.
 *
 * The server keeps rollups current and answers from them; its tests compare every figure it
 * returns with this function's, on both databases. So this is written to be obviously correct,
 * not fast: every figure is a plain loop over people and screenings, and every definition is here.
 *
 * Definitions (period and months: `period.ts`, Thai time, calendar Buddhist year):
 * - In scope: people not merged into another record (`mergedInto` null) whose current address is
 *   in the area (an 8-digit code is a village and matches `villageCode`; a 2-, 4- or 6-digit code
 *   is a prefix of the 6-digit `areaCode`), or whose id is in the group's list.
 * - Screening: a `wellbeing20` screening of a person in scope. Its month is `bangkokMonth(takenAt)`
 *   (a row whose stored `takenMonth` disagrees is an error). When a person has several in a
 *   month or period, the latest counts: greatest `takenAt`, then greatest `id` (the server's order).
 * - registered: in scope and registered (`createdAt`) before the period ends, or screened in the
 *   period (so that screenings imported for people registered later still count, and screened is
 *   always part of registered).
 * - screened: in scope with a screening in the period. coverage = screened / registered, %.
 * - due (as the due list): in scope, registered before the reference month ends, no screening in
 *   it. overdue: due, no screening in the month before either, and registered before the
 *   reference month began. In a month report registered = screened + due.
 * - dimensions: the levels of each screened person's latest screening in the period.
 * - items: the level of each item of that screening, from its answers (`itemLevelsOfScreening`).
 * - overall: its total score (`scores.total`, else the sum of the dimensions): mean, five-point
 *   bands, and the worst of its four dimension levels.
 * - trend: for each month from January to the reference month, the latest screening of each
 *   person screened in that month: levels and mean score per dimension.
 * - change: each screened person's latest screening in the period against the screening before it
 *   (whenever that was); people with no earlier screening are not counted. Per dimension as the
 *   timeline shows it (`changeOf`: by level, and by score when the level stayed). A person is
 *   worse when any dimension is worse, else improved when any is better, else the same.
 * - forecast: `forecastMonthly` of each dimension's trend means, clamped to the dimension's range.
 * - breakdown rows count registered and screened people (households in the household breakdown)
 *   and the levels of the screened:
 *   village — `villageCode`, `none` for people without one, villages with registered people;
 *   vulnerability — `vulnerabilityOf` on `period.asOf` (elderly from age, bedbound from ADL), every
 *     known type, then others found, then `none`; a person counts in each of their types;
 *   adl — every ADL group, then `none`; age — ten-year bands on `period.asOf`, every band;
 *   sex — male, female, then others found; month — each trend month, as the trend (registered by
 *     the end of that month, or screened in it);
 *   household — per village, households (`householdId`) with a registered member; screened =
 *     with a screened member; levels = the worst level among its screened members (red = at least
 *     one red member); people without a household are left out;
 *   dimension — one row per dimension, holding that dimension only (the same figures as the top).
 * - plans (when any person in scope has a plan): withPlan = screened people with a plan created
 *   before the period ended; reporting = people in scope with progress reported for a month of the
 *   period; adherence = `adherence()` over those reports.
 * Vulnerability types, ADL group and address are the person's current ones: history is not kept.
 */
import { type AnswerValue, getInstrument, type Level, totalRange } from '../instruments/index.ts';
import { adlGroups, vulnerabilityOf } from '../persons/vulnerability.ts';
import { adherence, type ProgressEntry } from '../plans/adherence.ts';
import { itemLevelsOfScreening, WELLBEING_INSTRUMENT, wellbeingItemCodes } from '../plans/screening.ts';
import { vulnerabilityTypes } from '../schemas/person.ts';
import {
  type BreakdownRow,
  type DimensionCounts,
  type LevelCounts,
  type ReportBreakdown,
  type ReportChange,
  type ReportDimension,
  type ReportPlans,
  type ReportScope,
  reportDimensions,
  type TrendPoint,
  type WellbeingReport,
} from '../schemas/report.ts';
import { type Change, changeOf, levelChange, scoreChange } from '../screenings/change.ts';
import { bangkokMonth, monthStart, shiftMonth } from '../screenings/month.ts';
import { ageOn } from '../thai/birthDate.ts';
import { ageBandOf, ageBands, meanOf, percentOf, totalBandOf, totalBands } from './bands.ts';
import { forecastOfTrend } from './forecast.ts';
import { type ReportPeriod, reportPeriod } from './period.ts';

export interface ReportPerson {
  id: string;
  /** The 6-digit subdistrict code. */
  areaCode: string;
  /** The 8-digit village code, when known. */
  villageCode: string | null;
  householdId: string | null;
  sex: string;
  /** ISO date. */
  birthDate: string;
  /** The recorded types (`elderly` is computed, never stored). */
  vulnerability: readonly string[];
  adlGroup: string | null;
  mergedInto: string | null;
  /** When the person was registered (ISO instant). */
  createdAt: string;
}

export interface ReportScreening {
  id: string;
  personId: string;
  instrument: string;
  version: number;
  /** ISO instant. */
  takenAt: string;
  /** The stored month, if any: checked against `takenAt`. */
  takenMonth?: string;
  scores: Readonly<Record<string, number>>;
  levels: Readonly<Record<string, string>>;
  answers: Readonly<Record<string, AnswerValue | null | undefined>>;
  /** The items' levels when already worked out from `answers` (the rollup keeps them, not the answers). */
  itemLevels?: Readonly<Record<string, Level>>;
}

export interface ReportPlan {
  personId: string;
  /** ISO instant. */
  createdAt: string;
}

export interface ReportProgress extends ProgressEntry {
  personId: string;
}

export type ReportInputScope =
  | { kind: 'area'; code: string }
  | { kind: 'group'; id: string; personIds: readonly string[] };

export interface ReportInput {
  scope: ReportInputScope;
  yearBE: number;
  month?: number;
  by: ReportBreakdown;
  /** When the report is asked for: fixes the reference month and ages. */
  now: string | number | Date;
  people: readonly ReportPerson[];
  /** Any instruments; only `wellbeing20` counts. */
  screenings: readonly ReportScreening[];
  plans?: readonly ReportPlan[];
  progress?: readonly ReportProgress[];
  /** Display names by key (village codes). */
  names?: Readonly<Record<string, string>>;
}

const NONE = 'none';
const levelNames: readonly Level[] = ['green', 'yellow', 'red'];

/** Whether a person lives in (or is enrolled in) the scope. */
export function inScope(person: ReportPerson, scope: ReportInputScope): boolean {
  if (person.mergedInto !== null) return false;
  if (scope.kind === 'group') return scope.personIds.includes(person.id);
  if (scope.code.length === 8) return person.villageCode === scope.code;
  return person.areaCode.startsWith(scope.code);
}

/** Later in the server's order: `takenAt`, then `id`. */
export function isLater(
  a: Pick<ReportScreening, 'takenAt' | 'id'>,
  b: Pick<ReportScreening, 'takenAt' | 'id'>,
) {
  const ta = Date.parse(a.takenAt);
  const tb = Date.parse(b.takenAt);
  return ta !== tb ? ta > tb : a.id > b.id;
}

/** The latest of some screenings, or undefined. */
export function latestOf<T extends Pick<ReportScreening, 'takenAt' | 'id'>>(
  screenings: readonly T[],
): T | undefined {
  let best: T | undefined;
  for (const s of screenings) if (!best || isLater(s, best)) best = s;
  return best;
}

const isLevel = (v: string | undefined): v is Level => v === 'green' || v === 'yellow' || v === 'red';
const worse = (a: Level | undefined, b: Level): Level =>
  a === undefined || levelNames.indexOf(b) > levelNames.indexOf(a) ? b : a;

export function emptyLevels(): { green: number; yellow: number; red: number } {
  return { green: 0, yellow: 0, red: 0 };
}

/** Levels per dimension of some screenings. */
function dimensionLevels(screenings: readonly ReportScreening[]): Record<ReportDimension, LevelCounts> {
  const out = {} as Record<ReportDimension, { green: number; yellow: number; red: number }>;
  for (const d of reportDimensions) {
    out[d] = emptyLevels();
    for (const s of screenings) {
      const level = s.levels[d];
      if (isLevel(level)) out[d][level] += 1;
    }
  }
  return out;
}

export function expectedReport(input: ReportInput): WellbeingReport {
  const period = reportPeriod(input.yearBE, input.month, input.now);
  const definition = getInstrument(WELLBEING_INSTRUMENT);
  if (!definition) throw new Error('wellbeing20 is not published');

  const people = input.people.filter((p) => inScope(p, input.scope));
  const ids = new Set(people.map((p) => p.id));

  // Every wellbeing20 screening of a person in scope, by person, with its Thai month.
  const byPerson = new Map<string, ReportScreening[]>();
  const monthOf = new Map<ReportScreening, string>();
  for (const s of input.screenings) {
    if (s.instrument !== WELLBEING_INSTRUMENT || !ids.has(s.personId)) continue;
    const month = bangkokMonth(s.takenAt);
    if (s.takenMonth !== undefined && s.takenMonth !== month) {
      throw new Error(`screening ${s.id}: takenMonth ${s.takenMonth} but taken in ${month} (Thai time)`);
    }
    monthOf.set(s, month);
    byPerson.set(s.personId, [...(byPerson.get(s.personId) ?? []), s]);
  }
  const screeningsOf = (personId: string) => byPerson.get(personId) ?? [];
  /** The person's latest screening in these months, if any. */
  const latestIn = (personId: string, months: readonly string[]) =>
    latestOf(screeningsOf(personId).filter((s) => months.includes(monthOf.get(s) as string)));
  const registeredBefore = (p: ReportPerson, end: string) => Date.parse(p.createdAt) < Date.parse(end);
  const monthEnd = (month: string) => monthStart(shiftMonth(month, 1));

  // The period: who is registered, who is screened and their latest screening.
  const latest = new Map<string, ReportScreening>();
  for (const p of people) {
    const s = latestIn(p.id, period.months);
    if (s) latest.set(p.id, s);
  }
  const registered = people.filter((p) => registeredBefore(p, period.end) || latest.has(p.id));
  const screened = registered.filter((p) => latest.has(p.id));

  // Due and overdue in the reference month.
  const ref = period.referenceMonth;
  const due = people.filter((p) => registeredBefore(p, monthEnd(ref)) && !latestIn(p.id, [ref]));
  const overdue = due.filter(
    (p) => !latestIn(p.id, [shiftMonth(ref, -1)]) && registeredBefore(p, monthStart(ref)),
  );

  const latestScreenings = screened.map((p) => latest.get(p.id) as ReportScreening);
  const dimensions = dimensionLevels(latestScreenings) as DimensionCounts;

  // Items.
  const itemCodes = wellbeingItemCodes();
  const items: Record<string, { green: number; yellow: number; red: number }> = {};
  for (const code of itemCodes) items[code] = emptyLevels();
  for (const s of latestScreenings) {
    for (const [code, level] of Object.entries(itemLevelsOfScreening(s))) {
      items[code] ??= emptyLevels();
      (items[code] as { green: number; yellow: number; red: number })[level] += 1;
    }
  }

  // Overall.
  const range = totalRange(definition);
  const scores: Record<string, number> = {};
  for (const band of totalBands(range.min, range.max)) scores[band] = 0;
  const worst = emptyLevels();
  let totalSum = 0;
  for (const s of latestScreenings) {
    const total = s.scores.total ?? reportDimensions.reduce((sum, d) => sum + (s.scores[d] ?? 0), 0);
    totalSum += total;
    const band = totalBandOf(total, range.min, range.max);
    scores[band] = (scores[band] ?? 0) + 1;
    let w: Level | undefined;
    for (const d of reportDimensions) {
      const level = s.levels[d];
      if (isLevel(level)) w = worse(w, level);
    }
    if (w) worst[w] += 1;
  }
  const overall = { mean: meanOf(totalSum, latestScreenings.length), scores, worst };

  // Trend.
  const trend: TrendPoint[] = period.trendMonths.map((month) => {
    const ofMonth = people.flatMap((p) => latestIn(p.id, [month]) ?? []);
    const levels = dimensionLevels(ofMonth);
    const cells = {} as TrendPoint['dimensions'];
    for (const d of reportDimensions) {
      const withScore = ofMonth.filter((s) => typeof s.scores[d] === 'number');
      const sum = withScore.reduce((acc, s) => acc + (s.scores[d] as number), 0);
      cells[d] = { ...levels[d], mean: meanOf(sum, withScore.length) };
    }
    return { month, dimensions: cells };
  });

  // Change against the previous screening.
  const change = changeCounts(screened, latest, screeningsOf);

  // Forecast.
  const forecast = forecastOfTrend(trend);

  // Breakdown.
  const context: BreakdownContext = {
    input,
    period,
    people,
    registered,
    latest,
    latestIn,
    registeredBefore,
    monthEnd,
    dimensions,
    population: { registered: registered.length, screened: screened.length },
  };
  const breakdown = breakdownRows(input.by, context);

  // Plans.
  const plans = planFigures(input, period, people, screened);

  const scope: ReportScope =
    input.scope.kind === 'area'
      ? { kind: 'area', code: input.scope.code }
      : { kind: 'group', id: input.scope.id };
  return {
    scope,
    yearBE: input.yearBE,
    ...(input.month !== undefined ? { month: input.month } : {}),
    by: input.by,
    population: {
      registered: registered.length,
      screened: screened.length,
      coverage: percentOf(screened.length, registered.length),
      due: due.length,
      overdue: overdue.length,
      dueMonth: ref,
    },
    dimensions,
    items,
    overall,
    breakdown,
    trend,
    change,
    forecast,
    ...(plans ? { plans } : {}),
    suppressed: false,
  };
}

function changeCounts(
  screened: readonly ReportPerson[],
  latest: ReadonlyMap<string, ReportScreening>,
  screeningsOf: (personId: string) => readonly ReportScreening[],
): ReportChange {
  const fresh = () => ({ improved: 0, worse: 0, same: 0 });
  const person = fresh();
  const dimensions = {} as Record<ReportDimension, { improved: number; worse: number; same: number }>;
  for (const d of reportDimensions) dimensions[d] = fresh();
  for (const p of screened) {
    const now = latest.get(p.id) as ReportScreening;
    const before = latestOf(screeningsOf(p.id).filter((s) => isLater(now, s)));
    if (!before) continue;
    const change = changeBetween(before, now);
    for (const [d, c] of Object.entries(change.dimensions)) dimensions[d as ReportDimension][c] += 1;
    person[change.person] += 1;
  }
  return { ...person, dimensions };
}

export type ChangeKey = 'improved' | 'worse' | 'same';

/**
 * One person's change from a screening to the next, per dimension as the timeline shows it
 * (`changeOf`: by level, and by score when the level stayed), and as a whole: worse when any
 * dimension is worse, else improved when any is better, else the same.
 */
export function changeBetween(
  before: Pick<ReportScreening, 'levels' | 'scores'>,
  now: Pick<ReportScreening, 'levels' | 'scores' | 'instrument' | 'version'>,
): { person: ChangeKey; dimensions: Partial<Record<ReportDimension, ChangeKey>> } {
  const definition = getInstrument(now.instrument, now.version);
  const key = (c: Change): ChangeKey => (c === 'better' ? 'improved' : c);
  const dimensions: Partial<Record<ReportDimension, ChangeKey>> = {};
  const changes: Change[] = [];
  for (const d of reportDimensions) {
    const worseWhen = definition?.scoring.dimensions.find((x) => x.code === d)?.worseWhen ?? 'higher';
    const byLevel = levelChange(before.levels[d], now.levels[d]);
    const byScore = scoreChange(before.scores[d], now.scores[d], worseWhen);
    const c = changeOf(
      { change: byLevel ? { [d]: byLevel } : {}, scoreChange: byScore ? { [d]: byScore } : {} },
      d,
    );
    if (c === null) continue;
    dimensions[d] = key(c);
    changes.push(c);
  }
  const person = changes.includes('worse') ? 'worse' : changes.includes('better') ? 'improved' : 'same';
  return { person, dimensions };
}

interface BreakdownContext {
  input: ReportInput;
  period: ReportPeriod;
  people: readonly ReportPerson[];
  registered: readonly ReportPerson[];
  latest: ReadonlyMap<string, ReportScreening>;
  latestIn: (personId: string, months: readonly string[]) => ReportScreening | undefined;
  registeredBefore: (p: ReportPerson, end: string) => boolean;
  monthEnd: (month: string) => string;
  dimensions: DimensionCounts;
  population: { registered: number; screened: number };
}

/** Rows of people grouped by key(s): each registered person counts in every key it returns. */
function peopleRows(
  c: BreakdownContext,
  keysOf: (p: ReportPerson) => readonly string[],
  order: (found: readonly string[]) => string[],
): BreakdownRow[] {
  const groups = new Map<string, ReportPerson[]>();
  for (const p of c.registered) for (const k of keysOf(p)) groups.set(k, [...(groups.get(k) ?? []), p]);
  return order([...groups.keys()]).map((key) => {
    const members = groups.get(key) ?? [];
    const screenings = members.flatMap((p) => c.latest.get(p.id) ?? []);
    return {
      key,
      label: c.input.names?.[key] ?? key,
      registered: members.length,
      screened: screenings.length,
      dimensions: dimensionLevels(screenings),
    };
  });
}

/** `known` first in its order, then other keys found (sorted), then `none` when found. */
const ordered =
  (known: readonly string[], keepAllKnown: boolean) =>
  (found: readonly string[]): string[] => {
    const others = found.filter((k) => !known.includes(k) && k !== NONE).sort();
    const first = keepAllKnown ? [...known] : known.filter((k) => found.includes(k));
    return [
      ...first,
      ...others,
      ...(found.includes(NONE) || (keepAllKnown && known.length > 0) ? [NONE] : []),
    ];
  };

const villageKey = (p: ReportPerson) => p.villageCode ?? NONE;

function breakdownRows(by: ReportBreakdown, c: BreakdownContext): BreakdownRow[] {
  const asOf = c.period.asOf;
  switch (by) {
    case 'dimension':
      return reportDimensions.map((d) => ({
        key: d,
        label: d,
        registered: c.population.registered,
        screened: c.population.screened,
        dimensions: { [d]: { ...c.dimensions[d] } },
      }));
    case 'village':
      return peopleRows(c, (p) => [villageKey(p)], ordered([], false));
    case 'vulnerability':
      return peopleRows(
        c,
        (p) => {
          const types = vulnerabilityOf(p.vulnerability, p.birthDate, asOf, p.adlGroup);
          return types.length > 0 ? [...new Set(types)] : [NONE];
        },
        ordered(vulnerabilityTypes, true),
      );
    case 'adl':
      return peopleRows(c, (p) => [p.adlGroup ?? NONE], ordered(adlGroups, true));
    case 'age':
      return peopleRows(
        c,
        (p) => [ageBandOf(ageOn(p.birthDate, asOf))],
        (found) => [...ageBands, ...found.filter((k) => !ageBands.includes(k)).sort()],
      );
    case 'sex':
      return peopleRows(
        c,
        (p) => [p.sex],
        (found) => {
          const known = ['male', 'female'];
          return [...known, ...found.filter((k) => !known.includes(k)).sort()];
        },
      );
    case 'month':
      return c.period.trendMonths.map((month) => {
        const screenings = c.people.flatMap((p) => c.latestIn(p.id, [month]) ?? []);
        const screenedIds = new Set(screenings.map((s) => s.personId));
        const registered = c.people.filter(
          (p) => c.registeredBefore(p, c.monthEnd(month)) || screenedIds.has(p.id),
        ).length;
        return {
          key: month,
          label: month,
          registered,
          screened: screenings.length,
          dimensions: dimensionLevels(screenings),
        };
      });
    case 'household':
      return householdRows(c);
  }
}

/** Per village: households with a registered member, with a screened member, by worst member level. */
function householdRows(c: BreakdownContext): BreakdownRow[] {
  const villages = new Map<string, Map<string, ReportPerson[]>>();
  for (const p of c.registered) {
    if (p.householdId === null) continue;
    const households = villages.get(villageKey(p)) ?? new Map<string, ReportPerson[]>();
    households.set(p.householdId, [...(households.get(p.householdId) ?? []), p]);
    villages.set(villageKey(p), households);
  }
  return ordered(
    [],
    false,
  )([...villages.keys()]).map((key) => {
    const households = [...(villages.get(key) ?? new Map<string, ReportPerson[]>()).values()];
    const dimensions = {} as Record<ReportDimension, { green: number; yellow: number; red: number }>;
    for (const d of reportDimensions) dimensions[d] = emptyLevels();
    let screened = 0;
    for (const members of households) {
      const screenings = members.flatMap((p) => c.latest.get(p.id) ?? []);
      if (screenings.length === 0) continue;
      screened += 1;
      for (const d of reportDimensions) {
        let w: Level | undefined;
        for (const s of screenings) {
          const level = s.levels[d];
          if (isLevel(level)) w = worse(w, level);
        }
        if (w) dimensions[d][w] += 1;
      }
    }
    return { key, label: c.input.names?.[key] ?? key, registered: households.length, screened, dimensions };
  });
}

function planFigures(
  input: ReportInput,
  period: ReportPeriod,
  people: readonly ReportPerson[],
  screened: readonly ReportPerson[],
): ReportPlans | undefined {
  const ids = new Set(people.map((p) => p.id));
  const plans = (input.plans ?? []).filter((p) => ids.has(p.personId));
  if (plans.length === 0) return undefined;
  const withPlan = screened.filter((p) =>
    plans.some((plan) => plan.personId === p.id && Date.parse(plan.createdAt) < Date.parse(period.end)),
  ).length;
  const entries = (input.progress ?? []).filter(
    (e) => ids.has(e.personId) && period.months.includes(e.month),
  );
  return {
    withPlan,
    coverage: percentOf(withPlan, screened.length),
    reporting: new Set(entries.map((e) => e.personId)).size,
    adherence: adherence(entries).percent,
  };
}
