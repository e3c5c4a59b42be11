import { describe, expect, it } from 'vitest';
import { answersScoring, scored } from '../testSupport.ts';
import { adlBarthel } from './adlBarthel.ts';

describe('adl_barthel', () => {
  it('has the ten Barthel items with their ranges, 0–20 in all', () => {
    const ranges = adlBarthel.items.map((i) => [
      i.code,
      i.kind === 'choice' ? Math.max(...i.options.map((o) => o.value)) : -1,
    ]);
    expect(ranges).toEqual([
      ['feeding', 2],
      ['grooming', 1],
      ['transfer', 3],
      ['toilet_use', 2],
      ['mobility', 3],
      ['dressing', 2],
      ['stairs', 2],
      ['bathing', 1],
      ['bowels', 2],
      ['bladder', 2],
    ]);
  });

  it.each([
    [0, 'bed_bound', 'red', '1B1282'],
    [4, 'bed_bound', 'red', '1B1282'],
    [5, 'home_bound', 'yellow', '1B1281'],
    [11, 'home_bound', 'yellow', '1B1281'],
    [12, 'social_bound', 'green', '1B1280'],
    [20, 'social_bound', 'green', '1B1280'],
  ])('ADL %i is %s', (score, code, level, specialpp) => {
    const result = scored(adlBarthel, answersScoring(adlBarthel, 'adl', score));
    expect(result.scores).toEqual({ adl: score });
    expect(result.levels).toEqual({ adl: level });
    expect(result.results).toEqual([expect.objectContaining({ dimension: 'adl', code, level, specialpp })]);
  });
});
