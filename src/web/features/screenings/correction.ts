/**
 * What a correction changes, worked out on the device before sending: which
 * answers differ from the stored ones, and how the traffic lights, scores
 * and red flags move once the new answers are scored with the same engine
 * as the server's. Pure.
 */
import type {
  Answers,
  AnswerValue,
  InstrumentDefinition,
  Item,
  ScoredResponse,
  ScoredResult,
} from '../../../core/instruments/index.ts';
import { answersToSend, type DraftAnswers } from './instruments.ts';

/** Equal answers; a multi-select is a set, so the order of picking does not matter. */
export function sameAnswer(a: AnswerValue | undefined, b: AnswerValue | undefined): boolean {
  if (Array.isArray(a) && Array.isArray(b)) {
    if (a.length !== b.length) return false;
    const x = [...a].sort();
    const y = [...b].sort();
    return x.every((v, i) => v === y[i]);
  }
  return a === b;
}

export interface AnswerChange {
  item: Item;
  /** Undefined: not asked (skip logic) or not answered. */
  before: AnswerValue | undefined;
  after: AnswerValue | undefined;
}

/**
 * The answers that change, in question order. Only the answers that count
 * are compared (those of items shown), as the server stores them.
 */
export function answerChanges(
  definition: InstrumentDefinition,
  before: Answers,
  after: DraftAnswers,
): AnswerChange[] {
  const was = answersToSend(definition, before);
  const now = answersToSend(definition, after);
  return definition.items
    .filter((item) => !sameAnswer(was[item.code], now[item.code]))
    .map((item) => ({ item, before: was[item.code], after: now[item.code] }));
}

export interface ResultChange {
  dimension: string;
  before: ScoredResult | undefined;
  after: ScoredResult | undefined;
  beforeScore: number | undefined;
  afterScore: number | undefined;
  /** The level (or the result's code) moved. */
  levelChanged: boolean;
  scoreChanged: boolean;
}

type Scored = Pick<ScoredResponse, 'results' | 'scores'>;

/** Per dimension of the instrument, in its order: the result and the score before and after. */
export function resultChanges(
  definition: InstrumentDefinition,
  before: Scored,
  after: Scored,
): ResultChange[] {
  const codes = definition.scoring.dimensions.map((d) => d.code);
  if (definition.scoring.total) codes.push('total');
  return codes.flatMap((dimension) => {
    const b = before.results.find((r) => r.dimension === dimension);
    const a = after.results.find((r) => r.dimension === dimension);
    const beforeScore = before.scores[dimension];
    const afterScore = after.scores[dimension];
    if (!b && !a && beforeScore === undefined && afterScore === undefined) return [];
    return [
      {
        dimension,
        before: b,
        after: a,
        beforeScore,
        afterScore,
        levelChanged: b?.level !== a?.level || b?.code !== a?.code,
        scoreChanged: beforeScore !== afterScore,
      },
    ];
  });
}

/** Red flags that the correction raises or clears. */
export function flagChanges(
  before: readonly string[],
  after: readonly string[],
): { added: string[]; removed: string[] } {
  return {
    added: after.filter((f) => !before.includes(f)),
    removed: before.filter((f) => !after.includes(f)),
  };
}

export const REASON_MIN = 3;
export const REASON_MAX = 300;

/** The reason as the server takes it (trimmed, 3–300 characters), or null when it would refuse it. */
export function cleanReason(reason: string): string | null {
  const text = reason.trim();
  return text.length >= REASON_MIN && text.length <= REASON_MAX ? text : null;
}
