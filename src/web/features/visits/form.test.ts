import type { TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import { type ScheduleValues, scheduleBody } from './form.ts';

const t = ((key: string) => key) as unknown as TFunction;
const values: ScheduleValues = {
  kind: 'home_visit',
  date: { day: '28', month: '1', yearBE: '2569' },
  time: '09:30',
  durationMinutes: '45',
  organizationId: null,
  assigneeIds: ['8d7c1a52-3f7e-4c47-9a44-1d5b7a0c9e10'],
  planActivityId: '',
  purpose: '  วัดความดัน ',
};
const clientId = '0b6f3c1e-2d4a-4f5b-8c6d-7e8f9a0b1c2d';

describe('the schedule form', () => {
  it('turns a Buddhist-era date and a Thai clock time into the API body', () => {
    expect(scheduleBody(values, clientId, t)).toEqual({
      ok: true,
      body: {
        kind: 'home_visit',
        startsAt: '2026-01-28T09:30:00+07:00',
        durationMinutes: 45,
        assigneeIds: values.assigneeIds,
        purpose: 'วัดความดัน',
        clientId,
      },
    });
  });

  it('names the date and the time when they are missing or wrong', () => {
    const check = scheduleBody(
      { ...values, date: { day: '31', month: '2', yearBE: '2569' }, time: '' },
      clientId,
      t,
    );
    expect(check).toEqual({
      ok: false,
      errors: { startsAt: 'visits.form.dateInvalid', time: 'visits.form.timeRequired' },
    });
    const incomplete = scheduleBody({ ...values, date: { day: '', month: '', yearBE: '' } }, clientId, t);
    expect(incomplete).toMatchObject({ ok: false, errors: { startsAt: 'visits.form.dateIncomplete' } });
  });
});
