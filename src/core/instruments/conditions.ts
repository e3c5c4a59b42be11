/** Evaluating the conditions of skip logic, red flags and follow-up rules. */
import type { ComparisonOp, Condition, ItemCondition } from './definition.ts';
import type { Answers, AnswerValue } from './response.ts';

/** Booleans compare as 0/1; the schema only lets yes/no items be compared with eq/ne anyway. */
export function compare(actual: number | boolean, op: ComparisonOp, expected: number | boolean): boolean {
  const a = Number(actual);
  const b = Number(expected);
  switch (op) {
    case 'eq':
      return a === b;
    case 'ne':
      return a !== b;
    case 'gt':
      return a > b;
    case 'gte':
      return a >= b;
    case 'lt':
      return a < b;
    case 'lte':
      return a <= b;
  }
}

/** An own property only: an item code such as `constructor` must never read Object.prototype. */
export function answerOf(answers: Answers, itemCode: string): AnswerValue | undefined {
  return Object.hasOwn(answers, itemCode) ? answers[itemCode] : undefined;
}

/** An unanswered (or hidden) item satisfies no condition, not even `ne`: nothing is known about it. */
export function itemConditionHolds(condition: ItemCondition, answers: Answers): boolean {
  const answer = answerOf(answers, condition.item);
  if (answer === undefined || Array.isArray(answer)) return false;
  return compare(answer, condition.op, condition.value);
}

export function conditionHolds(
  condition: Condition,
  answers: Answers,
  scores: Readonly<Record<string, number>>,
): boolean {
  if ('item' in condition) return itemConditionHolds(condition, answers);
  const score = Object.hasOwn(scores, condition.score) ? scores[condition.score] : undefined;
  return score !== undefined && compare(score, condition.op, condition.value);
}
