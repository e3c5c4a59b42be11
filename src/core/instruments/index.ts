/**
 * The instrument engine: definitions as data, one scoring function for the
 * server and the phone. Named exports only, so that generic schema names
 * inside (`text`, `code`, `item`) never collide where core is re-exported.
 */
export {
  type Band,
  type Condition,
  type Dimension,
  type FollowUpRule,
  type InstrumentDefinition,
  type Item,
  type ItemKind,
  instrumentDefinition,
  type RedFlag,
  type Text,
} from './definition.ts';
export { bodyMassIndex, derivedScores, findDerivedScore, type ScoreRange } from './derived.ts';
export { type Level, levels, severity } from './level.ts';
export { dimensionRange, totalRange } from './range.ts';
export {
  createRegistry,
  getInstrument,
  type InstrumentRegistry,
  instruments,
  instrumentVersions,
} from './registry.ts';
export {
  type AnswerError,
  type AnswerProblem,
  type Answers,
  type AnswerValue,
  answerError,
  answerProblems,
  type FollowUp,
  type ScoredResponse,
  type ScoredResult,
  type ScoreOutcome,
  scoredResponse,
  screeningAnswers,
} from './response.ts';
export { bandFor, scoreResponse } from './score.ts';
export { type ValidatedAnswers, validateAnswers } from './validate.ts';
