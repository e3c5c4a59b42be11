import { describe, expect, it } from 'vitest';
import { answersScoring, scored } from '../testSupport.ts';
import { amt } from './amt.ts';

describe('amt', () => {
  it('has ten one-point questions', () => {
    expect(amt.items).toHaveLength(10);
    expect(amt.items.every((i) => i.kind === 'yes_no' && (i.weight ?? 1) === 1)).toBe(true);
  });

  it.each([
    [0, 'abnormal', 'yellow', '1B1223'],
    [7, 'abnormal', 'yellow', '1B1223'],
    [8, 'normal', 'green', '1B1220'],
    [10, 'normal', 'green', '1B1220'],
  ])('AMT %i is %s', (score, code, level, specialpp) => {
    const result = scored(amt, answersScoring(amt, 'cognition', score));
    expect(result.scores).toEqual({ cognition: score });
    expect(result.results).toEqual([expect.objectContaining({ code, level, specialpp })]);
  });

  it('keeps the cut-off as data: the normal band starts at 8', () => {
    expect(amt.scoring.dimensions[0]?.bands?.map((b) => [b.code, b.min])).toEqual([
      ['abnormal', 0],
      ['normal', 8],
    ]);
  });
});
