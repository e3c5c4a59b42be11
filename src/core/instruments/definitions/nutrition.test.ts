import { describe, expect, it } from 'vitest';
import { scoreResponse } from '../score.ts';
import { scored } from '../testSupport.ts';
import { nutrition } from './nutrition.ts';

// At 160 cm, BMI 18.5 is 47.36 kg and 18.4 is 47.104 kg (1.6² = 2.56).
describe('nutrition', () => {
  it('is normal at BMI 18.5 exactly, and reports the BMI', () => {
    const result = scored(nutrition, { weight: 47.36, height: 160, weight_loss: false });
    expect(result.scores).toEqual({ bmi: 18.5, nutrition: 0 });
    expect(result.levels).toEqual({ nutrition: 'green' });
    expect(result.results).toEqual([expect.objectContaining({ code: 'normal' })]);
  });

  it('is at risk at BMI 18.4', () => {
    const result = scored(nutrition, { weight: 47.1, height: 160, weight_loss: false });
    expect(result.scores).toEqual({ bmi: 18.4, nutrition: 1 });
    expect(result.results).toEqual([expect.objectContaining({ code: 'at_risk', level: 'yellow' })]);
  });

  it('is at risk after unintended weight loss, whatever the BMI; both count 2', () => {
    expect(scored(nutrition, { weight: 70, height: 160, weight_loss: true }).scores).toEqual({
      bmi: 27.3,
      nutrition: 1,
    });
    expect(scored(nutrition, { weight: 40, height: 160, weight_loss: true }).scores).toEqual({
      bmi: 15.6,
      nutrition: 2,
    });
  });

  it('carries no SPECIALPP code: the file has none for nutrition', () => {
    const result = scored(nutrition, { weight: 40, height: 160, weight_loss: false });
    expect(result.results[0]?.specialpp).toBeUndefined();
  });

  it('rejects implausible measurements', () => {
    expect(scoreResponse(nutrition, { weight: 5, height: 400, weight_loss: false })).toEqual({
      ok: false,
      errors: [
        { item: 'weight', problem: 'out_of_range' },
        { item: 'height', problem: 'out_of_range' },
      ],
    });
  });
});
