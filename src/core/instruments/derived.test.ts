import { describe, expect, it } from 'vitest';
import { bodyMassIndex, derivedScores, findDerivedScore } from './derived.ts';
import { seededRandom } from './testSupport.ts';

const { bmi, fallRisk, nutritionRisk } = derivedScores as Required<typeof derivedScores>;

describe('bodyMassIndex', () => {
  it('is kg/m² to one decimal', () => {
    expect(bodyMassIndex(70, 175)).toBe(22.9);
    expect(bodyMassIndex(47.104, 160)).toBe(18.4);
  });

  it('rounds before anyone compares it: 47.36 kg at 160 cm is 18.5, not 18.4999…', () => {
    expect(47.36 / (1.6 * 1.6)).toBeLessThan(18.5);
    expect(bodyMassIndex(47.36, 160)).toBe(18.5);
  });

  it('reports the range the weight and height items allow', () => {
    const items = {
      weightKg: { code: 'w', text: { th: 'น', en: 'W' }, kind: 'number', required: true, min: 20, max: 250 },
      heightCm: { code: 'h', text: { th: 'ส', en: 'H' }, kind: 'number', required: true, min: 100, max: 220 },
    } as const;
    expect(bmi?.range(items, {})).toEqual({ min: 4.1, max: 250 });
  });
});

describe('fallRisk', () => {
  const params = { tugSeconds: 12 };
  it.each([
    [{ tugSeconds: 11.9, fell: false }, 0],
    [{ tugSeconds: 12, fell: false }, 1],
    [{ tugSeconds: 8, fell: true }, 1],
    [{ tugSeconds: 15, fell: true }, 2],
    [{ tugUnable: true, fell: false }, 1],
    [{ tugUnable: true, fell: true }, 2],
    [{ fell: false }, 0],
  ])('%j counts %i criteria', (inputs, expected) => {
    expect(fallRisk?.compute(inputs, params)).toBe(expected);
  });

  it('follows its threshold parameter', () => {
    expect(fallRisk?.compute({ tugSeconds: 13, fell: false }, { tugSeconds: 13.5 })).toBe(0);
    expect(fallRisk?.compute({ tugSeconds: 13.5, fell: false }, { tugSeconds: 13.5 })).toBe(1);
  });

  it('never lowers the risk for a slower walk', () => {
    const random = seededRandom(12);
    for (let i = 0; i < 500; i++) {
      const slow = 1 + random() * 60;
      const slower = slow + random() * 30;
      const fell = random() < 0.5;
      expect(fallRisk!.compute({ tugSeconds: slower, fell }, params)).toBeGreaterThanOrEqual(
        fallRisk!.compute({ tugSeconds: slow, fell }, params),
      );
    }
  });
});

describe('nutritionRisk', () => {
  const params = { underweightBmi: 18.5 };
  it.each([
    [{ weightKg: 47.36, heightCm: 160, weightLoss: false }, 0],
    [{ weightKg: 47.1, heightCm: 160, weightLoss: false }, 1],
    [{ weightKg: 70, heightCm: 160, weightLoss: true }, 1],
    [{ weightKg: 40, heightCm: 160, weightLoss: true }, 2],
  ])('%j counts %i criteria', (inputs, expected) => {
    expect(nutritionRisk?.compute(inputs, params)).toBe(expected);
  });

  it('never lowers the risk for a lighter person of the same height', () => {
    const random = seededRandom(7);
    for (let i = 0; i < 500; i++) {
      const heightCm = 100 + random() * 120;
      const heavier = 20 + random() * 230;
      const lighter = heavier - random() * (heavier - 20);
      const weightLoss = random() < 0.5;
      expect(
        nutritionRisk!.compute({ weightKg: lighter, heightCm, weightLoss }, params),
      ).toBeGreaterThanOrEqual(nutritionRisk!.compute({ weightKg: heavier, heightCm, weightLoss }, params));
    }
  });
});

describe('findDerivedScore', () => {
  it('finds only the named functions, never inherited properties', () => {
    expect(findDerivedScore('bmi')).toBe(bmi);
    expect(findDerivedScore('toString')).toBeUndefined();
    expect(findDerivedScore('constructor')).toBeUndefined();
  });
});
