/**
 * A screening instrument is data: a versioned definition of items, answers,
 * skip logic, scoring, cut-off bands, red flags and follow-up rules, with Thai
 * and English text. It is stored in the database and sent to phones as JSON,
 * so nothing in it is code: arithmetic other than a weighted sum is named
 * (`derived.ts`) and referenced by that name.
 */
import { z } from 'zod';
import { levels } from './level.ts';
import { definitionRules } from './rules.ts';

/** Thai first (what people read), English for staff and partners. */
export const text = z.object({ th: z.string().trim().min(1), en: z.string().trim().min(1) }).strict();
export type Text = z.infer<typeof text>;

export { type Level, levels } from './level.ts';

/** Codes of instruments, dimensions, results, flags and reasons: stable keys for storage and statistics. */
export const code = z.string().regex(/^[a-z0-9][a-z0-9_]*$/, 'code');
/** Item codes keep the printed form's numbering where it has one (H1, q3a). */
export const itemCode = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_]*$/, 'itemCode');
/** MoPH "SPECIALPP" code of the 43-file standard, e.g. 1B1280. */
export const specialppCode = z.string().regex(/^1B\d{3,4}$/, 'specialpp');

// ── Conditions: skip logic, red flags and follow-ups share them ─────────────

export const comparisonOps = ['eq', 'ne', 'gt', 'gte', 'lt', 'lte'] as const;
export type ComparisonOp = (typeof comparisonOps)[number];

/** True when the item was answered (and shown) and its answer compares as stated. */
export const itemCondition = z
  .object({ item: itemCode, op: z.enum(comparisonOps), value: z.union([z.number(), z.boolean()]) })
  .strict();
export type ItemCondition = z.infer<typeof itemCondition>;

/** On a dimension's score, or on `total`. */
export const scoreCondition = z
  .object({ score: code, op: z.enum(comparisonOps), value: z.number() })
  .strict();
export type ScoreCondition = z.infer<typeof scoreCondition>;

export const condition = z.union([itemCondition, scoreCondition]);
export type Condition = z.infer<typeof condition>;

// ── Items ───────────────────────────────────────────────────────────────────

const itemBase = {
  code: itemCode,
  text,
  /** A hint for the interviewer (how to ask or measure), shown under the question. */
  help: text.optional(),
  /** A required item must be answered whenever it is shown. */
  required: z.boolean(),
  /** The sum dimension the item's points go to; none for items read only by a derived score. */
  dimension: code.optional(),
  /** Skip logic: the item is shown (and may be answered) only when this holds on an earlier item. */
  showWhen: itemCondition.optional(),
};

/** Points = weight × value, so a weight of 1 makes the option value the points. */
const weight = z.number().nonnegative().optional();

export const choiceOption = z.object({ value: z.number().int(), label: text }).strict();
export const multiOption = z.object({ value: code, label: text }).strict();

const choiceItem = z
  .object({ ...itemBase, kind: z.literal('choice'), options: z.array(choiceOption).min(2), weight })
  .strict();

/** Points = weight for "yes". Labels differ by form (ใช่/ไม่ใช่, มี/ไม่มี, ถูก/ผิด), so they are data. */
const yesNoItem = z
  .object({
    ...itemBase,
    kind: z.literal('yes_no'),
    labels: z.object({ yes: text, no: text }).strict(),
    weight,
  })
  .strict();

/** A measurement (kg, cm, seconds): read by derived scores only, never summed. */
const numberItem = z
  .object({
    ...itemBase,
    kind: z.literal('number'),
    min: z.number(),
    max: z.number(),
    integer: z.boolean().optional(),
    unit: text.optional(),
  })
  .strict();

/** Several options may be picked (the needs survey); points = weight × the number picked. */
const multiItem = z
  .object({ ...itemBase, kind: z.literal('multi'), options: z.array(multiOption).min(1), weight })
  .strict();

export const item = z.discriminatedUnion('kind', [choiceItem, yesNoItem, numberItem, multiItem]);
export type Item = z.infer<typeof item>;
export type ItemKind = Item['kind'];

// ── Scoring ─────────────────────────────────────────────────────────────────

/** The weighted sum of the items that name this dimension. */
const sumScore = z.object({ kind: z.literal('sum') }).strict();

/** A named function of `derived.ts`; `inputs` maps its input names to item codes, `params` holds its thresholds. */
const derivedScore = z
  .object({
    kind: z.literal('derived'),
    fn: z.string(),
    inputs: z.record(z.string(), itemCode),
    params: z.record(z.string(), z.number()),
  })
  .strict();

/**
 * A cut-off band starts at `min` (inclusive) and runs up to the next band's
 * `min`. Only lower bounds, so bands can never overlap or leave a gap, and
 * real-valued scores (BMI) fall into exactly one band.
 */
export const band = z
  .object({
    min: z.number(),
    code,
    level: z.enum(levels),
    label: text,
    specialpp: specialppCode.optional(),
  })
  .strict();
export type Band = z.infer<typeof band>;

export const dimension = z
  .object({
    code,
    label: text,
    score: z.discriminatedUnion('kind', [sumScore, derivedScore]),
    /** Which way is worse: 'higher' for problem counts, 'lower' for abilities (ADL, AMT). Needed with bands. */
    worseWhen: z.enum(['higher', 'lower']).optional(),
    /** Ascending by `min`. Without bands a dimension is only a figure (BMI, number of needs). */
    bands: z.array(band).min(1).optional(),
  })
  .strict();
export type Dimension = z.infer<typeof dimension>;

/** A red flag raises an alert whatever the sums say, and may force a dimension red. */
export const redFlag = z.object({ flag: code, when: condition, forcesRed: code.optional() }).strict();
export type RedFlag = z.infer<typeof redFlag>;

/** Another instrument becomes due, or (without an instrument) someone must act now. */
export const followUpRule = z
  .object({ when: condition, instrument: code.optional(), reason: code, urgent: z.boolean() })
  .strict();
export type FollowUpRule = z.infer<typeof followUpRule>;

export const scoring = z
  .object({
    dimensions: z.array(dimension),
    /** Report `total`, the sum of all dimension scores (the well-being screening's 0–40). */
    total: z.boolean(),
    redFlags: z.array(redFlag),
    followUps: z.array(followUpRule),
  })
  .strict();
export type Scoring = z.infer<typeof scoring>;

const instrumentShape = z
  .object({
    code,
    version: z.number().int().min(1),
    title: text,
    description: text.optional(),
    items: z.array(item).min(1),
    scoring,
  })
  .strict();

export type InstrumentDefinition = z.infer<typeof instrumentShape>;

/** The shape plus the cross-references between its parts (`rules.ts`). */
export const instrumentDefinition = instrumentShape.superRefine(definitionRules);
