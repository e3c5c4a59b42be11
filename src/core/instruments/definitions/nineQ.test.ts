import { describe, expect, it } from 'vitest';
import { answersScoring, scored } from '../testSupport.ts';
import { nineQ } from './nineQ.ts';

const EIGHT_Q_DUE = { instrument: '8q', reason: 'depression_9q_7_or_more', urgent: false };

describe('9q', () => {
  it('has nine items answered 0–3', () => {
    expect(nineQ.items).toHaveLength(9);
    for (const item of nineQ.items)
      expect(item.kind === 'choice' && item.options.map((o) => o.value)).toEqual([0, 1, 2, 3]);
  });

  it.each([
    [0, 'none', 'green', '1B0282', false],
    [6, 'none', 'green', '1B0282', false],
    [7, 'mild', 'yellow', '1B0283', true],
    [12, 'mild', 'yellow', '1B0283', true],
    [13, 'moderate', 'red', '1B0284', true],
    [18, 'moderate', 'red', '1B0284', true],
    [19, 'severe', 'red', '1B0285', true],
    [27, 'severe', 'red', '1B0285', true],
  ])('9Q %i is %s', (score, code, level, specialpp, eightQDue) => {
    const result = scored(nineQ, answersScoring(nineQ, 'depression', score));
    expect(result.scores).toEqual({ depression: score });
    expect(result.results).toEqual([expect.objectContaining({ code, level, specialpp })]);
    expect(result.followUps).toEqual(eightQDue ? [EIGHT_Q_DUE] : []);
  });
});
