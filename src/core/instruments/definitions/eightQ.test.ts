import { describe, expect, it } from 'vitest';
import { scoreResponse } from '../score.ts';
import { answersWith, scored } from '../testSupport.ts';
import { eightQ } from './eightQ.ts';

const yes = (...items: string[]) => answersWith(eightQ, Object.fromEntries(items.map((i) => [i, true])));
const ALERT = { reason: 'suicide_risk', urgent: true };

describe('8q', () => {
  it('weighs the items 1, 2, 6 (+8 when the thoughts cannot be controlled), 8, 9, 4, 10, 4', () => {
    const single = (item: string) => scored(eightQ, yes(item)).scores.suicide;
    expect(['q1', 'q2', 'q3', 'q4', 'q5', 'q6', 'q7', 'q8'].map(single)).toEqual([1, 2, 6, 8, 9, 4, 10, 4]);
    expect(scored(eightQ, { ...yes('q3'), q3a: 0 }).scores.suicide).toBe(6);
    expect(scored(eightQ, { ...yes('q3'), q3a: 8 }).scores.suicide).toBe(14);
    const all = { ...yes('q1', 'q2', 'q3', 'q4', 'q5', 'q6', 'q7', 'q8'), q3a: 8 };
    expect(scored(eightQ, all).scores.suicide).toBe(52);
  });

  it('asks the control question only after a yes to item 3', () => {
    expect(scoreResponse(eightQ, { ...yes(), q3a: 0 })).toEqual({
      ok: false,
      errors: [{ item: 'q3a', problem: 'hidden' }],
    });
    const { q3a: _, ...withoutControl } = { ...yes('q3'), q3a: 0 };
    expect(scoreResponse(eightQ, withoutControl)).toEqual({
      ok: false,
      errors: [{ item: 'q3a', problem: 'required' }],
    });
  });

  it('is none at 0: no flag, no alert', () => {
    const result = scored(eightQ, yes());
    expect(result.results).toEqual([
      expect.objectContaining({ code: 'none', level: 'green', specialpp: '1B0270' }),
    ]);
    expect(result.flags).toEqual([]);
    expect(result.followUps).toEqual([]);
  });

  it.each([
    [['q1'], 1, 'low', 'yellow', '1B0271'],
    [['q4'], 8, 'low', 'yellow', '1B0271'],
    [['q5'], 9, 'moderate', 'red', '1B0272'],
    [['q2', 'q3', 'q4'], 16, 'moderate', 'red', '1B0272'],
    [['q1', 'q2', 'q6', 'q7'], 17, 'severe', 'red', '1B0273'],
  ])('%j scores %i: %s, and raises the urgent alert', (items, score, code, level, specialpp) => {
    const answers = items.includes('q3') ? { ...yes(...items), q3a: 0 } : yes(...items);
    const result = scored(eightQ, answers);
    expect(result.scores).toEqual({ suicide: score });
    expect(result.results).toEqual([expect.objectContaining({ code, level, specialpp })]);
    expect(result.flags).toEqual(['suicide_risk']);
    expect(result.followUps).toEqual([ALERT]);
  });
});
