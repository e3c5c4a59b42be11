import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { planCreate } from '../../../core/schemas/plan.ts';
import {
  type Candidate,
  clearEditorState,
  editorReducer,
  hasWork,
  loadEditorState,
  newEditorState,
  saveEditorState,
  toPlanCreate,
} from './draftState.ts';

const A = '11111111-1111-4111-8111-111111111111';
const B = '22222222-2222-4222-8222-222222222222';
const ORG = '33333333-3333-4333-8333-333333333333';
const CLIENT = '44444444-4444-4444-8444-444444444444';
const PERSON = '55555555-5555-4555-8555-555555555555';

const walk: Candidate = { activityId: A, dimension: 'health', title: 'เดินเร็ว', addresses: ['H1'] };
const savings: Candidate = { activityId: B, dimension: 'economy', title: 'กลุ่มออมทรัพย์', addresses: ['E1'] };

function storage(): Storage {
  const data = new Map<string, string>();
  return {
    get length() {
      return data.size;
    },
    clear: () => data.clear(),
    getItem: (k) => data.get(k) ?? null,
    key: (i) => [...data.keys()][i] ?? null,
    removeItem: (k) => void data.delete(k),
    setItem: (k, v) => void data.set(k, String(v)),
  };
}

describe('the plan editor state', () => {
  it('ticks and unticks activities, and settles who is responsible', () => {
    let s = newEditorState(PERSON, CLIENT);
    expect(hasWork(s)).toBe(false);
    s = editorReducer(s, { type: 'toggle', candidate: walk });
    s = editorReducer(s, { type: 'toggle', candidate: savings });
    expect(s.picked.map((p) => p.activityId)).toEqual([A, B]);
    expect(s.picked[0]?.responsible).toBe('self');
    s = editorReducer(s, { type: 'toggle', candidate: walk });
    expect(s.picked.map((p) => p.activityId)).toEqual([B]);
    expect(hasWork(s)).toBe(true);

    s = editorReducer(s, {
      type: 'update',
      activityId: B,
      changes: { responsible: 'organization', organizationId: ORG, organizationName: 'อบต.' },
    });
    expect(s.picked[0]?.organizationId).toBe(ORG);
    // Leaving "organisation" drops the organisation: it would be a stale, hidden choice.
    s = editorReducer(s, { type: 'update', activityId: B, changes: { responsible: 'family' } });
    expect(s.picked[0]).toMatchObject({
      responsible: 'family',
      organizationId: null,
      organizationName: null,
    });
  });

  it('adds from the library once, ticked, and keeps targets only when set', () => {
    let s = newEditorState(PERSON, CLIENT);
    s = editorReducer(s, { type: 'addExtra', candidate: walk });
    s = editorReducer(s, { type: 'addExtra', candidate: walk });
    expect(s.extras).toHaveLength(1);
    expect(s.picked).toHaveLength(1);
    s = editorReducer(s, { type: 'target', dimension: 'health', level: 'green' });
    s = editorReducer(s, { type: 'target', dimension: 'economy', level: 'yellow' });
    s = editorReducer(s, { type: 'target', dimension: 'economy', level: null });
    expect(s.targets).toEqual({ health: 'green' });
    expect(editorReducer(s, { type: 'reset' }).picked).toEqual([]);
  });

  it('makes a request the shared schema accepts, with the one clientId and B.E. dates as ISO', () => {
    let s = newEditorState(PERSON, CLIENT);
    s = editorReducer(s, { type: 'toggle', candidate: walk });
    s = editorReducer(s, { type: 'toggle', candidate: savings });
    s = editorReducer(s, {
      type: 'update',
      activityId: A,
      changes: {
        responsible: 'volunteer',
        responsibleName: '  สมใจ  ',
        mode: 'group',
        goal: ' เดินวันละ 30 นาที ',
      },
    });
    s = editorReducer(s, { type: 'personal', text: ' อยากเดินไปวัดได้เอง ' });
    s = editorReducer(s, { type: 'target', dimension: 'health', level: 'yellow' });
    s = editorReducer(s, {
      type: 'dates',
      startsOn: { day: '1', month: '12', yearBE: '2569' },
      endsOn: { day: '๓๑', month: '5', yearBE: '๒๕๗๐' },
    });
    const result = toPlanCreate(s, '66666666-6666-4666-8666-666666666666');
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.body).toEqual({
      activities: [
        {
          activityId: A,
          responsible: 'volunteer',
          responsibleName: 'สมใจ',
          mode: 'group',
          goal: 'เดินวันละ 30 นาที',
        },
        { activityId: B, responsible: 'self' },
      ],
      goals: { targets: { health: 'yellow' }, personal: 'อยากเดินไปวัดได้เอง' },
      startsOn: '2026-12-01',
      endsOn: '2027-05-31',
      screeningId: '66666666-6666-4666-8666-666666666666',
      clientId: CLIENT,
    });
    expect(planCreate.safeParse(result.body).success).toBe(true);
    // The same half-made plan gives the same request: a retry can never make a second plan.
    expect(toPlanCreate(s, '66666666-6666-4666-8666-666666666666')).toEqual(result);
  });

  it('refuses nothing ticked, an organisation left unchosen and dates that do not make sense', () => {
    let s = newEditorState(PERSON, CLIENT);
    expect(toPlanCreate(s, null)).toEqual({ ok: false, problems: [{ path: 'activities', problem: 'none' }] });
    s = editorReducer(s, { type: 'toggle', candidate: walk });
    s = editorReducer(s, { type: 'update', activityId: A, changes: { responsible: 'organization' } });
    s = editorReducer(s, {
      type: 'dates',
      startsOn: { day: '1', month: '6', yearBE: '2570' },
      endsOn: { day: '1', month: '1', yearBE: '2570' },
    });
    expect(toPlanCreate(s, null)).toEqual({
      ok: false,
      problems: [
        { path: `activities.${A}.organizationId`, problem: 'organization' },
        { path: 'endsOn', problem: 'order' },
      ],
    });
    s = editorReducer(s, { type: 'dates', endsOn: { day: '31', month: '2', yearBE: '2570' } });
    const result = toPlanCreate(s, null);
    expect(result.ok ? [] : result.problems.map((p) => p.problem)).toEqual(['organization', 'invalid']);
  });
});

