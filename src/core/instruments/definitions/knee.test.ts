import { describe, expect, it } from 'vitest';
import { answersScoring, scored } from '../testSupport.ts';
import { knee } from './knee.ts';

describe('knee', () => {
  it.each([
    [0, 'normal', 'green', '1B1270'],
    [2, 'normal', 'green', '1B1270'],
    [3, 'probable_oa', 'yellow', '1B1271'],
    [5, 'probable_oa', 'yellow', '1B1271'],
  ])('%i criteria is %s', (score, code, level, specialpp) => {
    const result = scored(knee, answersScoring(knee, 'knee', score));
    expect(result.scores).toEqual({ knee: score });
    expect(result.results).toEqual([expect.objectContaining({ code, level, specialpp })]);
  });
});
