/**
 * Properties over many random valid answer sets (a seeded loop, no library):
 * scores stay in range, and a worse answer never gives a better level.
 */
import { describe, expect, it } from 'vitest';
import type { Dimension, InstrumentDefinition } from './definition.ts';
import { publishedDefinitions } from './definitions/index.ts';
import { severity } from './level.ts';
import { dimensionRange, totalRange } from './range.ts';
import { getInstrument } from './registry.ts';
import type { ScoredResponse } from './response.ts';
import { type AnswerSet, completeAnswers, randomAnswers, scored, seededRandom } from './testSupport.ts';

const RUNS = 400;

function* randomSets(definition: InstrumentDefinition, seed: number): Generator<AnswerSet> {
  const random = seededRandom(seed);
  for (let run = 0; run < RUNS; run++) yield randomAnswers(definition, random);
}

/** Each way to raise one choice or yes/no answer (a worse answer where higher is worse), kept valid. */
function raisedOneItem(definition: InstrumentDefinition, answers: AnswerSet): [string, AnswerSet][] {
  const raised: [string, AnswerSet][] = [];
  for (const item of definition.items) {
    const current = answers[item.code];
    if (current === undefined) continue;
    const higher =
      item.kind === 'choice'
        ? item.options.map((o) => o.value).filter((v) => v > Number(current))
        : item.kind === 'yes_no' && current === false
          ? [true]
          : [];
    for (const value of higher) {
      raised.push([`${item.code}=${value}`, completeAnswers(definition, { ...answers, [item.code]: value })]);
    }
  }
  return raised;
}

/** How bad a result is along its dimension: its band's position counted from the good end. */
function badness(dimension: Dimension, response: ScoredResponse): [number, number] {
  const result = response.results.find((r) => r.dimension === dimension.code)!;
  const bands = dimension.bands!;
  const index = bands.findIndex((b) => b.code === result.code);
  return [severity(result.level), dimension.worseWhen === 'higher' ? index : bands.length - 1 - index];
}

describe.each(publishedDefinitions.map((d, i) => [`${d.code}@${d.version}`, d, i] as const))(
  '%s on random valid answers',
  (_, definition, index) => {
    const banded = definition.scoring.dimensions.filter((d) => d.bands);
    const declaredFlags = new Set(definition.scoring.redFlags.map((f) => f.flag));

    it('always scores, within each dimension range and the total range', () => {
      for (const answers of randomSets(definition, 1000 + index)) {
        const result = scored(definition, answers);
        for (const dimension of definition.scoring.dimensions) {
          const { min, max } = dimensionRange(definition, dimension);
          const score = result.scores[dimension.code];
          expect(score, dimension.code).toBeGreaterThanOrEqual(min);
          expect(score, dimension.code).toBeLessThanOrEqual(max);
        }
        if (definition.scoring.total) {
          const { min, max } = totalRange(definition);
          expect(result.scores.total).toBeGreaterThanOrEqual(min);
          expect(result.scores.total).toBeLessThanOrEqual(max);
        }
      }
    });

    it('gives one result and one level per banded dimension, flags it declares, follow-ups it can resolve', () => {
      for (const answers of randomSets(definition, 2000 + index)) {
        const result = scored(definition, answers);
        expect(result.results.map((r) => r.dimension)).toEqual(banded.map((d) => d.code));
        for (const r of result.results) expect(result.levels[r.dimension]).toBe(r.level);
        for (const flag of result.flags) expect(declaredFlags.has(flag)).toBe(true);
        for (const f of result.followUps) if (f.instrument) expect(getInstrument(f.instrument)).toBeDefined();
      }
    });

    it('never gives a better level or result for a worse answer (monotone)', () => {
      for (const answers of randomSets(definition, 3000 + index)) {
        const before = scored(definition, answers);
        for (const [change, raisedAnswers] of raisedOneItem(definition, answers)) {
          const after = scored(definition, raisedAnswers);
          for (const dimension of banded) {
            const [levelBefore, bandBefore] = badness(dimension, before);
            const [levelAfter, bandAfter] = badness(dimension, after);
            const where = `${dimension.code} after ${change}`;
            if (dimension.worseWhen === 'higher') {
              expect(levelAfter, where).toBeGreaterThanOrEqual(levelBefore);
              expect(bandAfter, where).toBeGreaterThanOrEqual(bandBefore);
            } else {
              // Raising an answer where lower is worse is a better answer: it must never make things worse.
              expect(levelAfter, where).toBeLessThanOrEqual(levelBefore);
              expect(bandAfter, where).toBeLessThanOrEqual(bandBefore);
            }
          }
        }
      }
    });

    it('scores the same answers identically, whatever their key order', () => {
      for (const answers of randomSets(definition, 4000 + index)) {
        const reversed = Object.fromEntries(Object.entries(answers).reverse());
        expect(scored(definition, reversed)).toEqual(scored(definition, answers));
      }
    });
  },
);
