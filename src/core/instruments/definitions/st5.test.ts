import { describe, expect, it } from 'vitest';
import { answersScoring, scored } from '../testSupport.ts';
import { st5 } from './st5.ts';

describe('st5', () => {
  it.each([
    [0, 'normal', 'green', '1B0286'],
    [4, 'normal', 'green', '1B0286'],
    [5, 'stressed', 'yellow', '1B0287'],
    [7, 'stressed', 'yellow', '1B0287'],
    [8, 'high', 'red', '1B0287'],
    [15, 'high', 'red', '1B0287'],
  ])('ST-5 %i is %s', (score, code, level, specialpp) => {
    const result = scored(st5, answersScoring(st5, 'stress', score));
    expect(result.scores).toEqual({ stress: score });
    expect(result.results).toEqual([expect.objectContaining({ code, level, specialpp })]);
  });
});
