import { describe, expect, it } from 'vitest';
import { type AssistanceFormValues, emptyForm, givenOnOf, parseBaht, toRequest } from './form.ts';

const TODAY = '2026-05-10';
const ORG = '11111111-1111-4111-8111-111111111111';
const ids = {
  personId: '22222222-2222-4222-8222-222222222222',
  clientId: '33333333-3333-4333-8333-333333333333',
};
const filled = (change: Partial<AssistanceFormValues> = {}): AssistanceFormValues => ({
  ...emptyForm(TODAY, ORG),
  kind: 'goods',
  description: ' ถุงยังชีพ ',
  value: '1,500.50',
  ...change,
});

describe('baht as typed', () => {
  it('reads separators, Thai digits and a trailing บาท', () => {
    expect(parseBaht('1,500.50')).toBe(1500.5);
    expect(parseBaht('๑๒๐')).toBe(120);
    expect(parseBaht('300 บาท')).toBe(300);
    expect(parseBaht('  ')).toBeNull();
  });

  it('refuses negatives, letters and satang past two places', () => {
    expect(parseBaht('-5')).toBeUndefined();
    expect(parseBaht('abc')).toBeUndefined();
    expect(parseBaht('1.005')).toBeUndefined();
  });
});

describe('the date given', () => {
  it('starts at today and reads the Buddhist era', () => {
    expect(emptyForm(TODAY, null).givenOn).toEqual({ day: '10', month: '5', yearBE: '2569' });
    expect(givenOnOf({ day: '1', month: '2', yearBE: '2569' }, TODAY)).toEqual({ iso: '2026-02-01' });
  });

  it('says what is wrong: incomplete, impossible, future, too old', () => {
    expect(givenOnOf({ day: '1', month: '', yearBE: '2569' }, TODAY)).toEqual({ problem: 'dateIncomplete' });
    expect(givenOnOf({ day: '30', month: '2', yearBE: '2569' }, TODAY)).toEqual({ problem: 'dateInvalid' });
    expect(givenOnOf({ day: '11', month: '5', yearBE: '2569' }, TODAY)).toEqual({ problem: 'future' });
    expect(givenOnOf({ day: '1', month: '1', yearBE: '2550' }, TODAY)).toEqual({ problem: 'tooOld' });
    expect(givenOnOf({ day: '', month: '', yearBE: '' }, TODAY)).toEqual({ problem: 'required' });
  });
});

describe('the request', () => {
  it('is the shared schema’s shape, trimmed, without empty optional fields', () => {
    const r = toRequest(filled(), ids, TODAY);
    expect(r).toEqual({
      ok: true,
      body: {
        ...ids,
        kind: 'goods',
        description: 'ถุงยังชีพ',
        value: 1500.5,
        givenOn: TODAY,
        organizationId: ORG,
      },
    });
  });

  it('carries the confirmation when the recorder confirmed a probable duplicate', () => {
    const r = toRequest(filled({ value: '' }), ids, TODAY, true);
    expect(r.ok && r.body).toMatchObject({ confirmDuplicate: true });
    expect(r.ok && r.body.value).toBeUndefined();
  });

  it('names every field that is wrong at once', () => {
    const r = toRequest(
      filled({
        kind: null,
        description: '',
        value: '-1',
        organizationId: null,
        givenOn: { day: '', month: '', yearBE: '' },
      }),
      ids,
      TODAY,
    );
    expect(r).toEqual({
      ok: false,
      errors: {
        kind: 'required',
        description: 'required',
        value: 'value',
        organizationId: 'required',
        givenOn: 'required',
      },
    });
    expect(toRequest(filled({ description: 'x'.repeat(1001) }), ids, TODAY)).toEqual({
      ok: false,
      errors: { description: 'tooLong' },
    });
  });
});
