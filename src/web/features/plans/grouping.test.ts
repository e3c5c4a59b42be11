import { describe, expect, it } from 'vitest';
import { planProgressInput } from '../../../core/schemas/plan.ts';
import { toPatch } from './adjust.ts';
import {
  addressLabel,
  adherenceColor,
  adherencePercent,
  allGreen,
  dimensionLevels,
  effectKind,
  groupByDimension,
} from './grouping.ts';
import { errorsByActivity, reportableMonths, toProgressBody } from './progress.ts';
import type { Plan } from './types.ts';

describe('plan pieces by dimension', () => {
  it('keeps the four dimensions in order, best rank first, empty ones too', () => {
    const groups = groupByDimension([
      { id: 'a', dimension: 'society', rank: 2 },
      { id: 'b', dimension: 'health', rank: 3 },
      { id: 'c', dimension: 'society', rank: 1 },
      { id: 'd', dimension: 'health', rank: 1 },
      { id: 'e', dimension: 'other' },
    ]);
    expect(groups.map((g) => [g.dimension, g.items.map((i) => i.id)])).toEqual([
      ['health', ['d', 'b']],
      ['economy', []],
      ['society', ['c', 'a']],
      ['environment', []],
    ]);
    // Without ranks the order given is kept.
    const plain = groupByDimension([
      { id: 'x', dimension: 'economy' },
      { id: 'y', dimension: 'economy' },
    ]);
    expect(plain[1]?.items.map((i) => i.id)).toEqual(['x', 'y']);
  });

  it('reads the screening lights of the four dimensions and knows when all are green', () => {
    const levels = dimensionLevels({ health: 'red', economy: 'green', total: 'yellow', society: 'odd' });
    expect(levels).toEqual({ health: 'red', economy: 'green' });
    expect(allGreen(levels)).toBe(false);
    expect(
      allGreen(
        dimensionLevels({ health: 'green', economy: 'green', society: 'green', environment: 'green' }),
      ),
    ).toBe(true);
    expect(allGreen({})).toBe(false);
  });

  it('says adherence as a whole percent, plan or activity, and colours it', () => {
    expect(adherencePercent({ percent: 62.5 })).toBe(63);
    expect(adherencePercent(1)).toBe(1);
    expect(adherencePercent(100)).toBe(100);
    expect(adherencePercent({ percent: null })).toBeNull();
    expect(adherencePercent(null)).toBeNull();
    expect([adherenceColor(80), adherenceColor(50), adherenceColor(49), adherenceColor(null)]).toEqual([
      'teal',
      'yellow',
      'red',
      'gray',
    ]);
  });

  it('names what an activity addresses in words', () => {
    expect(addressLabel('H1', 'th')).toBe('โรคประจำตัว');
    expect(addressLabel('H1', 'en')).toBe('Chronic disease');
    expect(addressLabel('H3', 'th')).toBe('อารมณ์');
    expect(addressLabel('home_visit', 'th')).toBe('การเยี่ยมบ้าน');
    expect(addressLabel('ZZ9', 'th')).toBe('ZZ9');
  });

  it('never guesses an effect the server did not read', () => {
    expect(effectKind({ n: 40, estimate: -3, small: false, kind: 'better' })).toBe('better');
    expect(effectKind({ n: 3, estimate: 2, small: true })).toBe('small');
    expect(effectKind({ n: 0, estimate: null, small: true })).toBe('none');
  });
});

describe('a month of progress', () => {
  it('offers this Thai month first and no month to come', () => {
    // 17:30 UTC on 31 Oct 2026 is already 1 November in Bangkok.
    const months = reportableMonths(Date.UTC(2026, 9, 31, 17, 30), 2);
    expect(months).toEqual(['2026-11', '2026-10', '2026-09']);
  });

  it('sends only the activities given a status, and puts the server errors back by activity', () => {
    const body = toProgressBody(
      '2026-11',
      ['a1', 'a2', 'a3'],
      {
        a1: { status: 'done', note: '  ดีมาก ' },
        a2: { status: null, note: 'x' },
        a3: { status: 'not_done', note: '' },
      },
      '77777777-7777-4777-8777-777777777777',
    );
    expect(body).toEqual({
      month: '2026-11',
      entries: [
        { planActivityId: 'a1', status: 'done', note: 'ดีมาก' },
        { planActivityId: 'a3', status: 'not_done' },
      ],
      clientId: '77777777-7777-4777-8777-777777777777',
    });
    expect(toProgressBody('2026-11', ['a1'], { a1: { status: null, note: '' } }, 'c')).toBeNull();
    const split = errorsByActivity(
      [
        { path: 'entries.1.planActivityId', message: 'ไม่อยู่ในแผน' },
        { path: 'entries.1.status', message: 'second' },
        { path: 'month', message: 'เดือนที่ยังไม่ถึง' },
        { path: 'clientId', message: 'other' },
      ],
      body,
    );
    expect(split).toEqual({
      byActivity: { a3: 'ไม่อยู่ในแผน' },
      month: 'เดือนที่ยังไม่ถึง',
      rest: [{ path: 'clientId', message: 'other' }],
    });
    const real = toProgressBody(
      '2026-11',
      ['88888888-8888-4888-8888-888888888888'],
      { '88888888-8888-4888-8888-888888888888': { status: 'partly', note: '' } },
      '77777777-7777-4777-8777-777777777777',
    );
    expect(planProgressInput.safeParse(real).success).toBe(true);
  });
});

describe('adjusting a plan', () => {
  const plan = {
    id: 'p',
    personId: 'x',
    version: 2,
    status: 'active',
    goals: { targets: { health: 'green' }, personal: 'เดิม' },
    startsOn: null,
    endsOn: null,
    screeningId: null,
    adherence: null,
    createdAt: '',
    updatedAt: '',
    activities: [],
  } satisfies Plan;

  it('sends the rows kept (with their ids), leaves dropped ones out and keeps the targets', () => {
    const body = toPatch(
      plan,
      [
        {
          id: 'k1',
          activityId: 'a1',
          dimension: 'health',
          title: 'เดิน',
          responsible: 'organization',
          organizationId: 'o1',
          organizationName: null,
          responsibleName: 'ignored',
          mode: 'group',
          goal: '',
          startsOn: '2026-11-01',
          endsOn: null,
          activityGroupId: null,
          removed: false,
        },
        {
          id: 'k2',
          activityId: 'a2',
          dimension: 'economy',
          title: 'ออม',
          responsible: 'self',
          organizationId: null,
          organizationName: null,
          responsibleName: '',
          mode: '',
          goal: '',
          startsOn: null,
          endsOn: null,
          activityGroupId: null,
          removed: true,
        },
      ],
      ' ใหม่ ',
      ' เดินได้แล้ว ',
    );
    expect(body).toEqual({
      reason: 'เดินได้แล้ว',
      activities: [
        {
          id: 'k1',
          activityId: 'a1',
          responsible: 'organization',
          organizationId: 'o1',
          mode: 'group',
          title: 'เดิน',
          startsOn: '2026-11-01',
        },
      ],
      goals: { targets: { health: 'green' }, personal: 'ใหม่' },
    });
  });
});
