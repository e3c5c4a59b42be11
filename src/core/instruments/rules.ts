/**
 * The cross-references a definition must get right beyond its shape: every
 * code it mentions exists, skip logic only looks back, bands cover the score
 * range in order and get worse in the direction the dimension gets worse.
 * A definition passing these can be scored without any further checks.
 */
import type { z } from 'zod';
import type { Condition, Dimension, InstrumentDefinition, Item, ItemCondition } from './definition.ts';
import { findDerivedScore } from './derived.ts';
import { severity } from './level.ts';
import { dimensionRange } from './range.ts';

type Path = (string | number)[];

export function definitionRules(definition: InstrumentDefinition, ctx: z.RefinementCtx): void {
  const report = (path: Path, message: string) => ctx.addIssue({ code: 'custom', path, message });
  checkItems(definition, report);
  checkDimensions(definition, report);
  checkConditions(definition, report);
}

type Report = (path: Path, message: string) => void;

function duplicates(values: readonly (string | number)[]): Set<string | number> {
  return new Set(values.filter((v, i) => values.indexOf(v) !== i));
}

function checkItems(definition: InstrumentDefinition, report: Report): void {
  const { items, scoring } = definition;
  const sumDimensions = new Set(scoring.dimensions.filter((d) => d.score.kind === 'sum').map((d) => d.code));
  const repeated = duplicates(items.map((i) => i.code));

  items.forEach((item, index) => {
    const path = ['items', index];
    if (repeated.has(item.code)) report([...path, 'code'], 'duplicate_item');
    if (
      (item.kind === 'choice' || item.kind === 'multi') &&
      duplicates(item.options.map((o) => o.value)).size
    ) {
      report([...path, 'options'], 'duplicate_option');
    }
    if (item.kind === 'number' && !(item.min < item.max)) report([...path, 'max'], 'max_not_above_min');
    if (item.dimension !== undefined) {
      if (item.kind === 'number') report([...path, 'dimension'], 'number_items_are_not_summed');
      else if (!sumDimensions.has(item.dimension)) report([...path, 'dimension'], 'unknown_sum_dimension');
    }
    if (item.showWhen) {
      // Only earlier items: visibility is then decided in one pass, and a cycle is impossible.
      const earlier = items.slice(0, index);
      checkItemCondition(item.showWhen, earlier, [...path, 'showWhen'], report);
    }
  });
}

function checkItemCondition(
  condition: ItemCondition,
  items: readonly Item[],
  path: Path,
  report: Report,
): void {
  const target = items.find((i) => i.code === condition.item);
  if (!target) {
    report([...path, 'item'], 'unknown_or_later_item');
    return;
  }
  const fits =
    target.kind === 'yes_no'
      ? typeof condition.value === 'boolean' && (condition.op === 'eq' || condition.op === 'ne')
      : target.kind !== 'multi' && typeof condition.value === 'number';
  if (!fits) report([...path, 'value'], 'condition_does_not_fit_item');
}

function checkDimensions(definition: InstrumentDefinition, report: Report): void {
  const { scoring } = definition;
  const repeated = duplicates(scoring.dimensions.map((d) => d.code));
  scoring.dimensions.forEach((dimension, index) => {
    const path = ['scoring', 'dimensions', index];
    if (repeated.has(dimension.code)) report([...path, 'code'], 'duplicate_dimension');
    if (dimension.code === 'total') report([...path, 'code'], 'total_is_reserved');
    if (dimension.score.kind === 'sum' && !definition.items.some((i) => i.dimension === dimension.code)) {
      report([...path, 'score'], 'no_items');
    }
    if (dimension.score.kind === 'derived') checkDerived(definition, dimension, [...path, 'score'], report);
    if (dimension.bands) checkBands(definition, dimension, [...path, 'bands'], report);
  });
  if (scoring.total && scoring.dimensions.some((d) => d.score.kind !== 'sum')) {
    report(['scoring', 'total'], 'total_needs_sum_dimensions');
  }
}

function checkDerived(
  definition: InstrumentDefinition,
  dimension: Dimension,
  path: Path,
  report: Report,
): void {
  if (dimension.score.kind !== 'derived') return;
  const { fn, inputs, params } = dimension.score;
  const derived = findDerivedScore(fn);
  if (!derived) {
    report([...path, 'fn'], 'unknown_derived_score');
    return;
  }

  const expected = Object.keys(derived.inputs).sort();
  if (expected.join() !== Object.keys(inputs).sort().join()) report([...path, 'inputs'], 'inputs_mismatch');
  for (const [name, spec] of Object.entries(derived.inputs)) {
    const item = definition.items.find((i) => i.code === inputs[name]);
    if (!item) continue;
    if (item.kind !== spec.kind) report([...path, 'inputs', name], 'input_kind_mismatch');
    if (spec.required && (!item.required || item.showWhen))
      report([...path, 'inputs', name], 'input_must_be_required');
  }
  if (derived.params.slice().sort().join() !== Object.keys(params).sort().join()) {
    report([...path, 'params'], 'params_mismatch');
  }
}

function checkBands(
  definition: InstrumentDefinition,
  dimension: Dimension,
  path: Path,
  report: Report,
): void {
  const bands = dimension.bands ?? [];
  if (!dimension.worseWhen) report([...path], 'bands_need_worseWhen');
  if (duplicates(bands.map((b) => b.code)).size) report(path, 'duplicate_band_code');
  const first = bands[0];
  const range = dimensionRange(definition, dimension);
  // The lowest possible score must fall into a band.
  if (first && !(first.min <= range.min)) report([...path, 0, 'min'], 'bands_do_not_cover_lowest_score');
  bands.forEach((band, i) => {
    const previous = bands[i - 1];
    if (!previous) return;
    if (!(band.min > previous.min)) report([...path, i, 'min'], 'bands_not_ascending');
    // A worse score must never land in a better level: what makes monotone scoring provable.
    const step = severity(band.level) - severity(previous.level);
    if (dimension.worseWhen === 'higher' ? step < 0 : step > 0)
      report([...path, i, 'level'], 'levels_not_monotone');
  });
}

function checkConditions(definition: InstrumentDefinition, report: Report): void {
  const { items, scoring } = definition;
  const scoreNames = new Set(scoring.dimensions.map((d) => d.code));
  if (scoring.total) scoreNames.add('total');
  const banded = new Set(scoring.dimensions.filter((d) => d.bands).map((d) => d.code));

  const check = (condition: Condition, path: Path) => {
    if ('item' in condition) checkItemCondition(condition, items, path, report);
    else if (!scoreNames.has(condition.score)) report([...path, 'score'], 'unknown_score');
  };
  scoring.redFlags.forEach((flag, i) => {
    check(flag.when, ['scoring', 'redFlags', i, 'when']);
    if (flag.forcesRed !== undefined && !banded.has(flag.forcesRed)) {
      report(['scoring', 'redFlags', i, 'forcesRed'], 'unknown_banded_dimension');
    }
  });
  scoring.followUps.forEach((rule, i) => {
    check(rule.when, ['scoring', 'followUps', i, 'when']);
  });
}
