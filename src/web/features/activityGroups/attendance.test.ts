import { describe, expect, it } from 'vitest';
import { editorReducer, newEditorState, toPlanCreate } from '../plans/draftState.ts';
import {
  attendanceRate,
  groupsFor,
  groupTotals,
  newestFirst,
  sessionOn,
  toAttendanceBody,
  todayFields,
  unmarkedCount,
} from './attendance.ts';
import { emptyGroupForm, toGroupCreate } from './form.ts';

const P1 = '11111111-1111-4111-8111-111111111111';
const P2 = '22222222-2222-4222-8222-222222222222';
const P3 = '33333333-3333-4333-8333-333333333333';
const ACT = '44444444-4444-4444-8444-444444444444';
const OTHER = '55555555-5555-4555-8555-555555555555';
const GROUP = '66666666-6666-4666-8666-666666666666';
const ORG = '77777777-7777-4777-8777-777777777777';
/** 2026-11-25 10:00 in Bangkok. */
const NOW = Date.parse('2026-11-25T03:00:00Z');

describe('attendance rates', () => {
  it('is the whole percent of marks that were present, null before any mark', () => {
    expect(attendanceRate(0, 0)).toBeNull();
    expect(attendanceRate(3, 4)).toBe(75);
    expect(attendanceRate(2, 3)).toBe(67);
    expect(attendanceRate(0, 5)).toBe(0);
    expect(attendanceRate(9, 4)).toBe(100);
  });

  it('sums a group over its sessions', () => {
    expect(groupTotals([])).toEqual({ sessions: 0, present: 0, marked: 0, rate: null });
    const sessions = [
      { heldOn: '2026-11-04', present: 2, absent: 0 },
      { heldOn: '2026-11-18', present: 1, absent: 1 },
      { heldOn: '2026-11-11', present: 0, absent: 2 },
    ];
    expect(groupTotals(sessions)).toEqual({ sessions: 3, present: 3, marked: 6, rate: 50 });
    expect(newestFirst(sessions).map((s) => s.heldOn)).toEqual(['2026-11-18', '2026-11-11', '2026-11-04']);
    expect(sessionOn(sessions, '2026-11-11')).toEqual(sessions[2]);
    expect(sessionOn(sessions, '2026-11-12')).toBeNull();
    expect(sessionOn(sessions, null)).toBeNull();
  });
});

describe('the attendance request', () => {
  const today = { day: '25', month: '11', yearBE: '2569' };

  it('defaults to today in Thai time, in the Buddhist era', () => {
    expect(todayFields(NOW)).toEqual(today);
    // 23:30 UTC is already the next morning in Bangkok.
    expect(todayFields(Date.parse('2026-12-31T18:30:00Z'))).toEqual({ day: '1', month: '1', yearBE: '2570' });
  });

  it('sends the CE date and the marked members in order, leaving the unmarked out', () => {
    const marks = { [P2]: 'absent', [P1]: 'present' } as const;
    expect(toAttendanceBody(today, marks, [P1, P2, P3], NOW)).toEqual({
      ok: true,
      body: {
        heldOn: '2026-11-25',
        present: [
          { personId: P1, present: true },
          { personId: P2, present: false },
        ],
      },
    });
    expect(unmarkedCount(marks, [P1, P2, P3])).toBe(1);
  });

  it('refuses a future, half-typed, impossible or missing date, and an empty register', () => {
    const one = { [P1]: 'present' } as const;
    const problems = (date: typeof today, marks: Record<string, 'present' | 'absent'> = one) => {
      const r = toAttendanceBody(date, marks, [P1], NOW);
      return r.ok ? [] : r.problems;
    };
    expect(problems({ day: '26', month: '11', yearBE: '2569' })).toEqual(['future']);
    expect(problems({ day: '25', month: '', yearBE: '2569' })).toEqual(['dateIncomplete']);
    expect(problems({ day: '31', month: '11', yearBE: '2569' })).toEqual(['dateInvalid']);
    expect(problems({ day: '', month: '', yearBE: '' })).toEqual(['dateMissing']);
    expect(problems(today, {})).toEqual(['none']);
    expect(problems({ day: '24', month: '11', yearBE: '2569' })).toEqual([]);
  });
});

