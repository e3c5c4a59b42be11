import { describe, expect, it } from 'vitest';
import { scoreResponse } from '../score.ts';
import { scored } from '../testSupport.ts';
import { falls } from './falls.ts';

const NOT_AT_RISK = expect.objectContaining({ code: 'no_risk', level: 'green', specialpp: '1B1200' });
const AT_RISK = expect.objectContaining({ code: 'at_risk', level: 'yellow', specialpp: '1B1203' });

describe('falls', () => {
  it.each([
    [8, 0, NOT_AT_RISK],
    [11.9, 0, NOT_AT_RISK],
    [12, 1, AT_RISK],
    [30, 1, AT_RISK],
  ])('TUG %f s without a fall scores %i', (seconds, score, result) => {
    const scoredFalls = scored(falls, { fell: false, tug_unable: false, tug_seconds: seconds });
    expect(scoredFalls.scores).toEqual({ falls: score });
    expect(scoredFalls.results).toEqual([result]);
  });

  it('is at risk after a fall, even with a quick TUG; both criteria count 2', () => {
    expect(scored(falls, { fell: true, tug_unable: false, tug_seconds: 8 }).results).toEqual([AT_RISK]);
    expect(scored(falls, { fell: true, tug_unable: false, tug_seconds: 12 }).scores).toEqual({ falls: 2 });
  });

  it('is at risk when the test cannot be done, and then asks no time', () => {
    expect(scored(falls, { fell: false, tug_unable: true }).results).toEqual([AT_RISK]);
    expect(scoreResponse(falls, { fell: false, tug_unable: true, tug_seconds: 10 })).toEqual({
      ok: false,
      errors: [{ item: 'tug_seconds', problem: 'hidden' }],
    });
    expect(scoreResponse(falls, { fell: false, tug_unable: false })).toEqual({
      ok: false,
      errors: [{ item: 'tug_seconds', problem: 'required' }],
    });
  });

  it('keeps the TUG threshold as data', () => {
    const score = falls.scoring.dimensions[0]?.score;
    expect(score?.kind === 'derived' && score.params).toEqual({ tugSeconds: 12 });
  });
});
