import { describe, expect, it } from 'vitest';
import { parseBuddhistDate, toBuddhistDate } from './buddhistDate.ts';

describe('group end dates typed in the Buddhist era', () => {
  it('turns day, month and B.E. year into an ISO date, and back', () => {
    expect(parseBuddhistDate({ day: '30', month: '9', yearBE: '2570' })).toEqual({
      ok: true,
      iso: '2027-09-30',
    });
    expect(parseBuddhistDate({ day: '๕', month: '1', yearBE: '๒๕๗๐' })).toEqual({
      ok: true,
      iso: '2027-01-05',
    });
    expect(toBuddhistDate('2027-09-30')).toEqual({ day: '30', month: '9', yearBE: '2570' });
  });

  it('all empty is no date; part-filled or impossible dates are refused', () => {
    expect(parseBuddhistDate({ day: '', month: '', yearBE: '' })).toEqual({ ok: true, iso: null });
    expect(parseBuddhistDate({ day: '1', month: '', yearBE: '2570' })).toEqual({
      ok: false,
      problem: 'incomplete',
    });
    expect(parseBuddhistDate({ day: '31', month: '2', yearBE: '2570' })).toEqual({
      ok: false,
      problem: 'invalid',
    });
    expect(parseBuddhistDate({ day: '1', month: '1', yearBE: '2027' })).toEqual({
      ok: false,
      problem: 'invalid',
    });
  });
});
