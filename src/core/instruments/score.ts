/**
 * The one scoring function: the server scores what it stores with it, the
 * phone scores offline with it. Pure and deterministic: same definition and
 * answers, same result, anywhere.
 */
import { answerOf, conditionHolds } from './conditions.ts';
import type { Band, Dimension, InstrumentDefinition, Item } from './definition.ts';
import { findDerivedScore } from './derived.ts';
import type {
  Answers,
  AnswerValue,
  FollowUp,
  ScoredResponse,
  ScoredResult,
  ScoreOutcome,
} from './response.ts';
import { validateAnswers } from './validate.ts';

export function scoreResponse(
  definition: InstrumentDefinition,
  rawAnswers: Readonly<Record<string, unknown>>,
): ScoreOutcome {
  const { answers, errors } = validateAnswers(definition, rawAnswers);
  if (errors.length > 0) return { ok: false, errors };
  return { ok: true, scored: scoreValidAnswers(definition, answers) };
}

/** Scores answers that `validateAnswers` accepted. */
function scoreValidAnswers(definition: InstrumentDefinition, answers: Answers): ScoredResponse {
  const { scoring } = definition;
  const scores: Record<string, number> = {};
  for (const dimension of scoring.dimensions) {
    scores[dimension.code] = dimensionScore(definition, dimension, answers);
  }
  if (scoring.total) {
    scores.total = scoring.dimensions.reduce((sum, d) => sum + (scores[d.code] ?? 0), 0);
  }

  const raised = scoring.redFlags.filter((f) => conditionHolds(f.when, answers, scores));
  const flags = [...new Set(raised.map((f) => f.flag))];
  const forcedRed = new Set(raised.flatMap((f) => (f.forcesRed ? [f.forcesRed] : [])));

  const levels: ScoredResponse['levels'] = {};
  const results: ScoredResult[] = [];
  for (const dimension of scoring.dimensions) {
    const score = scores[dimension.code];
    if (!dimension.bands || score === undefined) continue;
    const result = resultFor(dimension, dimension.bands, score, forcedRed.has(dimension.code));
    levels[dimension.code] = result.level;
    results.push(result);
  }

  const followUps: FollowUp[] = scoring.followUps
    .filter((rule) => conditionHolds(rule.when, answers, scores))
    .map(({ instrument, reason, urgent }) =>
      instrument ? { instrument, reason, urgent } : { reason, urgent },
    );

  return { scores, levels, results, flags, followUps };
}

function dimensionScore(definition: InstrumentDefinition, dimension: Dimension, answers: Answers): number {
  const score = dimension.score;
  if (score.kind === 'sum') {
    return definition.items
      .filter((item) => item.dimension === dimension.code)
      .reduce((sum, item) => sum + itemPoints(item, answerOf(answers, item.code)), 0);
  }
  const derived = findDerivedScore(score.fn);
  if (!derived) throw new Error(`Unknown derived score ${score.fn}: the definition was not validated`);
  const inputs: Record<string, number | boolean | undefined> = {};
  for (const [name, itemCode] of Object.entries(score.inputs)) {
    const answer = answerOf(answers, itemCode);
    inputs[name] = Array.isArray(answer) ? undefined : answer;
  }
  return derived.compute(inputs, score.params);
}

/** Unanswered (optional or hidden) items count 0. */
function itemPoints(item: Item, answer: AnswerValue | undefined): number {
  if (answer === undefined) return 0;
  switch (item.kind) {
    case 'choice':
      return Number(answer) * (item.weight ?? 1);
    case 'yes_no':
      return answer === true ? (item.weight ?? 1) : 0;
    case 'multi':
      return (Array.isArray(answer) ? answer.length : 0) * (item.weight ?? 1);
    case 'number':
      return 0;
  }
}

/** The band the score falls in: the last one whose `min` it reaches. */
export function bandFor(bands: readonly Band[], score: number): Band {
  const found = bands.findLast((b) => score >= b.min) ?? bands[0];
  if (!found) throw new Error('A dimension with bands has at least one');
  return found;
}

/**
 * A red flag makes the dimension red whatever the sum: the result becomes the
 * mildest red band (the one nearest the good end), or keeps its band with the
 * level raised when the dimension has no red band.
 */
function resultFor(
  dimension: Dimension,
  bands: readonly Band[],
  score: number,
  forceRed: boolean,
): ScoredResult {
  let band = bandFor(bands, score);
  if (forceRed && band.level !== 'red') {
    const reds = bands.filter((b) => b.level === 'red');
    band = (dimension.worseWhen === 'lower' ? reds.at(-1) : reds[0]) ?? { ...band, level: 'red' };
  }
  const { code, level, label, specialpp } = band;
  return { dimension: dimension.code, code, level, label, ...(specialpp ? { specialpp } : {}) };
}
