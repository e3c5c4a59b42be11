import { describe, expect, it } from 'vitest';
import { answersWith, scored } from '../testSupport.ts';
import { incontinence } from './incontinence.ts';

describe('incontinence', () => {
  it('is no problem (1B1284) with all noes', () => {
    expect(scored(incontinence, answersWith(incontinence)).results).toEqual([
      expect.objectContaining({ code: 'no_problem', level: 'green', specialpp: '1B1284' }),
    ]);
  });

  it.each(incontinence.items.map((i) => i.code))('is a problem (1B1285) with a yes to %s', (item) => {
    expect(scored(incontinence, answersWith(incontinence, { [item]: true })).results).toEqual([
      expect.objectContaining({ code: 'problem', level: 'yellow', specialpp: '1B1285' }),
    ]);
  });
});
