/**
 * Answers against a definition. Problems are returned, never thrown, each
 * naming the item, so that the server answers 400 with field errors and the
 * phone marks the question, from the same rules.
 */
import { itemConditionHolds } from './conditions.ts';
import type { InstrumentDefinition, Item } from './definition.ts';
import type { AnswerError, AnswerProblem, Answers, AnswerValue } from './response.ts';

export interface ValidatedAnswers {
  /** The accepted answers of the items that are shown; what scoring reads. */
  answers: Answers;
  errors: AnswerError[];
}

export function validateAnswers(
  definition: InstrumentDefinition,
  raw: Readonly<Record<string, unknown>>,
): ValidatedAnswers {
  const known = new Set(definition.items.map((i) => i.code));
  const errors: AnswerError[] = Object.keys(raw)
    .filter((key) => !known.has(key))
    .sort()
    .map((item) => ({ item, problem: 'unknown_item' }));

  // Items in order: skip logic only looks back, so whether an item is shown is known when it is reached.
  const accepted: Record<string, AnswerValue> = {};
  for (const item of definition.items) {
    const value = Object.hasOwn(raw, item.code) ? raw[item.code] : undefined;
    const shown = !item.showWhen || itemConditionHolds(item.showWhen, accepted);
    const problem = problemOf(item, value, shown);
    if (problem) errors.push({ item: item.code, problem });
    // valueProblem() found nothing wrong, so the value has the item's shape.
    else if (shown && value !== undefined && value !== null) accepted[item.code] = value as AnswerValue;
  }
  return { answers: accepted, errors };
}

function problemOf(item: Item, value: unknown, shown: boolean): AnswerProblem | null {
  const answered = value !== undefined && value !== null;
  if (!shown) return answered ? 'hidden' : null;
  if (!answered) return item.required ? 'required' : null;
  return valueProblem(item, value);
}

/** Null when the value fits the item. */
export function valueProblem(item: Item, value: unknown): AnswerProblem | null {
  switch (item.kind) {
    case 'choice':
      if (typeof value !== 'number') return 'wrong_type';
      return item.options.some((o) => o.value === value) ? null : 'not_an_option';
    case 'yes_no':
      return typeof value === 'boolean' ? null : 'wrong_type';
    case 'number':
      if (typeof value !== 'number' || !Number.isFinite(value)) return 'wrong_type';
      if (item.integer && !Number.isInteger(value)) return 'not_integer';
      return value < item.min || value > item.max ? 'out_of_range' : null;
    case 'multi': {
      if (!Array.isArray(value) || !value.every((v) => typeof v === 'string')) return 'wrong_type';
      if (!value.every((v) => item.options.some((o) => o.value === v))) return 'not_an_option';
      return new Set(value).size === value.length ? null : 'duplicate_option';
    }
  }
}