describe('the half-made plan on the device', () => {
  beforeEach(() => {
    Object.defineProperty(globalThis, 'localStorage', { value: storage(), configurable: true });
  });
  afterEach(() => {
    Reflect.deleteProperty(globalThis, 'localStorage');
  });

  it('survives a reload with its clientId, per user and person, and goes when cleared', () => {
    let s = newEditorState(PERSON, CLIENT);
    s = editorReducer(s, { type: 'toggle', candidate: walk });
    s = editorReducer(s, { type: 'step', step: 'review' });
    saveEditorState('u1', s, 1_000);
    const back = loadEditorState('u1', PERSON, 2_000);
    expect(back).toMatchObject({ clientId: CLIENT, step: 'review', picked: [{ activityId: A }] });
    expect(loadEditorState('u2', PERSON, 2_000)).toBeNull();
    clearEditorState('u1', PERSON);
    expect(loadEditorState('u1', PERSON, 2_000)).toBeNull();
  });

  it('drops a week-old or damaged draft', () => {
    saveEditorState('u1', newEditorState(PERSON, CLIENT), 0);
    expect(loadEditorState('u1', PERSON, 8 * 24 * 3600_000)).toBeNull();
    expect(localStorage.length).toBe(0);
    localStorage.setItem(`toemsuk.plan.u1.${PERSON}`, '{"v":1,"picked":[{"activityId":1}]}');
    expect(loadEditorState('u1', PERSON)).toBeNull();
    localStorage.setItem(`toemsuk.plan.u1.${PERSON}`, 'not json');
    expect(loadEditorState('u1', PERSON)).toBeNull();
  });
});
