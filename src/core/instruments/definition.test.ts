import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { type InstrumentDefinition, instrumentDefinition, type Text } from './definition.ts';
import { publishedDefinitions } from './definitions/index.ts';
import { fixtureDefinition } from './testSupport.ts';

const THAI = /[\u0E00-\u0E7F]/;
const LATIN = /[A-Za-z]/;

/** Every Thai/English text of a definition, with where it is. */
function texts(definition: InstrumentDefinition): [string, Text][] {
  const found: [string, Text][] = [['title', definition.title]];
  for (const item of definition.items) {
    found.push([item.code, item.text]);
    if (item.kind === 'choice' || item.kind === 'multi') {
      for (const o of item.options) found.push([`${item.code}=${o.value}`, o.label]);
    }
    if (item.kind === 'yes_no')
      found.push([`${item.code}=yes`, item.labels.yes], [`${item.code}=no`, item.labels.no]);
    if (item.kind === 'number' && item.unit) found.push([`${item.code} unit`, item.unit]);
  }
  for (const d of definition.scoring.dimensions) {
    found.push([d.code, d.label]);
    for (const b of d.bands ?? []) found.push([`${d.code}.${b.code}`, b.label]);
  }
  return found;
}

function issues(definition: unknown): string[] {
  const parsed = instrumentDefinition.safeParse(definition);
  return parsed.success ? [] : parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
}

describe.each(publishedDefinitions.map((d) => [`${d.code}@${d.version}`, d] as const))(
  '%s',
  (_, definition) => {
    it('passes the definition schema', () => {
      expect(issues(definition)).toEqual([]);
    });

    it('survives a JSON round trip unchanged (it is stored and sent to phones as JSON)', () => {
      const copy = JSON.parse(JSON.stringify(definition));
      expect(copy).toEqual(definition);
      expect(instrumentDefinition.parse(copy)).toEqual(definition);
    });

    it('has Thai and English text for every item, option and result', () => {
      for (const [where, text] of texts(definition)) {
        expect(text.th, where).toMatch(THAI);
        expect(text.en, where).toMatch(LATIN);
      }
    });
  },
);

const CSV = new URL('../../server/db/reference/moph-specialpp-elderly.csv', import.meta.url);

describe('SPECIALPP codes', () => {
  it('exist in the MoPH file', () => {
    const known = new Set(
      readFileSync(CSV, 'utf8')
        .split('\n')
        .slice(1)
        .map((line) => line.split(',')[0]),
    );
    const used = publishedDefinitions.flatMap((d) =>
      d.scoring.dimensions.flatMap((dim) =>
        (dim.bands ?? []).flatMap((b) => (b.specialpp ? [b.specialpp] : [])),
      ),
    );
    expect(used.length).toBeGreaterThan(20);
    expect(used.filter((code) => !known.has(code))).toEqual([]);
  });
});

