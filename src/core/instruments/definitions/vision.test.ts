import { describe, expect, it } from 'vitest';
import { answersWith, scored } from '../testSupport.ts';
import { vision } from './vision.ts';

describe('vision', () => {
  it('finds no problem with all noes, with the "no problem" code of each condition', () => {
    const result = scored(vision, answersWith(vision));
    expect(result.results.map((r) => [r.dimension, r.code, r.specialpp])).toEqual([
      ['near_vision', 'no_problem', '1B1240'],
      ['distance_vision', 'no_problem', '1B1243'],
      ['cataract', 'no_problem', '1B1250'],
      ['glaucoma', 'no_problem', '1B1253'],
      ['macular', 'no_problem', '1B1256'],
    ]);
  });

  it.each([
    ['near', 'near_vision', '1B1241'],
    ['distance', 'distance_vision', '1B1244'],
    ['cloudy', 'cataract', '1B1251'],
    ['narrow_field', 'glaucoma', '1B1254'],
    ['central_spot', 'macular', '1B1257'],
  ])('a yes to %s is a %s problem (%s), the others stay fine', (item, dimension, specialpp) => {
    const result = scored(vision, answersWith(vision, { [item]: true }));
    expect(result.results.find((r) => r.dimension === dimension)).toMatchObject({
      code: 'problem',
      level: 'yellow',
      specialpp,
    });
    expect(result.results.filter((r) => r.code === 'problem')).toHaveLength(1);
  });
});
