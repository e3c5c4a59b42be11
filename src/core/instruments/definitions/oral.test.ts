import { describe, expect, it } from 'vitest';
import { answersWith, scored } from '../testSupport.ts';
import { oral } from './oral.ts';

describe('oral', () => {
  it('codes appropriate behaviour 1B1260, and a normal mouth with no code', () => {
    const result = scored(oral, answersWith(oral));
    expect(result.results).toEqual([
      expect.objectContaining({ dimension: 'oral_behaviour', code: 'appropriate', specialpp: '1B1260' }),
      { dimension: 'oral_condition', code: 'no_problem', level: 'green', label: expect.any(Object) },
    ]);
  });

  it('codes risky behaviour 1B1261 and an abnormal mouth 1B1262, each from its own items', () => {
    const behaviour = scored(oral, answersWith(oral, { tobacco_betel: true }));
    expect(behaviour.levels).toEqual({ oral_behaviour: 'yellow', oral_condition: 'green' });
    expect(behaviour.results[0]).toMatchObject({ code: 'inappropriate', specialpp: '1B1261' });

    const mouth = scored(oral, answersWith(oral, { mouth_pain: true, gum_bleeding: true }));
    expect(mouth.scores).toEqual({ oral_behaviour: 0, oral_condition: 2 });
    expect(mouth.results[1]).toMatchObject({ code: 'problem', level: 'yellow', specialpp: '1B1262' });
  });
});
