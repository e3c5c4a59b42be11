/**
 * Drafting an individual well-being plan (DOMAIN.md step 7): from the latest screening, candidate
 * activities of the library for each of the four dimensions, best first. The person, with their
 * volunteer or carer, picks from the draft; nothing here decides for them.
 *
 * Rules:
 * - Only what needs help is answered: the yellow and red items of the well-being screening and the
 *   needs picked in the needs survey ("flagged" codes). An activity is a candidate only when it
 *   addresses at least one flagged code; a dimension with no flagged item and no picked need
 *   (all green, nothing asked for) gets no candidates at all.
 * - An activity that does not suit the person is dropped, not ranked low: its ADL groups exclude the
 *   person's group, or its age range excludes their age. An unknown ADL group (`null`) or age (not a
 *   finite number) excludes nothing: we do not guess.
 * - Ranking within a dimension: more red items addressed first, then more yellow items, then more
 *   needs; then measured effectiveness (only an effect whose sample is not `small`; an unmeasured
 *   activity counts as no difference, so a measured help ranks above it and a measured harm below);
 *   then fit (the activity names the person's ADL group; its age range, when it has one, holds the
 *   person); then code, title and id, so the same input always gives the same draft.
 * - `addresses` of a draft item = the flagged codes it answers: red items, yellow items, then needs.
 */
import type { AdlGroup } from '../persons/vulnerability.ts';
import { type PlanDimension, type PlanDraftItem, planDimensions } from '../schemas/plan.ts';
import { type EffectSummary, improvementOf } from './effect.ts';
import { type AnswerSource, CODE_DIMENSIONS, itemLevelsOfScreening, needsOfScreening } from './screening.ts';

export type ItemLevel = 'green' | 'yellow' | 'red';

/** An activity as the drafter needs it (a library row; DB text columns are accepted as they are). */
export interface DraftActivity {
  id: string;
  code?: string | null;
  dimension: PlanDimension | string;
  title: string;
  addresses: readonly string[];
  modes: readonly string[];
  adlGroups: readonly (AdlGroup | string)[];
  minAge?: number | null;
  maxAge?: number | null;
}

export interface DraftInput {
  /** Per wellbeing20 item code, from the latest screening (`itemLevelsOf`). */
  itemLevels: Readonly<Record<string, ItemLevel>>;
  /** Needs codes picked in the needs survey (`needsOf`). */
  needs: readonly string[];
  person: { ageYears: number; adlGroup: AdlGroup | null };
  activities: readonly DraftActivity[];
  /** Measured effect of each activity, by activity id. */
  effects?: ReadonlyMap<string, EffectSummary>;
  /** Candidates per dimension; 5 by default, `Infinity` for all. */
  perDimension?: number;
}

export type DraftItem = PlanDraftItem;

export const DEFAULT_PER_DIMENSION = 5;

interface Candidate {
  activity: DraftActivity;
  dimension: PlanDimension;
  red: string[];
  yellow: string[];
  needs: string[];
  improvement: number;
  fit: number;
  key: string;
}

const isPlanDimension = (value: string): value is PlanDimension =>
  (planDimensions as readonly string[]).includes(value);

export function draftPlan(input: DraftInput): DraftItem[] {
  const perDimension = input.perDimension ?? DEFAULT_PER_DIMENSION;
  if (!(perDimension === Number.POSITIVE_INFINITY || (Number.isInteger(perDimension) && perDimension >= 1))) {
    throw new RangeError(`perDimension must be a whole number of at least 1, got ${perDimension}`);
  }

  const levelOf = new Map<string, 'yellow' | 'red'>();
  for (const [code, level] of Object.entries(input.itemLevels)) {
    if (level === 'yellow' || level === 'red') levelOf.set(code, level);
  }
  const needs = new Set(input.needs);
  const activeDimensions = new Set<PlanDimension>();
  for (const code of [...levelOf.keys(), ...needs]) {
    const dimension = CODE_DIMENSIONS.get(code);
    if (dimension) activeDimensions.add(dimension);
  }

  const { ageYears, adlGroup } = input.person;
  const ageKnown = Number.isFinite(ageYears);
  const seen = new Set<string>();
  const candidates: Candidate[] = [];
  for (const activity of input.activities) {
    if (seen.has(activity.id)) continue;
    seen.add(activity.id);
    const { dimension } = activity;
    if (!isPlanDimension(dimension) || !activeDimensions.has(dimension)) continue;

    const addressed = [...new Set(activity.addresses)];
    const red = addressed.filter((c) => levelOf.get(c) === 'red');
    const yellow = addressed.filter((c) => levelOf.get(c) === 'yellow');
    const picked = addressed.filter((c) => needs.has(c));
    if (red.length + yellow.length + picked.length === 0) continue;

    const adlNamed = activity.adlGroups.length > 0;
    if (adlGroup !== null && adlNamed && !activity.adlGroups.includes(adlGroup)) continue;
    const { minAge, maxAge } = activity;
    const ageRanged = (minAge ?? null) !== null || (maxAge ?? null) !== null;
    if (ageKnown && minAge != null && ageYears < minAge) continue;
    if (ageKnown && maxAge != null && ageYears > maxAge) continue;

    const effect = input.effects?.get(activity.id);
    const improvement = effect && !effect.small ? (improvementOf(effect) ?? 0) : 0;
    const fit = (adlGroup !== null && adlNamed ? 1 : 0) + (ageKnown && ageRanged ? 1 : 0);
    candidates.push({
      activity,
      dimension,
      red,
      yellow,
      needs: picked,
      improvement,
      fit,
      key: activity.code ?? activity.title,
    });
  }

  candidates.sort(compareCandidates);
  const items: DraftItem[] = [];
  for (const dimension of planDimensions) {
    const ranked = candidates.filter((c) => c.dimension === dimension).slice(0, perDimension);
    ranked.forEach((c, i) => {
      items.push({
        activityId: c.activity.id,
        dimension,
        title: c.activity.title,
        addresses: [...c.red, ...c.yellow, ...c.needs],
        rank: i + 1,
      });
    });
  }
  return items;
}

const byString = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function compareCandidates(a: Candidate, b: Candidate): number {
  return (
    b.red.length - a.red.length ||
    b.yellow.length - a.yellow.length ||
    b.needs.length - a.needs.length ||
    b.improvement - a.improvement ||
    b.fit - a.fit ||
    byString(a.key, b.key) ||
    byString(a.activity.title, b.activity.title) ||
    byString(a.activity.id, b.activity.id)
  );
}

/**
 * What a draft starts from, read off the person's latest stored screenings: the item levels of
 * the well-being screening and the needs of the needs survey (either may be missing).
 */
export function draftBasis(screenings: { wellbeing?: AnswerSource | null; needs?: AnswerSource | null }): {
  itemLevels: Record<string, ItemLevel>;
  needs: string[];
} {
  return {
    itemLevels: screenings.wellbeing ? itemLevelsOfScreening(screenings.wellbeing) : {},
    needs: screenings.needs ? needsOfScreening(screenings.needs) : [],
  };
}
