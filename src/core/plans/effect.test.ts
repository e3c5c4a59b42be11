import { describe, expect, it } from 'vitest';
import type { InstrumentDefinition } from '../instruments/index.ts';
import { getInstrument } from '../instruments/index.ts';
import {
  activityEffect,
  describeEffect,
  type EffectSummary,
  improvementOf,
  type ScoreChangeRow,
} from './effect.ts';

/** `count` people starting at `before` and ending at `after`, ids `${prefix}1…`. */
const people = (prefix: string, count: number, before: number, after: number): ScoreChangeRow[] =>
  Array.from({ length: count }, (_, i) => ({ personId: `${prefix}${i + 1}`, before, after }));

describe('the effect of an activity', () => {
  it('wellbeing20 dimension scores are worse when higher (the direction everything here relies on)', () => {
    const w = getInstrument('wellbeing20')!;
    for (const d of w.scoring.dimensions) expect(d.worseWhen).toBe('higher');
  });

  it('worked example: participants improved 2 points, similar people 1 → better by 1', () => {
    const e = activityEffect({
      dimension: 'health',
      participants: people('p', 10, 4, 2),
      comparison: people('c', 12, 4, 3),
    });
    expect(e).toEqual({
      n: 10,
      comparisonN: 12,
      meanChange: -2,
      comparisonMeanChange: -1,
      estimate: -1,
      small: false,
      matchedN: 10,
      worseWhen: 'higher',
    });
    expect(improvementOf(e)).toBe(1);
    expect(describeEffect(e)).toEqual({ kind: 'better' });
  });

  it('matches by starting band: people who start red improve more anyway', () => {
    // Participants: 10 start red (7 → 5) and 10 start green (1 → 1): mean change −1.
    // Comparison: 10 start red and fall by 3 (regression to the mean); 30 start green and rise by ½.
    const participants = [...people('pr', 10, 7, 5), ...people('pg', 10, 1, 1)];
    const comparison = [...people('cr', 10, 7, 4), ...people('cg', 30, 1, 1.5)];
    const e = activityEffect({ dimension: 'society', participants, comparison });
    // Naively the comparison changed (10·−3 + 30·½)/40 = −0.375, which would credit the activity with
    // −0.625. Weighted to the participants' 50/50 mix it changed (−3 + ½)/2 = −1.25: the activity did
    // not beat similar people.
    expect(e.meanChange).toBe(-1);
    expect(e.comparisonMeanChange).toBe(-1.25);
    expect(e.estimate).toBe(0.25);
    expect(e.comparisonN).toBe(40);
    expect(describeEffect(e)).toEqual({ kind: 'no_difference' });
  });

  it('leaves out participants nobody similar can be compared with', () => {
    const participants = [...people('py', 12, 4, 3), ...people('pr', 5, 8, 2)];
    const comparison = [...people('cy', 10, 3, 3), ...people('cg', 10, 0, 1)];
    const e = activityEffect({ dimension: 'economy', participants, comparison });
    expect(e.n).toBe(17);
    expect(e.matchedN).toBe(12);
    expect(e.comparisonN).toBe(10); // the green starters match no participant
    expect(e.meanChange).toBe(round2((12 * -1 + 5 * -6) / 17));
    expect(e.estimate).toBe(-1); // yellow starters only: −1 against 0
  });

  it('is "small" with fewer than 10 on either side, and then never a verdict', () => {
    const few = activityEffect({
      dimension: 'health',
      participants: people('p', 9, 5, 0),
      comparison: people('c', 50, 5, 5),
    });
    expect(few.small).toBe(true);
    expect(few.estimate).toBe(-5);
    expect(describeEffect(few)).toEqual({ kind: 'small' });
    const fewComparison = activityEffect({
      dimension: 'health',
      participants: people('p', 50, 5, 0),
      comparison: people('c', 9, 5, 5),
    });
    expect(fewComparison.small).toBe(true);
  });

  it('says "worse" when participants fared worse than similar people', () => {
    const e = activityEffect({
      dimension: 'environment',
      participants: people('p', 10, 2, 3),
      comparison: people('c', 10, 2, 2),
    });
    expect(e.estimate).toBe(1);
    expect(describeEffect(e)).toEqual({ kind: 'worse' });
  });

  it('has nothing to say without data', () => {
    const none = activityEffect({ dimension: 'health', participants: [], comparison: people('c', 20, 3, 3) });
    expect(none).toMatchObject({
      n: 0,
      meanChange: null,
      estimate: null,
      comparisonMeanChange: null,
      small: true,
    });
    expect(describeEffect(none)).toEqual({ kind: 'none' });
    const noComparison = activityEffect({
      dimension: 'health',
      participants: people('p', 20, 3, 1),
      comparison: [],
    });
    expect(noComparison).toMatchObject({ n: 20, meanChange: -2, estimate: null, comparisonN: 0 });
    expect(describeEffect(noComparison)).toEqual({ kind: 'none' });
  });

  it('drops bad rows: out of range, not a number, repeated people, participants among the comparison', () => {
    const e = activityEffect({
      dimension: 'health',
      participants: [
        ...people('p', 10, 4, 2),
        { personId: 'p1', before: 4, after: 10 }, // repeated: first row counts
        { personId: 'x1', before: 11, after: 2 },
        { personId: 'x2', before: 4, after: Number.NaN },
        { personId: 'x3', before: -1, after: 0 },
      ],
      comparison: [...people('c', 10, 4, 3), { personId: 'p2', before: 4, after: 10 }],
    });
    expect(e).toMatchObject({
      n: 10,
      comparisonN: 10,
      meanChange: -2,
      comparisonMeanChange: -1,
      estimate: -1,
    });
  });

  it('describes in the direction of the score: for a higher-is-better score, a rise is better', () => {
    const base: EffectSummary = {
      n: 20,
      comparisonN: 20,
      meanChange: 1,
      comparisonMeanChange: 0,
      estimate: 1,
      small: false,
    };
    expect(describeEffect(base)).toEqual({ kind: 'worse' }); // default: higher is worse
    expect(describeEffect({ ...base, worseWhen: 'lower' })).toEqual({ kind: 'better' });
    expect(describeEffect({ ...base, estimate: 0.4 })).toEqual({ kind: 'no_difference' });
    expect(describeEffect({ ...base, estimate: -0.5 })).toEqual({ kind: 'better' });
    expect(improvementOf({ ...base, estimate: 0 })).toBe(0);
    expect(Object.is(improvementOf({ ...base, estimate: 0 }), -0)).toBe(false);
  });

  it('reads bands and direction from the definition it is given', () => {
    // An ability score (higher is better), banded at 0 / 5.
    const ability: InstrumentDefinition = {
      code: 'ability',
      version: 1,
      title: { th: 'ทดสอบ', en: 'Test' },
      items: [
        {
          code: 'q1',
          text: { th: 'ข้อ 1', en: 'Item 1' },
          kind: 'choice',
          required: true,
          dimension: 'health',
          options: Array.from({ length: 11 }, (_, v) => ({ value: v, label: { th: `${v}`, en: `${v}` } })),
        },
      ],
      scoring: {
        dimensions: [
          {
            code: 'health',
            label: { th: 'สุขภาพ', en: 'Health' },
            score: { kind: 'sum' },
            worseWhen: 'lower',
            bands: [
              { min: 0, code: 'low', level: 'red', label: { th: 'ต่ำ', en: 'Low' } },
              { min: 5, code: 'high', level: 'green', label: { th: 'สูง', en: 'High' } },
            ],
          },
        ],
        total: false,
        redFlags: [],
        followUps: [],
      },
    };
    const e = activityEffect({
      dimension: 'health',
      definition: ability,
      participants: people('p', 10, 2, 5),
      comparison: people('c', 10, 3, 4),
    });
    expect(e).toMatchObject({ estimate: 2, worseWhen: 'lower' });
    expect(describeEffect(e)).toEqual({ kind: 'better' });
  });

  it('refuses a dimension the instrument does not have', () => {
    expect(() =>
      activityEffect({ dimension: 'spiritual' as 'health', participants: [], comparison: [] }),
    ).toThrow(/spiritual/);
  });
});

function round2(x: number) {
  return Math.round(x * 100) / 100;
}
