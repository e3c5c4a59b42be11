import { describe, expect, it } from 'vitest';
import { answersWith, scored } from '../testSupport.ts';
import { wellbeing20 } from './wellbeing20.ts';

const dimensions = ['health', 'economy', 'society', 'environment'] as const;
const RED_FLAG_ITEMS = new Set(['H3', 'E5', 'S2', 'V1']);

/** A dimension sum from its four other items (at most 8), so no red flag is raised. */
function sumWithoutFlags(dimension: string, score: number) {
  const answers = answersWith(wellbeing20);
  let remaining = score;
  for (const item of wellbeing20.items) {
    if (item.dimension !== dimension || RED_FLAG_ITEMS.has(item.code)) continue;
    answers[item.code] = Math.min(2, remaining);
    remaining -= Math.min(2, remaining);
  }
  return answers;
}

describe('wellbeing20', () => {
  it('has five 0/1/2 items per dimension, coded H, E, S, V 1–5', () => {
    const prefix = { health: 'H', economy: 'E', society: 'S', environment: 'V' };
    for (const dimension of dimensions) {
      const items = wellbeing20.items.filter((i) => i.dimension === dimension);
      expect(items.map((i) => i.code)).toEqual([1, 2, 3, 4, 5].map((n) => `${prefix[dimension]}${n}`));
      for (const item of items) {
        expect(item.kind === 'choice' && item.options.map((o) => o.value)).toEqual([0, 1, 2]);
      }
    }
  });

  it('scores all fine as 0 everywhere, green', () => {
    const result = scored(wellbeing20, answersWith(wellbeing20));
    expect(result.scores).toEqual({ health: 0, economy: 0, society: 0, environment: 0, total: 0 });
    expect(result.levels).toEqual({
      health: 'green',
      economy: 'green',
      society: 'green',
      environment: 'green',
    });
    expect(result.flags).toEqual([]);
    expect(result.followUps).toEqual([]);
  });

  it('scores all problems as 10 per dimension and 40 overall', () => {
    const all2 = Object.fromEntries(wellbeing20.items.map((i) => [i.code, 2]));
    const result = scored(wellbeing20, all2);
    expect(result.scores).toEqual({ health: 10, economy: 10, society: 10, environment: 10, total: 40 });
    expect(Object.values(result.levels)).toEqual(['red', 'red', 'red', 'red']);
  });

  // Without red flags the cut-offs alone decide.
  it.each([
    [2, 'green', 'fine'],
    [3, 'yellow', 'at_risk'],
    [5, 'yellow', 'at_risk'],
    [6, 'red', 'problem'],
  ])('a dimension scoring %i is %s', (score, level, code) => {
    for (const dimension of dimensions) {
      const result = scored(wellbeing20, sumWithoutFlags(dimension, score));
      expect(result.scores[dimension]).toBe(score);
      expect(result.levels[dimension]).toBe(level);
      expect(result.results.find((r) => r.dimension === dimension)).toMatchObject({ code, level });
      expect(result.flags).toEqual([]);
    }
  });

  it('adds the four dimensions into the total', () => {
    const answers = answersWith(wellbeing20, { H1: 1, E1: 2, E2: 1, S4: 2, V3: 1, V4: 1 });
    expect(scored(wellbeing20, answers).scores).toEqual({
      health: 1,
      economy: 3,
      society: 2,
      environment: 2,
      total: 8,
    });
  });

  it.each([
    ['H3', 'health', 'depressed_mood'],
    ['E5', 'economy', 'hunger'],
    ['S2', 'society', 'possible_abuse'],
    ['V1', 'environment', 'unsafe_home'],
  ])('%s = 2 makes %s red whatever the sum, and flags %s', (item, dimension, flag) => {
    const result = scored(wellbeing20, answersWith(wellbeing20, { [item]: 2 }));
    expect(result.scores[dimension]).toBe(2);
    expect(result.levels[dimension]).toBe('red');
    expect(result.results.find((r) => r.dimension === dimension)?.code).toBe('problem');
    expect(result.flags).toEqual([flag]);
    for (const other of dimensions.filter((d) => d !== dimension)) expect(result.levels[other]).toBe('green');
  });

  it('raises no flag at 1 on a red-flag item', () => {
    const result = scored(wellbeing20, answersWith(wellbeing20, { H3: 1, E5: 1, S2: 1, V1: 1 }));
    expect(result.flags).toEqual([]);
    expect(result.levels).toEqual({
      health: 'green',
      economy: 'green',
      society: 'green',
      environment: 'green',
    });
  });

  it('makes the 9Q due after H3 = 2, and only then', () => {
    expect(scored(wellbeing20, answersWith(wellbeing20, { H3: 2 })).followUps).toEqual([
      { instrument: '9q', reason: 'depressed_mood', urgent: false },
    ]);
    expect(scored(wellbeing20, answersWith(wellbeing20, { H3: 1 })).followUps).toEqual([]);
  });

  it('lists every raised flag once, in definition order', () => {
    const result = scored(wellbeing20, answersWith(wellbeing20, { V1: 2, S2: 2, E5: 2, H3: 2 }));
    expect(result.flags).toEqual(['depressed_mood', 'hunger', 'possible_abuse', 'unsafe_home']);
  });
});
