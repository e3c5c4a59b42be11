/**
 * What a response carries in (answers) and what scoring gives back. The zod
 * schemas serve the API (request body, stored `scores`/`risk`, responses).
 */
import { z } from 'zod';
import { code, text } from './definition.ts';
import { levels } from './level.ts';

/** choice and number → number; yes/no → boolean; multi-select → option codes. */
export const answerValue = z.union([z.number(), z.boolean(), z.array(z.string())]);
export type AnswerValue = z.infer<typeof answerValue>;

/**
 * Answers keyed by item code. `null` means "not answered": a phone form may
 * send a cleared answer that way. Whether the answers fit the instrument is
 * checked against its definition (`validate.ts`), not here.
 */
export const screeningAnswers = z.record(z.string(), answerValue.nullable());
export type Answers = Readonly<Record<string, AnswerValue>>;

export const answerProblems = [
  'unknown_item',
  'wrong_type',
  'not_an_option',
  'out_of_range',
  'not_integer',
  'duplicate_option',
  'required',
  'hidden',
] as const;
export type AnswerProblem = (typeof answerProblems)[number];

export const answerError = z.object({ item: z.string(), problem: z.enum(answerProblems) });
export type AnswerError = z.infer<typeof answerError>;

export const scoredResult = z.object({
  dimension: code,
  code,
  level: z.enum(levels),
  label: text,
  specialpp: z.string().optional(),
});
export type ScoredResult = z.infer<typeof scoredResult>;

/** Without `instrument` it is an alert to act on now (e.g. any positive 8Q). */
export const followUp = z.object({ instrument: code.optional(), reason: code, urgent: z.boolean() });
export type FollowUp = z.infer<typeof followUp>;

export const scoredResponse = z.object({
  scores: z.record(z.string(), z.number()),
  levels: z.record(z.string(), z.enum(levels)),
  results: z.array(scoredResult),
  flags: z.array(code),
  followUps: z.array(followUp),
});
export type ScoredResponse = z.infer<typeof scoredResponse>;

export type ScoreOutcome = { ok: true; scored: ScoredResponse } | { ok: false; errors: AnswerError[] };
