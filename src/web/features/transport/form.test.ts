import { describe, expect, it } from 'vitest';
import { pickupInstant } from './form.ts';

const now = new Date('2026-03-01T03:00:00Z'); // 10:00 in Bangkok

describe('pickupInstant', () => {
  it('reads a Buddhist-era date and a clock time as Thai time', () => {
    expect(pickupInstant({ day: '2', month: '3', yearBE: '2569' }, '08:30', now)).toEqual({
      ok: true,
      iso: '2026-03-02T01:30:00.000Z',
    });
  });
  it('says what is wrong: incomplete, not a date, in the past', () => {
    expect(pickupInstant({ day: '2', month: '', yearBE: '2569' }, '08:30', now)).toEqual({
      ok: false,
      problem: 'incomplete',
    });
    expect(pickupInstant({ day: '2', month: '3', yearBE: '2569' }, '', now)).toMatchObject({
      problem: 'incomplete',
    });
    expect(pickupInstant({ day: '31', month: '2', yearBE: '2569' }, '08:30', now)).toMatchObject({
      problem: 'invalid',
    });
    expect(pickupInstant({ day: '1', month: '3', yearBE: '2569' }, '08:00', now)).toMatchObject({
      problem: 'past',
    });
    expect(pickupInstant({ day: '1', month: '3', yearBE: '2569' }, '11:00', now).ok).toBe(true);
  });
});
