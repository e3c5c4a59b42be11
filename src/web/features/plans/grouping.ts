/**
 * Plan pieces sorted the way people read a plan: the four dimensions in their fixed order (health,
 * economy, society, environment), best candidates first. Pure: unit-tested.
 */
import type { Level } from '../../../core/instruments/index.ts';
import { getInstrument } from '../../../core/instruments/index.ts';
import { type PlanDimension, planDimensions } from '../../../core/schemas/plan.ts';

export interface DimensionGroup<T> {
  dimension: PlanDimension;
  items: T[];
}

/** Every dimension in order, with its items (sorted by `rank` when they have one); empty ones kept. */
export function groupByDimension<T extends { dimension: string; rank?: number }>(
  items: readonly T[],
): DimensionGroup<T>[] {
  return planDimensions.map((dimension) => ({
    dimension,
    items: items
      .filter((i) => i.dimension === dimension)
      .map((item, index) => ({ item, index }))
      .sort((a, b) => (a.item.rank ?? 0) - (b.item.rank ?? 0) || a.index - b.index)
      .map((x) => x.item),
  }));
}

/** The traffic light of each plan dimension from a well-being screening's levels (other keys ignored). */
export function dimensionLevels(
  levels: Record<string, string> | null | undefined,
): Partial<Record<PlanDimension, Level>> {
  const out: Partial<Record<PlanDimension, Level>> = {};
  if (!levels) return out;
  for (const d of planDimensions) {
    const level = levels[d];
    if (level === 'green' || level === 'yellow' || level === 'red') out[d] = level;
  }
  return out;
}

/** True when the screening is known and every dimension is green: nothing to propose. */
export function allGreen(levels: Partial<Record<PlanDimension, Level>>): boolean {
  return planDimensions.every((d) => levels[d] === 'green');
}

/**
 * Adherence as a whole percentage (0–100): the server sends a percent, for a plan inside
 * `{percent, months}`. Null stays null (nothing reported yet).
 */
export function adherencePercent(
  value: number | { percent: number | null } | null | undefined,
): number | null {
  const raw = typeof value === 'object' && value !== null ? value.percent : value;
  if (raw === null || raw === undefined || !Number.isFinite(raw)) return null;
  return Math.round(Math.min(100, Math.max(0, raw)));
}

/** The colour of an adherence figure: green from 80 %, yellow from 50 %, else red. */
export function adherenceColor(percent: number | null): string {
  if (percent === null) return 'gray';
  if (percent >= 80) return 'teal';
  if (percent >= 50) return 'yellow';
  return 'red';
}

type Lang = 'th' | 'en';

/**
 * What an item code stands for, in short: a screening question (`H1` → "โรคประจำตัว") or a need
 * (`home_visit` → "การเยี่ยมบ้าน"); an unknown code is shown as it is.
 */
export function addressLabel(code: string, lang: Lang): string {
  const wellbeing = getInstrument('wellbeing20');
  const item = wellbeing?.items.find((i) => i.code === code);
  if (item && 'text' in item && item.text) {
    const text = (item.text as { th: string; en: string })[lang];
    return text.split(/\s*[(:]/)[0]?.trim() || code;
  }
  const needs = getInstrument('needs');
  for (const need of needs?.items ?? []) {
    const options =
      'options' in need ? (need.options as { value: unknown; label: { th: string; en: string } }[]) : [];
    const option = options.find((o) => o.value === code);
    if (option) return option.label[lang];
  }
  return code;
}

/**
 * How to read an activity's effect: the server's own reading when it sends one; otherwise "too few"
 * when small and "none" without figures (never a direction guessed from a raw score difference,
 * whose sign depends on the score).
 */
export function effectKind(effect: {
  n: number;
  estimate: number | null;
  small: boolean;
  kind?: 'none' | 'small' | 'better' | 'worse' | 'no_difference';
}): 'none' | 'small' | 'better' | 'worse' | 'no_difference' {
  if (effect.kind) return effect.kind;
  if (effect.n === 0 || effect.estimate === null) return 'none';
  return effect.small ? 'small' : 'no_difference';
}
