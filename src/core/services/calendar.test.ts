import { describe, expect, it } from 'vitest';
import {
  calendarRange,
  endsAt,
  isoWeek,
  thaiDay,
  thaiDayBounds,
  thaiWeekBounds,
  type VisitSlot,
  visitWarnings,
  warningsTouching,
} from './calendar.ts';

let n = 0;
/** A visit at a Thai wall-clock time (`2026-01-28T09:00`), 60 minutes unless said. */
function slot(at: string, over: Partial<VisitSlot> = {}): VisitSlot {
  n++;
  return {
    id: `v${n}`,
    personId: 'p1',
    organizationId: 'o1',
    assigneeIds: ['u1'],
    startsAt: new Date(`${at}:00+07:00`).toISOString(),
    durationMinutes: 60,
    status: 'scheduled',
    ...over,
  };
}

describe('Thai days and ISO weeks', () => {
  it('counts a visit at 00:30 Thai time on the Thai day, not the UTC one', () => {
    expect(thaiDay('2026-01-27T17:30:00Z')).toBe('2026-01-28');
    expect(thaiDayBounds('2026-01-28')).toEqual({
      start: '2026-01-27T17:00:00.000Z',
      end: '2026-01-28T17:00:00.000Z',
    });
  });

  it('numbers weeks the ISO way, Monday first, the Thursday deciding the year', () => {
    expect(isoWeek('2026-01-01T03:00:00Z')).toBe('2026-W01'); // a Thursday
    expect(isoWeek('2027-01-01T03:00:00Z')).toBe('2026-W53'); // a Friday: still 2026's last week
    expect(isoWeek('2024-12-30T03:00:00Z')).toBe('2025-W01'); // a Monday: already 2025's first
    // Sunday 23:30 and Monday 00:30 Thai time are in different weeks.
    expect(isoWeek(new Date('2026-02-01T23:30:00+07:00'))).toBe('2026-W05');
    expect(isoWeek(new Date('2026-02-02T00:30:00+07:00'))).toBe('2026-W06');
  });

  it('gives the week from Monday 00:00 Thai time', () => {
    expect(thaiWeekBounds('2026-01-29T05:00:00Z')).toEqual({
      start: '2026-01-25T17:00:00.000Z',
      end: '2026-02-01T17:00:00.000Z',
    });
  });

  it('ends a visit after its duration', () => {
    expect(endsAt('2026-01-28T02:00:00.000Z', 90)).toBe('2026-01-28T03:30:00.000Z');
  });
});

describe('calendar ranges', () => {
  it('takes both days and answers the instants to query', () => {
    expect(calendarRange('2026-01-01', '2026-01-01')).toEqual({
      ok: true,
      start: '2025-12-31T17:00:00.000Z',
      end: '2026-01-01T17:00:00.000Z',
      days: 1,
    });
    expect(calendarRange('2026-01-01', '2026-03-03')).toMatchObject({ ok: true, days: 62 });
  });

  it('refuses a range that ends before it starts or is longer than 62 days', () => {
    expect(calendarRange('2026-01-02', '2026-01-01')).toEqual({ ok: false, problem: 'calendar_range_order' });
    expect(calendarRange('2026-01-01', '2026-03-04')).toEqual({
      ok: false,
      problem: 'calendar_range_too_long',
    });
  });
});

describe('conflicts and overload', () => {
  it('says nothing about a quiet week', () => {
    expect(visitWarnings([slot('2026-01-26T09:00'), slot('2026-01-27T09:00', { personId: 'p2' })])).toEqual(
      [],
    );
  });

  it('finds an assignee sent to two overlapping visits, and not back-to-back ones', () => {
    const a = slot('2026-01-28T09:00', { personId: 'p1' });
    const b = slot('2026-01-28T09:30', { personId: 'p2', assigneeIds: ['u2', 'u1'] });
    const c = slot('2026-01-28T10:30', { personId: 'p3' }); // starts when b ends
    const warnings = visitWarnings([c, b, a]);
    expect(warnings).toEqual([{ kind: 'double_booked', userId: 'u1', count: 2, visitIds: [a.id, b.id] }]);
  });

  it('ignores cancelled and missed visits', () => {
    const a = slot('2026-01-28T09:00', { personId: 'p1' });
    const b = slot('2026-01-28T09:30', { personId: 'p2', status: 'cancelled' });
    const c = slot('2026-01-28T09:15', { personId: 'p3', status: 'missed' });
    expect(visitWarnings([a, b, c])).toEqual([]);
  });

  it('warns when three agencies visit one person in one ISO week', () => {
    const visits = [
      slot('2026-01-26T09:00', { organizationId: 'o1', assigneeIds: ['u1'] }),
      slot('2026-01-28T09:00', { organizationId: 'o2', assigneeIds: ['u2'] }),
      slot('2026-02-01T09:00', { organizationId: 'o3', assigneeIds: ['u3'] }), // Sunday: same week
    ];
    expect(visitWarnings(visits)).toEqual([
      {
        kind: 'many_agencies',
        personId: 'p1',
        week: '2026-W05',
        count: 3,
        visitIds: visits.map((v) => v.id),
      },
    ]);
    // The third agency on the next Monday is another week: no warning.
    const nextWeek = [visits[0]!, visits[1]!, { ...visits[2]!, startsAt: '2026-02-02T02:00:00.000Z' }];
    expect(visitWarnings(nextWeek)).toEqual([]);
  });

  it('warns about three visits in a week from one agency as many visits', () => {
    const visits = [
      slot('2026-01-26T09:00', { assigneeIds: ['u1'] }),
      slot('2026-01-27T09:00', { assigneeIds: ['u2'] }),
      slot('2026-01-28T09:00', { assigneeIds: [], organizationId: null }),
    ];
    expect(visitWarnings(visits)).toEqual([
      { kind: 'many_visits', personId: 'p1', week: '2026-W05', count: 3, visitIds: visits.map((v) => v.id) },
    ]);
  });

  it('warns about a user with more visits in a day than the limit', () => {
    const day = Array.from({ length: 9 }, (_, i) =>
      slot(`2026-01-28T${String(8 + i).padStart(2, '0')}:00`, { personId: `p${i}` }),
    );
    expect(visitWarnings(day.slice(0, 8))).toEqual([]);
    expect(visitWarnings(day)).toEqual([
      { kind: 'overloaded', userId: 'u1', date: '2026-01-28', count: 9, visitIds: day.map((v) => v.id) },
    ]);
    expect(
      visitWarnings(day.slice(0, 3), { agenciesPerWeek: 3, visitsPerWeek: 3, visitsPerDay: 2 }),
    ).toMatchObject([{ kind: 'overloaded', count: 3 }]);
  });

  it('picks the warnings that name a given visit', () => {
    const a = slot('2026-01-28T09:00', { personId: 'p1' });
    const b = slot('2026-01-28T09:30', { personId: 'p2' });
    const c = slot('2026-01-29T09:00', { personId: 'p3', assigneeIds: ['u2'] });
    const d = slot('2026-01-29T09:10', { personId: 'p4', assigneeIds: ['u2'] });
    const all = visitWarnings([a, b, c, d]);
    expect(all).toHaveLength(2);
    expect(warningsTouching(all, [a.id])).toEqual([all[0]]);
    expect(warningsTouching(all, ['nothing'])).toEqual([]);
  });
});
