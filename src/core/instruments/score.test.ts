import { describe, expect, it } from 'vitest';
import type { InstrumentDefinition } from './definition.ts';
import { bandFor, scoreResponse } from './score.ts';
import { fixtureDefinition, scored } from './testSupport.ts';

const fixture = fixtureDefinition();

describe('scoreResponse', () => {
  it('returns scores, levels, results, flags and follow-ups', () => {
    expect(scoreResponse(fixture, { a: false, b: 1 })).toEqual({
      ok: true,
      scored: {
        scores: { d: 1, total: 1 },
        levels: { d: 'green' },
        results: [{ dimension: 'd', code: 'fine', level: 'green', label: { th: 'ดี', en: 'Fine' } }],
        flags: [],
        followUps: [],
      },
    });
  });

  it('weighs items: a yes/no counts its weight, a choice weight × value', () => {
    expect(scored(fixture, { a: true, b: 1, c: 1 }).scores).toEqual({ d: 4, total: 4 });
    expect(scored(fixture, { a: true, b: 0, c: 0 }).scores).toEqual({ d: 1, total: 1 });
  });

  it('applies the bands from their lower bounds', () => {
    expect(scored(fixture, { a: true, b: 0, c: 0 }).levels).toEqual({ d: 'green' });
    expect(scored(fixture, { a: true, b: 1, c: 0 }).levels).toEqual({ d: 'yellow' });
    expect(scored(fixture, { a: true, b: 1, c: 1 }).levels).toEqual({ d: 'red' });
  });

  it('makes a dimension red on a red flag whatever the sum', () => {
    const result = scored(fixture, { a: false, b: 2 });
    expect(result.scores.d).toBe(2);
    expect(result.levels).toEqual({ d: 'red' });
    expect(result.results[0]).toMatchObject({ code: 'bad', level: 'red' });
    expect(result.flags).toEqual(['b_two']);
  });

  it('reports follow-up instruments and alerts (no instrument) when their conditions hold', () => {
    expect(scored(fixture, { a: true, b: 1, c: 1 }).followUps).toEqual([
      { instrument: 'other', reason: 'high_d', urgent: false },
      { reason: 'c_yes', urgent: true },
    ]);
  });

  it('is deterministic and leaves the answers alone', () => {
    const answers = Object.freeze({ a: true, b: 2, c: 1, n: 4 });
    expect(scoreResponse(fixture, answers)).toEqual(scoreResponse(fixture, { ...answers }));
  });
});

describe('a red flag on a dimension where lower is worse', () => {
  const definition: InstrumentDefinition = {
    ...fixture,
    items: fixture.items.slice(0, 2),
    scoring: {
      ...fixture.scoring,
      dimensions: [
        {
          ...fixture.scoring.dimensions[0]!,
          worseWhen: 'lower',
          bands: [
            { min: 0, code: 'worst', level: 'red', label: { th: 'แย่มาก', en: 'Worst' } },
            { min: 1, code: 'poor', level: 'red', label: { th: 'แย่', en: 'Poor' } },
            { min: 2, code: 'good', level: 'green', label: { th: 'ดี', en: 'Good' } },
          ],
        },
      ],
      redFlags: [{ flag: 'b_two', when: { item: 'b', op: 'eq', value: 2 }, forcesRed: 'd' }],
      followUps: [],
    },
  };

  it('gives the mildest red band, the one nearest the good end', () => {
    expect(scored(definition, { a: true, b: 2 }).results[0]).toMatchObject({ code: 'poor', level: 'red' });
  });

  it('raises the level alone when the dimension has no red band', () => {
    const noRed = structuredClone(definition);
    noRed.scoring.dimensions[0]!.bands = [
      { min: 0, code: 'good', level: 'green', label: { th: 'ดี', en: 'Good' } },
    ];
    expect(scored(noRed, { a: true, b: 2 }).results[0]).toMatchObject({ code: 'good', level: 'red' });
  });
});

describe('bandFor', () => {
  const bands = fixture.scoring.dimensions[0]!.bands!;
  it.each([
    [0, 'fine'],
    [1.99, 'fine'],
    [2, 'watch'],
    [3.5, 'watch'],
    [4, 'bad'],
    [100, 'bad'],
  ])('puts %f in %s', (score, code) => {
    expect(bandFor(bands, score).code).toBe(code);
  });
});
