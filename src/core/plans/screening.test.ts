import { describe, expect, it } from 'vitest';
import { getInstrument, type InstrumentDefinition, scoreResponse } from '../instruments/index.ts';
import {
  CODE_DIMENSIONS,
  itemLevelsOf,
  itemLevelsOfScreening,
  needsCodes,
  needsOf,
  needsOfScreening,
  wellbeingItemCodes,
} from './screening.ts';

const wellbeing = getInstrument('wellbeing20')!;
const needs = getInstrument('needs')!;

describe('item levels of a stored screening', () => {
  it('reads 0 / 1 / 2 as green / yellow / red, as the instrument defines them', () => {
    expect(itemLevelsOf(wellbeing, { H1: 0, H2: 1, H3: 2, V5: 2 })).toEqual({
      H1: 'green',
      H2: 'yellow',
      H3: 'red',
      V5: 'red',
    });
  });

  it('gives every item its level for every answer, and red where the scorer raises a red flag', () => {
    const light = ['green', 'yellow', 'red'] as const;
    for (const code of wellbeingItemCodes()) {
      for (const value of [0, 1, 2])
        expect(itemLevelsOf(wellbeing, { [code]: value })[code]).toBe(light[value]);
    }
    const allFine = Object.fromEntries(wellbeingItemCodes().map((c) => [c, 0]));
    for (const [item, dimension] of [
      ['H3', 'health'],
      ['E5', 'economy'],
      ['S2', 'society'],
      ['V1', 'environment'],
    ] as const) {
      const answers = { ...allFine, [item]: 2 };
      const outcome = scoreResponse(wellbeing, answers);
      expect(outcome.ok && outcome.scored.levels[dimension]).toBe('red');
      expect(itemLevelsOf(wellbeing, answers)[item]).toBe('red');
    }
  });

  it('leaves out what is not known: unanswered, null, not an option, wrong type, unknown items', () => {
    expect(
      itemLevelsOf(wellbeing, { H1: null, H2: 3, H3: true, H4: [], H5: 1.5, X9: 2, constructor: 1 }),
    ).toEqual({});
  });

  it('reverses the order for a dimension where lower is worse', () => {
    const ability: InstrumentDefinition = {
      ...wellbeing,
      items: [
        {
          code: 'A1',
          text: { th: 'ข้อ', en: 'Item' },
          kind: 'choice',
          required: true,
          dimension: 'health',
          options: [0, 1, 2, 3].map((v) => ({ value: v, label: { th: `${v}`, en: `${v}` } })),
        },
      ],
      scoring: {
        ...wellbeing.scoring,
        dimensions: wellbeing.scoring.dimensions.map((d) => ({ ...d, worseWhen: 'lower' as const })),
      },
    };
    expect(itemLevelsOf(ability, { A1: 0 })).toEqual({ A1: 'red' });
    expect(itemLevelsOf(ability, { A1: 2 })).toEqual({ A1: 'yellow' });
    expect(itemLevelsOf(ability, { A1: 3 })).toEqual({ A1: 'green' });
  });

  it('uses the version the screening was taken with, and gives nothing for an unknown one', () => {
    expect(itemLevelsOfScreening({ instrument: 'wellbeing20', version: 1, answers: { E5: 2 } })).toEqual({
      E5: 'red',
    });
    expect(itemLevelsOfScreening({ instrument: 'wellbeing20', version: 999, answers: { E5: 2 } })).toEqual(
      {},
    );
    expect(itemLevelsOfScreening({ instrument: 'nope', version: 1, answers: { E5: 2 } })).toEqual({});
  });
});

describe('needs of a stored needs survey', () => {
  it('collects the picked needs of every dimension, once each, dropping unknown codes', () => {
    expect(
      needsOf(needs, {
        needs_health: ['medicines', 'home_visit', 'medicines'],
        needs_economy: [],
        needs_environment: ['water', 'spaceship'],
        needs_society: null,
      }),
    ).toEqual(['medicines', 'home_visit', 'water']);
    expect(
      needsOfScreening({ instrument: 'needs', version: 1, answers: { needs_society: ['carer'] } }),
    ).toEqual(['carer']);
    expect(
      needsOfScreening({ instrument: 'needs', version: 42, answers: { needs_society: ['carer'] } }),
    ).toEqual([]);
  });
});

describe('the dimension of each code', () => {
  it('knows every item and need of the current definitions', () => {
    for (const code of [...wellbeingItemCodes(), ...needsCodes()])
      expect(CODE_DIMENSIONS.has(code), code).toBe(true);
    expect(CODE_DIMENSIONS.get('H3')).toBe('health');
    expect(CODE_DIMENSIONS.get('E4')).toBe('economy');
    expect(CODE_DIMENSIONS.get('S2')).toBe('society');
    expect(CODE_DIMENSIONS.get('V1')).toBe('environment');
    expect(CODE_DIMENSIONS.get('welfare_registration')).toBe('economy');
    expect(CODE_DIMENSIONS.get('handrails_ramps')).toBe('environment');
    expect(CODE_DIMENSIONS.get('needs_health')).toBeUndefined();
  });
});
