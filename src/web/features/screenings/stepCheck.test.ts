import { describe, expect, it } from 'vitest';
import { getInstrument, type Item } from '../../../core/instruments/index.ts';
import { checkStep } from './stepCheck.ts';

const item = (instrument: string, code: string): Item =>
  getInstrument(instrument)!.items.find((i) => i.code === code)!;

describe('going on from a question', () => {
  it('a required choice needs an answer, and one of its options', () => {
    const h1 = item('wellbeing20', 'H1');
    expect(checkStep(h1, {})).toEqual({ ok: false, problem: 'choose' });
    expect(checkStep(h1, { H1: 7 })).toEqual({ ok: false, problem: 'choose' });
    expect(checkStep(h1, { H1: 2 })).toEqual({ ok: true });
  });

  it('a number must be within its range', () => {
    const weight = item('nutrition', 'weight');
    expect(checkStep(weight, {})).toEqual({ ok: false, problem: 'range' });
    expect(checkStep(weight, { weight: 5 })).toEqual({ ok: false, problem: 'range' });
    expect(checkStep(weight, { weight: 55.5 })).toEqual({ ok: true });
  });

  it('a whole number must be whole', () => {
    const count: Item = {
      code: 'n',
      text: { th: 'จำนวน', en: 'Count' },
      kind: 'number',
      required: true,
      min: 0,
      max: 10,
      integer: true,
    };
    expect(checkStep(count, { n: 2.5 })).toEqual({ ok: false, problem: 'whole' });
    expect(checkStep(count, { n: 2 })).toEqual({ ok: true });
  });

  it('an untouched needs screen goes on as "nothing needed"', () => {
    const health = item('needs', 'needs_health');
    expect(checkStep(health, {})).toEqual({ ok: true, fill: [] });
    expect(checkStep(health, { needs_health: ['medicines'] })).toEqual({ ok: true });
  });
});
