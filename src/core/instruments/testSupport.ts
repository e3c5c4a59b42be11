/**
 * Helpers for the instrument tests: answer sets built from a definition, and
 * a seeded random generator so the property tests are reproducible.
 */
import { itemConditionHolds } from './conditions.ts';
import type { InstrumentDefinition, Item } from './definition.ts';
import { band, choice, t, YES_NO, yesNo } from './definitions/build.ts';
import type { AnswerValue, ScoredResponse } from './response.ts';
import { scoreResponse } from './score.ts';

/** mulberry32: small, fast, good enough to spread test cases; same seed, same sequence. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let x = a;
    x = Math.imul(x ^ (x >>> 15), x | 1);
    x ^= x + Math.imul(x ^ (x >>> 7), x | 61);
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}

export type AnswerSet = Record<string, AnswerValue>;

/** The lowest value an item takes: lowest option, "no", the minimum, nothing picked. */
export function lowestValue(item: Item): AnswerValue {
  switch (item.kind) {
    case 'choice':
      return Math.min(...item.options.map((o) => o.value));
    case 'yes_no':
      return false;
    case 'number':
      return item.min;
    case 'multi':
      return [];
  }
}

/**
 * Keeps the answers of shown items only, and gives each shown required item
 * without an answer its lowest value: a valid set after any change.
 */
export function completeAnswers(definition: InstrumentDefinition, answers: AnswerSet): AnswerSet {
  const result: AnswerSet = {};
  for (const item of definition.items) {
    if (item.showWhen && !itemConditionHolds(item.showWhen, result)) continue;
    const answer = answers[item.code];
    if (answer !== undefined) result[item.code] = answer;
    else if (item.required) result[item.code] = lowestValue(item);
  }
  return result;
}

/** Every shown required item at its lowest value, then the overrides. */
export function answersWith(definition: InstrumentDefinition, overrides: AnswerSet = {}): AnswerSet {
  return completeAnswers(definition, overrides);
}

/**
 * Answers whose sum dimension comes to exactly `target`, filling always-shown
 * items in order with the highest points that still fit.
 */
export function answersScoring(
  definition: InstrumentDefinition,
  dimension: string,
  target: number,
): AnswerSet {
  const answers = answersWith(definition);
  let remaining = target;
  for (const item of definition.items) {
    if (item.dimension !== dimension || item.showWhen) continue;
    const weight = 'weight' in item ? (item.weight ?? 1) : 1;
    if (item.kind === 'choice') {
      const fitting = item.options.filter((o) => o.value * weight <= remaining).map((o) => o.value);
      const value = Math.max(...fitting);
      answers[item.code] = value;
      remaining -= value * weight;
    } else if (item.kind === 'yes_no' && weight <= remaining) {
      answers[item.code] = true;
      remaining -= weight;
    }
  }
  if (remaining !== 0) throw new Error(`${definition.code}: cannot reach ${target} on ${dimension}`);
  return answers;
}

function randomValue(item: Item, random: () => number): AnswerValue {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)] as T;
  switch (item.kind) {
    case 'choice':
      return pick(item.options).value;
    case 'yes_no':
      return random() < 0.5;
    case 'number': {
      const value = item.min + random() * (item.max - item.min);
      return item.integer ? Math.round(value) : Math.round(value * 10) / 10;
    }
    case 'multi':
      return item.options.filter(() => random() < 0.3).map((o) => o.value);
  }
}

/** A random valid answer set: shown items answered at random, optional ones sometimes left out. */
export function randomAnswers(definition: InstrumentDefinition, random: () => number): AnswerSet {
  const answers: AnswerSet = {};
  for (const item of definition.items) {
    if (item.showWhen && !itemConditionHolds(item.showWhen, answers)) continue;
    if (!item.required && random() < 0.3) continue;
    answers[item.code] = randomValue(item, random);
  }
  return answers;
}

/** Scores answers that must be valid; a failure names the problems. */
export function scored(definition: InstrumentDefinition, answers: AnswerSet): ScoredResponse {
  const outcome = scoreResponse(definition, answers);
  if (!outcome.ok) throw new Error(`${definition.code}: ${JSON.stringify(outcome.errors)}`);
  return outcome.scored;
}

/**
 * A small instrument that uses every feature: yes/no, choice with a weight,
 * skip logic, an optional integer measurement, bands, a red flag, a total,
 * a follow-up instrument and an alert.
 */
export function fixtureDefinition(): InstrumentDefinition {
  const levels = [t('ดี', 'Fine'), t('เฝ้าระวัง', 'Watch'), t('แย่', 'Bad')] as const;
  return {
    code: 'fixture',
    version: 1,
    title: t('แบบทดสอบ', 'Fixture'),
    items: [
      yesNo('a', t('ข้อ ก', 'Item A'), YES_NO, { dimension: 'd' }),
      choice(
        'b',
        t('ข้อ ข', 'Item B'),
        [
          [0, 'ศูนย์', 'Zero'],
          [1, 'หนึ่ง', 'One'],
          [2, 'สอง', 'Two'],
        ],
        { dimension: 'd' },
      ),
      choice(
        'c',
        t('ข้อ ค (เมื่อตอบ ก ว่าใช่)', 'Item C (after a yes to A)'),
        [
          [0, 'ไม่', 'No'],
          [1, 'ใช่', 'Yes'],
        ],
        { dimension: 'd', weight: 2, showWhen: { item: 'a', op: 'eq', value: true } },
      ),
      {
        code: 'n',
        text: t('จำนวน', 'Count'),
        kind: 'number',
        required: false,
        min: 0,
        max: 10,
        integer: true,
      },
    ],
    scoring: {
      dimensions: [
        {
          code: 'd',
          label: t('มิติ', 'Dimension'),
          score: { kind: 'sum' },
          worseWhen: 'higher',
          bands: [
            band(0, 'fine', 'green', levels[0]),
            band(2, 'watch', 'yellow', levels[1]),
            band(4, 'bad', 'red', levels[2]),
          ],
        },
      ],
      total: true,
      redFlags: [{ flag: 'b_two', when: { item: 'b', op: 'eq', value: 2 }, forcesRed: 'd' }],
      followUps: [
        { when: { score: 'd', op: 'gte', value: 4 }, instrument: 'other', reason: 'high_d', urgent: false },
        { when: { item: 'c', op: 'eq', value: 1 }, reason: 'c_yes', urgent: true },
      ],
    },
  };
}
