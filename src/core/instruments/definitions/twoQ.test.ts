import { describe, expect, it } from 'vitest';
import { scored } from '../testSupport.ts';
import { twoQ } from './twoQ.ts';

describe('2q', () => {
  it('is negative with two noes: nothing follows', () => {
    const result = scored(twoQ, { q1: false, q2: false });
    expect(result.results).toEqual([
      expect.objectContaining({ code: 'negative', level: 'green', specialpp: '1B0280' }),
    ]);
    expect(result.followUps).toEqual([]);
  });

  it.each([
    [true, false],
    [false, true],
    [true, true],
  ])('is positive with any yes (%s, %s) and makes the 9Q due', (q1, q2) => {
    const result = scored(twoQ, { q1, q2 });
    expect(result.results).toEqual([
      expect.objectContaining({ code: 'positive', level: 'yellow', specialpp: '1B0281' }),
    ]);
    expect(result.followUps).toEqual([
      { instrument: '9q', reason: 'depression_screen_positive', urgent: false },
    ]);
  });
});
