/**
 * A published version must score the same answers the same way for ever.
 * This snapshot holds what every published version gives for fixed random
 * answer sets (codes and numbers, no labels). If it fails after a change to a
 * definition, publish a new version instead of editing the old one; if it
 * fails after a change to the engine, the engine changed old results. (The
 * answer sets come from `randomAnswers`: only a change there may rewrite it.)
 */
import { describe, expect, it } from 'vitest';
import { publishedDefinitions } from './definitions/index.ts';
import { randomAnswers, scored, seededRandom } from './testSupport.ts';

const SETS = 12;

describe('published versions score as they always have', () => {
  it.each(publishedDefinitions.map((d) => [`${d.code}@${d.version}`, d] as const))('%s', (_, definition) => {
    const seed = [...definition.code].reduce((h, c) => (h * 31 + c.charCodeAt(0)) >>> 0, definition.version);
    const random = seededRandom(seed);
    const lines = Array.from({ length: SETS }, () => {
      const answers = randomAnswers(definition, random);
      const { scores, results, flags, followUps } = scored(definition, answers);
      return {
        answers: JSON.stringify(answers),
        scores,
        results: results.map((r) => [r.dimension, r.code, r.level, r.specialpp ?? null].join(' ')),
        flags,
        followUps: followUps.map((f) =>
          [f.instrument ?? '(alert)', f.reason, f.urgent ? 'urgent' : ''].join(' ').trim(),
        ),
      };
    });
    expect(lines).toMatchSnapshot();
  });
});
