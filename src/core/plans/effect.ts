/**
 * Did an activity help? The change of one well-being dimension score among the people who did the
 * activity, against the change among similar people who did not.
 *
 * Scores: a wellbeing20 dimension score is the sum of its five items, 0–10, and HIGHER IS WORSE
 * (each item 0 fine / 1 at risk / 2 problem; the definition says `worseWhen: 'higher'`). So a
 * negative change is an improvement, and a negative `estimate` means the participants improved more
 * than the comparison group. The direction is read from the definition, not assumed, and carried in
 * `worseWhen` so that `describeEffect` and the draft ranking never get it backwards.
 *
 * Method (kept simple and honest — this is a field dashboard, not a trial):
 * 1. Each person's change is `after − before` (a later screening minus the one before starting).
 *    Rows with a score outside the dimension's range or not a number are dropped; a person counts
 *    once (first row); someone who is a participant is never also a comparison.
 * 2. Matching by starting point: people are put in the band their `before` score falls in, using
 *    the instrument's own cut-offs (green 0–2, yellow 3–5, red 6–10). People who start worse have
 *    more room to improve (and regress towards the mean), so comparing them with people who start
 *    fine would flatter the activity.
 * 3. For each band, the comparison mean change is computed; the comparison figure for the
 *    participants is those band means weighted by how many participants are in each band
 *    (direct standardisation to the participants' mix).
 * 4. Participants in a band with no comparison person cannot be matched and are left out of the
 *    estimate (`matchedN` counts those kept). `estimate` = mean change of matched participants −
 *    the weighted comparison mean change.
 * 5. With fewer than 10 matched participants or 10 comparison people used, the result is `small`:
 *    shown as "too few to tell" and never used to rank activities. No significance test is claimed.
 */
import { bandFor, dimensionRange, getInstrument, type InstrumentDefinition } from '../instruments/index.ts';
import type { PlanDimension } from '../schemas/plan.ts';
import { WELLBEING_INSTRUMENT } from './screening.ts';

/** Fewer people than this on either side: too few to tell. */
export const EFFECT_MIN_N = 10;
/** A difference of mean changes smaller than this many score points is "no difference" (half an item step). */
export const EFFECT_MEANINGFUL_POINTS = 0.5;

export interface ScoreChangeRow {
  personId: string;
  before: number;
  after: number;
}

export interface EffectSummary {
  /** Participants with a usable before/after pair. */
  n: number;
  /** Comparison people used (in a starting band that has participants). */
  comparisonN: number;
  /** Mean change of all participants (after − before). */
  meanChange: number | null;
  /** Comparison mean change, weighted to the participants' starting bands. */
  comparisonMeanChange: number | null;
  /** Mean change of matched participants minus `comparisonMeanChange`. */
  estimate: number | null;
  /** Too few to tell: fewer than 10 matched participants or 10 comparison people. */
  small: boolean;
  /** Participants whose starting band has comparison people (those the estimate rests on). */
  matchedN?: number;
  /** Which way the score is worse; `higher` for wellbeing20 (assumed when absent). */
  worseWhen?: 'higher' | 'lower';
}

const round2 = (x: number) => Math.round(x * 100) / 100;
const mean = (xs: readonly number[]) => (xs.length === 0 ? null : xs.reduce((s, x) => s + x, 0) / xs.length);

export function activityEffect(input: {
  dimension: PlanDimension;
  participants: readonly ScoreChangeRow[];
  comparison: readonly ScoreChangeRow[];
  /** The instrument the scores come from; the current wellbeing20 by default. */
  definition?: InstrumentDefinition;
}): EffectSummary {
  const definition = input.definition ?? getInstrument(WELLBEING_INSTRUMENT);
  const dimension = definition?.scoring.dimensions.find((d) => d.code === input.dimension);
  if (!definition || !dimension?.bands) {
    throw new Error(`No banded dimension ${input.dimension} in ${definition?.code ?? WELLBEING_INSTRUMENT}`);
  }
  const bands = dimension.bands;
  const range = dimensionRange(definition, dimension);
  const valid = (x: number) => Number.isFinite(x) && x >= range.min && x <= range.max;

  const clean = (rows: readonly ScoreChangeRow[], exclude: ReadonlySet<string>) => {
    const seen = new Set<string>();
    const out: { band: string; change: number }[] = [];
    for (const row of rows) {
      if (seen.has(row.personId) || exclude.has(row.personId)) continue;
      if (!valid(row.before) || !valid(row.after)) continue;
      seen.add(row.personId);
      out.push({ band: bandFor(bands, row.before).code, change: row.after - row.before });
    }
    return out;
  };
  const participants = clean(input.participants, new Set());
  const comparison = clean(input.comparison, new Set(input.participants.map((p) => p.personId)));

  const comparisonByBand = new Map<string, number[]>();
  for (const c of comparison)
    comparisonByBand.set(c.band, [...(comparisonByBand.get(c.band) ?? []), c.change]);
  const participantBands = new Set(participants.map((p) => p.band));

  const matched = participants.filter((p) => comparisonByBand.has(p.band));
  const bandMean = new Map([...comparisonByBand].map(([band, changes]) => [band, mean(changes) ?? 0]));
  const weightedComparison = mean(matched.map((p) => bandMean.get(p.band) ?? 0));
  const matchedMean = mean(matched.map((p) => p.change));
  const comparisonN = comparison.filter((c) => participantBands.has(c.band)).length;
  const meanChange = mean(participants.map((p) => p.change));

  return {
    n: participants.length,
    comparisonN,
    meanChange: meanChange === null ? null : round2(meanChange),
    comparisonMeanChange: weightedComparison === null ? null : round2(weightedComparison),
    estimate:
      matchedMean === null || weightedComparison === null ? null : round2(matchedMean - weightedComparison),
    small: matched.length < EFFECT_MIN_N || comparisonN < EFFECT_MIN_N,
    matchedN: matched.length,
    worseWhen: dimension.worseWhen ?? 'higher',
  };
}

/**
 * How much better the participants did than the comparison, in score points, with the sign made
 * so that positive = better whatever the score's direction. Null when unknown.
 */
export function improvementOf(e: EffectSummary): number | null {
  if (e.estimate === null) return null;
  const improvement = (e.worseWhen ?? 'higher') === 'higher' ? -e.estimate : e.estimate;
  return improvement === 0 ? 0 : improvement; // never -0
}

export type EffectKind = 'none' | 'small' | 'better' | 'worse' | 'no_difference';

/** The UI label: no data, too few to tell, or better / worse / no different from similar people. */
export function describeEffect(e: EffectSummary): { kind: EffectKind } {
  const improvement = improvementOf(e);
  if (improvement === null || e.n === 0) return { kind: 'none' };
  if (e.small) return { kind: 'small' };
  if (improvement >= EFFECT_MEANINGFUL_POINTS) return { kind: 'better' };
  if (improvement <= -EFFECT_MEANINGFUL_POINTS) return { kind: 'worse' };
  return { kind: 'no_difference' };
}