describe('definition rules', () => {
  const broken = (change: (d: InstrumentDefinition) => void) => {
    const definition = structuredClone(fixtureDefinition());
    change(definition);
    return issues(definition);
  };

  it('accepts the fixture', () => {
    expect(issues(fixtureDefinition())).toEqual([]);
  });

  it.each<[string, (d: InstrumentDefinition) => void, string]>([
    [
      'a repeated item code',
      (d) => Object.assign(d.items[1]!, { code: 'a' }),
      'items.1.code: duplicate_item',
    ],
    [
      'a repeated option value',
      (d) =>
        Object.assign(d.items[1]!, {
          options: [
            { value: 1, label: { th: 'ก', en: 'A' } },
            { value: 1, label: { th: 'ข', en: 'B' } },
          ],
        }),
      'items.1.options: duplicate_option',
    ],
    [
      'a number item with max not above min',
      (d) => Object.assign(d.items[3]!, { max: 0 }),
      'items.3.max: max_not_above_min',
    ],
    [
      'an item in an unknown dimension',
      (d) => Object.assign(d.items[0]!, { dimension: 'x' }),
      'items.0.dimension: unknown_sum_dimension',
    ],
    [
      'a summed number item',
      (d) => Object.assign(d.items[3]!, { dimension: 'd' }),
      'items.3.dimension: number_items_are_not_summed',
    ],
    [
      'skip logic looking forward',
      (d) => Object.assign(d.items[0]!, { showWhen: { item: 'b', op: 'eq', value: 1 } }),
      'items.0.showWhen.item: unknown_or_later_item',
    ],
    [
      'skip logic comparing a yes/no with a number',
      (d) => Object.assign(d.items[2]!, { showWhen: { item: 'a', op: 'gte', value: 1 } }),
      'items.2.showWhen.value: condition_does_not_fit_item',
    ],
    [
      'a repeated dimension',
      (d) => d.scoring.dimensions.push(structuredClone(d.scoring.dimensions[0]!)),
      'scoring.dimensions.1.code: duplicate_dimension',
    ],
    [
      'a dimension named total',
      (d) => {
        d.scoring.dimensions[0]!.code = 'total';
        for (const i of d.items) if (i.dimension) i.dimension = 'total';
        d.scoring.redFlags = [];
        d.scoring.followUps = [];
      },
      'scoring.dimensions.0.code: total_is_reserved',
    ],
    [
      'a sum dimension without items',
      (d) =>
        d.scoring.dimensions.push({
          code: 'empty',
          label: { th: 'ว่าง', en: 'Empty' },
          score: { kind: 'sum' },
        }),
      'scoring.dimensions.1.score: no_items',
    ],
    [
      'bands without a direction',
      (d) => delete d.scoring.dimensions[0]!.worseWhen,
      'scoring.dimensions.0.bands: bands_need_worseWhen',
    ],
    [
      'bands out of order',
      (d) => Object.assign(d.scoring.dimensions[0]!.bands![2]!, { min: 2 }),
      'scoring.dimensions.0.bands.2.min: bands_not_ascending',
    ],
    [
      'a band better than the one below it',
      (d) => Object.assign(d.scoring.dimensions[0]!.bands![2]!, { level: 'green' }),
      'scoring.dimensions.0.bands.2.level: levels_not_monotone',
    ],
    [
      'bands leaving the lowest score out',
      (d) => Object.assign(d.scoring.dimensions[0]!.bands![0]!, { min: 1 }),
      'scoring.dimensions.0.bands.0.min: bands_do_not_cover_lowest_score',
    ],
    [
      'a repeated band code',
      (d) => Object.assign(d.scoring.dimensions[0]!.bands![1]!, { code: 'fine' }),
      'scoring.dimensions.0.bands: duplicate_band_code',
    ],
    [
      'a red flag on an unknown item',
      (d) => Object.assign(d.scoring.redFlags[0]!.when, { item: 'zz' }),
      'scoring.redFlags.0.when.item: unknown_or_later_item',
    ],
    [
      'a red flag forcing an unknown dimension',
      (d) => Object.assign(d.scoring.redFlags[0]!, { forcesRed: 'x' }),
      'scoring.redFlags.0.forcesRed: unknown_banded_dimension',
    ],
    [
      'a follow-up on an unknown score',
      (d) => Object.assign(d.scoring.followUps[0]!, { when: { score: 'x', op: 'gte', value: 1 } }),
      'scoring.followUps.0.when.score: unknown_score',
    ],
  ])('rejects %s', (_, change, expected) => {
    expect(broken(change)).toContain(expected);
  });

  describe('derived scores', () => {
    const withDerived = (score: object, item: object = {}) =>
      broken((d) => {
        Object.assign(d.items[0]!, item);
        d.scoring.total = false;
        d.scoring.dimensions.push({ code: 'x', label: { th: 'เอ็กซ์', en: 'X' }, score: score as never });
      });
    const fallRisk = {
      kind: 'derived',
      fn: 'fallRisk',
      inputs: { tugSeconds: 'n', tugUnable: 'a', fell: 'a' },
      params: { tugSeconds: 12 },
    };

    it('accepts a well-wired one', () => {
      expect(withDerived(fallRisk)).toEqual([]);
    });

    it.each([
      [
        'an unknown function',
        { ...fallRisk, fn: 'toString' },
        'scoring.dimensions.1.score.fn: unknown_derived_score',
      ],
      [
        'missing inputs',
        { ...fallRisk, inputs: { fell: 'a' } },
        'scoring.dimensions.1.score.inputs: inputs_mismatch',
      ],
      [
        'an input of the wrong kind',
        { ...fallRisk, inputs: { ...fallRisk.inputs, tugSeconds: 'b' } },
        'scoring.dimensions.1.score.inputs.tugSeconds: input_kind_mismatch',
      ],
      ['missing params', { ...fallRisk, params: {} }, 'scoring.dimensions.1.score.params: params_mismatch'],
    ])('rejects %s', (_, score, expected) => {
      expect(withDerived(score)).toContain(expected);
    });

    it('rejects a required input mapped to an item that may be skipped', () => {
      expect(
        withDerived({ ...fallRisk, inputs: { ...fallRisk.inputs, fell: 'a' } }, { required: false }),
      ).toContain('scoring.dimensions.1.score.inputs.fell: input_must_be_required');
    });

    it('rejects a total over a derived dimension', () => {
      expect(
        broken((d) => {
          d.scoring.dimensions.push({ code: 'x', label: { th: 'เอ็กซ์', en: 'X' }, score: fallRisk as never });
        }),
      ).toContain('scoring.total: total_needs_sum_dimensions');
    });
  });

  it('rejects missing Thai or English, unknown fields and bad codes through the shape', () => {
    expect(broken((d) => Object.assign(d.title, { th: ' ' }))).toContain(
      'title.th: Too small: expected string to have >=1 characters',
    );
    expect(broken((d) => Object.assign(d, { extra: 1 })).length).toBeGreaterThan(0);
    expect(broken((d) => Object.assign(d.scoring.dimensions[0]!.bands![0]!, { specialpp: 'X1' }))).toContain(
      'scoring.dimensions.0.bands.0.specialpp: specialpp',
    );
  });
});