describe('which groups a plan activity may join', () => {
  const groups = [
    { id: 'a', activityId: ACT, areaCode: '90150801' },
    { id: 'b', activityId: ACT, areaCode: '901508' },
    { id: 'c', activityId: ACT, areaCode: '90150802' },
    { id: 'd', activityId: OTHER, areaCode: '90150801' },
    { id: 'e', activityId: ACT, areaCode: '901509' },
  ];

  it('keeps the same activity in the person’s village or their subdistrict', () => {
    expect(groupsFor(groups, ACT, '90150801').map((g) => g.id)).toEqual(['a', 'b']);
  });

  it('offers every village of the subdistrict to a person known only by subdistrict', () => {
    expect(groupsFor(groups, ACT, '901508').map((g) => g.id)).toEqual(['a', 'b', 'c']);
    expect(groupsFor(groups, ACT, null)).toEqual([]);
  });
});

describe('the new-group request', () => {
  it('names every missing field', () => {
    const r = toGroupCreate(emptyGroupForm());
    expect(r).toEqual({
      ok: false,
      problems: { activityId: 'required', name: 'required', areaCode: 'required' },
    });
    const district = toGroupCreate({ ...emptyGroupForm('9015'), activityId: ACT, name: 'x' });
    expect(district).toEqual({ ok: false, problems: { areaCode: 'areaLevel' } });
  });

  it('trims, narrows to the chosen village and leaves blank options out', () => {
    expect(
      toGroupCreate({
        ...emptyGroupForm('901508'),
        activityId: ACT,
        name: '  กลุ่มเต้นแอโรบิก ',
        villageCode: '90150801',
        schedule: '  ',
      }),
    ).toEqual({ ok: true, body: { activityId: ACT, areaCode: '90150801', name: 'กลุ่มเต้นแอโรบิก' } });
    expect(
      toGroupCreate({
        ...emptyGroupForm('901508'),
        activityId: ACT,
        name: 'กลุ่ม',
        organizationId: ORG,
        schedule: 'ทุกวันพุธ 16.00 น.',
      }),
    ).toEqual({
      ok: true,
      body: {
        activityId: ACT,
        areaCode: '901508',
        name: 'กลุ่ม',
        organizationId: ORG,
        schedule: 'ทุกวันพุธ 16.00 น.',
      },
    });
  });
});

describe('joining a group from the plan editor', () => {
  const walk = { activityId: ACT, dimension: 'health' as const, title: 'เต้นแอโรบิก', addresses: [] };

  it('sends the group only for an activity done as a group, and forgets it when the way changes', () => {
    let s = editorReducer(newEditorState(P1, P2), { type: 'toggle', candidate: walk });
    s = editorReducer(s, { type: 'update', activityId: ACT, changes: { mode: 'group' } });
    s = editorReducer(s, {
      type: 'update',
      activityId: ACT,
      changes: { activityGroupId: GROUP, activityGroupName: 'กลุ่มหมู่ 1' },
    });
    // Another field changing keeps the group.
    s = editorReducer(s, { type: 'update', activityId: ACT, changes: { goal: 'สัปดาห์ละ 3 วัน' } });
    const body = toPlanCreate(s, null);
    expect(body.ok && body.body.activities[0]).toEqual({
      activityId: ACT,
      responsible: 'self',
      mode: 'group',
      goal: 'สัปดาห์ละ 3 วัน',
      activityGroupId: GROUP,
    });
    s = editorReducer(s, { type: 'update', activityId: ACT, changes: { mode: 'self' } });
    expect(s.picked[0]).toMatchObject({ activityGroupId: null, activityGroupName: null });
    const after = toPlanCreate(s, null);
    expect(after.ok && after.body.activities[0]?.activityGroupId).toBeUndefined();
  });
});
