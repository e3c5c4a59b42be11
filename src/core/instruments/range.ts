/** The lowest and highest score each dimension can give: for the schema's band check and the property tests. */
import type { Dimension, InstrumentDefinition, Item } from './definition.ts';
import { findDerivedScore, type ScoreRange } from './derived.ts';

const NO_RANGE: ScoreRange = { min: Number.NaN, max: Number.NaN };

/** Points an item can add to its dimension; an item that may go unanswered (optional, or behind skip logic) can add 0. */
export function itemPointRange(item: Item): ScoreRange {
  const points = possiblePoints(item);
  const mayBeUnanswered = !item.required || item.showWhen !== undefined;
  const min = Math.min(...points, ...(mayBeUnanswered ? [0] : []));
  const max = Math.max(...points, ...(mayBeUnanswered ? [0] : []));
  return { min, max };
}

function possiblePoints(item: Item): number[] {
  switch (item.kind) {
    case 'choice':
      return item.options.map((o) => o.value * (item.weight ?? 1));
    case 'yes_no':
      return [0, item.weight ?? 1];
    case 'multi':
      return [0, item.options.length * (item.weight ?? 1)];
    case 'number':
      return [0];
  }
}

export function dimensionRange(definition: InstrumentDefinition, dimension: Dimension): ScoreRange {
  const score = dimension.score;
  if (score.kind === 'sum') {
    return definition.items
      .filter((item) => item.dimension === dimension.code)
      .map(itemPointRange)
      .reduce((acc, r) => ({ min: acc.min + r.min, max: acc.max + r.max }), { min: 0, max: 0 });
  }
  const derived = findDerivedScore(score.fn);
  if (!derived) return NO_RANGE;
  const byCode = new Map(definition.items.map((item) => [item.code, item]));
  const inputItems: Record<string, Item> = {};
  for (const [name, itemCode] of Object.entries(score.inputs)) {
    const item = byCode.get(itemCode);
    if (item) inputItems[name] = item;
  }
  return derived.range(inputItems, score.params);
}

/** `total` is the sum of all dimension scores. */
export function totalRange(definition: InstrumentDefinition): ScoreRange {
  return definition.scoring.dimensions
    .map((d) => dimensionRange(definition, d))
    .reduce((acc, r) => ({ min: acc.min + r.min, max: acc.max + r.max }), { min: 0, max: 0 });
}
