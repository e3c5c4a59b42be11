import { describe, expect, it } from 'vitest';
import { getInstrument, scoreResponse } from '../../../core/instruments/index.ts';
import { answersWith } from '../../../core/instruments/testSupport.ts';
import { answerChanges, cleanReason, flagChanges, resultChanges, sameAnswer } from './correction.ts';

const wellbeing = getInstrument('wellbeing20')!;
const eightQ = getInstrument('8q')!;
const needs = getInstrument('needs')!;
const green = answersWith(wellbeing);
const score = (definition: typeof wellbeing, answers: Record<string, unknown>) => {
  const outcome = scoreResponse(definition, answers);
  if (!outcome.ok) throw new Error(JSON.stringify(outcome.errors));
  return outcome.scored;
};

describe('which answers a correction changes', () => {
  it('lists the changed answers only, in question order, from → to', () => {
    const before = { ...green, S2: 2, H1: 1 };
    const after = { ...before, S2: 0, V5: 1 };
    const changes = answerChanges(wellbeing, before, after);
    expect(changes.map((c) => [c.item.code, c.before, c.after])).toEqual([
      ['S2', 2, 0],
      ['V5', 0, 1],
    ]);
  });

  it('finds nothing when the answers are the same', () => {
    expect(answerChanges(wellbeing, green, { ...green })).toEqual([]);
  });

  it('counts only the answers of questions that are asked (skip logic)', () => {
    const no = answersWith(eightQ);
    const before = { ...no, q3: true, q3a: 8 };
    // "No" to q3 hides q3a: its old answer no longer counts, and is shown as gone.
    const after = { ...before, q3: false };
    expect(answerChanges(eightQ, before, after).map((c) => [c.item.code, c.before, c.after])).toEqual([
      ['q3', true, false],
      ['q3a', 8, undefined],
    ]);
    // A leftover answer of a hidden question is not a change.
    expect(answerChanges(eightQ, no, { ...no, q3a: 8 })).toEqual([]);
  });

  it('treats a multi-select as a set: the order of picking is no change', () => {
    const before = { needs_health: ['home_visit', 'medicines'] };
    expect(answerChanges(needs, before, { needs_health: ['medicines', 'home_visit'] })).toEqual([]);
    expect(answerChanges(needs, before, { needs_health: ['medicines'] })).toHaveLength(1);
    // "Not asked" and "asked, nothing needed" are different answers.
    expect(answerChanges(needs, {}, { needs_health: [] })).toHaveLength(1);
  });

  it('compares answers by value and kind', () => {
    expect(sameAnswer(1, 1)).toBe(true);
    expect(sameAnswer(0, false)).toBe(false);
    expect(sameAnswer(undefined, 0)).toBe(false);
    expect(sameAnswer(['a', 'a'], ['a', 'b'])).toBe(false);
    expect(sameAnswer([], [])).toBe(true);
  });
});

describe('how the results move', () => {
  it('a red flag corrected away turns the dimension back from red, and the flag is cleared', () => {
    const before = score(wellbeing, { ...green, S2: 2 });
    const after = score(wellbeing, green);
    const moved = resultChanges(wellbeing, before, after);
    const society = moved.find((m) => m.dimension === 'society')!;
    expect(society).toMatchObject({ levelChanged: true, scoreChanged: true, beforeScore: 2, afterScore: 0 });
    expect(society.before?.level).toBe('red');
    expect(society.after?.level).toBe('green');
    expect(moved.filter((m) => m.levelChanged).map((m) => m.dimension)).toEqual(['society']);
    expect(flagChanges(before.flags, after.flags)).toEqual({ added: [], removed: ['possible_abuse'] });
  });

  it('lists every dimension in the instrument’s order, with the total', () => {
    const s = score(wellbeing, green);
    const moved = resultChanges(wellbeing, s, s);
    expect(moved.map((m) => m.dimension)).toEqual(['health', 'economy', 'society', 'environment', 'total']);
    expect(moved.some((m) => m.levelChanged || m.scoreChanged)).toBe(false);
  });

  it('a score that moves within its level is a score change, not a level change', () => {
    const moved = resultChanges(wellbeing, score(wellbeing, green), score(wellbeing, { ...green, E1: 1 }));
    expect(moved.find((m) => m.dimension === 'economy')).toMatchObject({
      levelChanged: false,
      scoreChanged: true,
    });
  });

  it('names new red flags', () => {
    expect(flagChanges(['hunger'], ['hunger', 'unsafe_home'])).toEqual({
      added: ['unsafe_home'],
      removed: [],
    });
  });
});

describe('the reason', () => {
  it('is trimmed, and needs 3 to 300 characters as the server does', () => {
    expect(cleanReason('  กดผิดข้อ  ')).toBe('กดผิดข้อ');
    expect(cleanReason('ab')).toBeNull();
    expect(cleanReason('   ab   ')).toBeNull();
    expect(cleanReason('x'.repeat(300))).toHaveLength(300);
    expect(cleanReason('x'.repeat(301))).toBeNull();
  });
});
