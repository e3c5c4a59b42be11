import { describe, expect, it } from 'vitest';
import { eightQ } from './definitions/eightQ.ts';
import { falls } from './definitions/falls.ts';
import { needsSurvey } from './definitions/needs.ts';
import { wellbeing20 } from './definitions/wellbeing20.ts';
import { scoreResponse } from './score.ts';
import { answersWith, fixtureDefinition } from './testSupport.ts';
import { validateAnswers } from './validate.ts';

const fixture = fixtureDefinition();
const valid = { a: true, b: 1, c: 0, n: 3 };
const errorsOf = (answers: Record<string, unknown>) => validateAnswers(fixture, answers).errors;

describe('validateAnswers', () => {
  it('accepts a complete valid set and returns it', () => {
    expect(validateAnswers(fixture, valid)).toEqual({ answers: valid, errors: [] });
  });

  it('names an unknown item, including names that exist on every object', () => {
    expect(errorsOf({ ...valid, zz: 1, constructor: 1 })).toEqual([
      { item: 'constructor', problem: 'unknown_item' },
      { item: 'zz', problem: 'unknown_item' },
    ]);
  });

  it.each([
    ['a string for a choice', { b: '1' }, 'b', 'wrong_type'],
    ['a number for a yes/no', { a: 1, c: null }, 'a', 'wrong_type'],
    ['a string for a number', { n: '3' }, 'n', 'wrong_type'],
    ['NaN for a number', { n: Number.NaN }, 'n', 'wrong_type'],
    ['Infinity for a number', { n: Number.POSITIVE_INFINITY }, 'n', 'wrong_type'],
    ['a value that is not an option', { b: 3 }, 'b', 'not_an_option'],
    ['a fraction between options', { b: 0.5 }, 'b', 'not_an_option'],
    ['a number below its minimum', { n: -1 }, 'n', 'out_of_range'],
    ['a number above its maximum', { n: 11 }, 'n', 'out_of_range'],
    ['a fraction for an integer', { n: 2.5 }, 'n', 'not_integer'],
  ])('names %s', (_, change, item, problem) => {
    expect(errorsOf({ ...valid, ...change })).toEqual([{ item, problem }]);
  });

  it.each([
    ['a string', 'home_visit'],
    ['numbers', [1, 2]],
  ])('names a multi-select given %s', (_, value) => {
    expect(validateAnswers(needsSurvey, { needs_health: value }).errors).toEqual([
      { item: 'needs_health', problem: 'wrong_type' },
    ]);
  });

  it('names a required item that is shown but missing; null counts as missing', () => {
    expect(errorsOf({ a: false })).toEqual([{ item: 'b', problem: 'required' }]);
    expect(errorsOf({ a: false, b: null })).toEqual([{ item: 'b', problem: 'required' }]);
    expect(errorsOf({ a: true, b: 0 })).toEqual([{ item: 'c', problem: 'required' }]);
  });

  it('lets an optional item go unanswered', () => {
    expect(errorsOf({ a: false, b: 0 })).toEqual([]);
    expect(errorsOf({ a: false, b: 0, n: null })).toEqual([]);
  });

  it('names an answer to a hidden item, but accepts null there', () => {
    expect(errorsOf({ a: false, b: 0, c: 1 })).toEqual([{ item: 'c', problem: 'hidden' }]);
    expect(errorsOf({ a: false, b: 0, c: null })).toEqual([]);
  });

  it('hides an item whose condition rests on an invalid answer', () => {
    expect(errorsOf({ a: 'yes', b: 0, c: 1 })).toEqual([
      { item: 'a', problem: 'wrong_type' },
      { item: 'c', problem: 'hidden' },
    ]);
  });

  it('reports every problem at once, unknown items first, then in item order', () => {
    expect(errorsOf({ zz: 1, n: 99, b: 7 })).toEqual([
      { item: 'zz', problem: 'unknown_item' },
      { item: 'a', problem: 'required' },
      { item: 'b', problem: 'not_an_option' },
      { item: 'n', problem: 'out_of_range' },
    ]);
  });

  it('drops nothing silently: the accepted answers are exactly the shown, valid ones', () => {
    expect(validateAnswers(fixture, { a: false, b: 2, c: null, n: null }).answers).toEqual({
      a: false,
      b: 2,
    });
  });
});

describe('scoreResponse on bad answers', () => {
  it('returns the errors and no scores, never throws', () => {
    expect(scoreResponse(wellbeing20, {})).toEqual({
      ok: false,
      errors: wellbeing20.items.map((i) => ({ item: i.code, problem: 'required' })),
    });
    expect(scoreResponse(eightQ, { ...answersWith(eightQ), q9: true })).toEqual({
      ok: false,
      errors: [{ item: 'q9', problem: 'unknown_item' }],
    });
    expect(scoreResponse(falls, { fell: 'no', tug_unable: false, tug_seconds: -3 })).toEqual({
      ok: false,
      errors: [
        { item: 'fell', problem: 'wrong_type' },
        { item: 'tug_seconds', problem: 'out_of_range' },
      ],
    });
  });
});
