/**
 * The plan being made from a draft, as a reducer, kept in localStorage on every change so that a
 * reload or a lost signal loses nothing (like a half-done screening). Keyed by user and person. The
 * `clientId` is made once per half-made plan: saving again after a dropped connection answers with
 * the plan already stored, never a second one. Cleared once saved; dropped after a week (it holds
 * personal data on the device); logging out removes it (every `toemsuk.*` key goes).
 */
import type { PlanCreate } from '../../../core/schemas/plan.ts';
import {
  type ActivityMode,
  activityModes,
  type PlanDimension,
  type PlanResponsible,
  planDimensions,
  planResponsibles,
} from '../../../core/schemas/plan.ts';
import { type BuddhistDate, NO_DATE, parseBuddhistDate } from '../../components/buddhistDate.ts';

/** How one ticked activity is to be done. */
export interface PickedActivity {
  activityId: string;
  dimension: PlanDimension;
  title: string;
  addresses: string[];
  responsible: PlanResponsible;
  organizationId: string | null;
  /** The chosen organisation's name, to show it again after a reload without a search. */
  organizationName: string | null;
  responsibleName: string;
  mode: ActivityMode | '';
  goal: string;
  /** The group activity it joins (only when done as a group); its name, to show without a look-up. */
  activityGroupId: string | null;
  activityGroupName: string | null;
}

export type Step = 'pick' | 'review';

export interface PlanEditorState {
  v: 1;
  personId: string;
  clientId: string;
  step: Step;
  /** Ticked activities in the order they were ticked. */
  picked: PickedActivity[];
  /** Activities added from the library (not among the draft's candidates), shown with the candidates. */
  extras: { activityId: string; dimension: PlanDimension; title: string; addresses: string[] }[];
  targets: Partial<Record<PlanDimension, 'green' | 'yellow'>>;
  personal: string;
  startsOn: BuddhistDate;
  endsOn: BuddhistDate;
  /** When the draft was last written (ms). */
  savedAt?: number;
}

export interface Candidate {
  activityId: string;
  dimension: PlanDimension;
  title: string;
  addresses: string[];
}

export type EditorAction =
  | { type: 'toggle'; candidate: Candidate }
  | { type: 'addExtra'; candidate: Candidate }
  | { type: 'update'; activityId: string; changes: Partial<Omit<PickedActivity, 'activityId'>> }
  | { type: 'target'; dimension: PlanDimension; level: 'green' | 'yellow' | null }
  | { type: 'personal'; text: string }
  | { type: 'dates'; startsOn?: BuddhistDate; endsOn?: BuddhistDate }
  | { type: 'step'; step: Step }
  | { type: 'reset' };

export function newEditorState(personId: string, clientId: string = crypto.randomUUID()): PlanEditorState {
  return {
    v: 1,
    personId,
    clientId,
    step: 'pick',
    picked: [],
    extras: [],
    targets: {},
    personal: '',
    startsOn: NO_DATE,
    endsOn: NO_DATE,
  };
}

function pickedFrom(c: Candidate): PickedActivity {
  return {
    activityId: c.activityId,
    dimension: c.dimension,
    title: c.title,
    addresses: c.addresses,
    responsible: 'self',
    organizationId: null,
    organizationName: null,
    responsibleName: '',
    mode: '',
    goal: '',
    activityGroupId: null,
    activityGroupName: null,
  };
}

export function editorReducer(state: PlanEditorState, action: EditorAction): PlanEditorState {
  switch (action.type) {
    case 'toggle': {
      const on = state.picked.some((p) => p.activityId === action.candidate.activityId);
      return {
        ...state,
        picked: on
          ? state.picked.filter((p) => p.activityId !== action.candidate.activityId)
          : [...state.picked, pickedFrom(action.candidate)],
      };
    }
    case 'addExtra': {
      const c = action.candidate;
      const extras = state.extras.some((e) => e.activityId === c.activityId)
        ? state.extras
        : [...state.extras, c];
      const picked = state.picked.some((p) => p.activityId === c.activityId)
        ? state.picked
        : [...state.picked, pickedFrom(c)];
      return { ...state, extras, picked };
    }
    case 'update':
      return {
        ...state,
        picked: state.picked.map((p) => {
          if (p.activityId !== action.activityId) return p;
          const next = { ...p, ...action.changes };
          // Only an organisation carries an organisation.
          if (next.responsible !== 'organization') {
            next.organizationId = null;
            next.organizationName = null;
          }
          // Only an activity done as a group joins a group.
          if (action.changes.mode !== undefined && next.mode !== 'group') {
            next.activityGroupId = null;
            next.activityGroupName = null;
          }
          return next;
        }),
      };
    case 'target': {
      const targets = { ...state.targets };
      if (action.level) targets[action.dimension] = action.level;
      else delete targets[action.dimension];
      return { ...state, targets };
    }
    case 'personal':
      return { ...state, personal: action.text };
    case 'dates':
      return {
        ...state,
        startsOn: action.startsOn ?? state.startsOn,
        endsOn: action.endsOn ?? state.endsOn,
      };
    case 'step':
      return { ...state, step: action.step };
    case 'reset':
      return newEditorState(state.personId);
  }
}

export type BodyProblem =
  | { path: 'activities'; problem: 'none' }
  | { path: `activities.${string}.organizationId`; problem: 'organization' }
  | { path: 'startsOn' | 'endsOn'; problem: 'incomplete' | 'invalid' | 'order' };

/** The request to save, or what stops it (keyed like the server's field paths, by activity id). */
export function toPlanCreate(
  state: PlanEditorState,
  screeningId: string | null | undefined,
): { ok: true; body: PlanCreate } | { ok: false; problems: BodyProblem[] } {
  const problems: BodyProblem[] = [];
  if (state.picked.length === 0) problems.push({ path: 'activities', problem: 'none' });
  for (const p of state.picked) {
    if (p.responsible === 'organization' && !p.organizationId) {
      problems.push({ path: `activities.${p.activityId}.organizationId`, problem: 'organization' });
    }
  }
  const starts = parseBuddhistDate(state.startsOn);
  const ends = parseBuddhistDate(state.endsOn);
  if (!starts.ok) problems.push({ path: 'startsOn', problem: starts.problem });
  if (!ends.ok) problems.push({ path: 'endsOn', problem: ends.problem });
  if (starts.ok && ends.ok && starts.iso && ends.iso && ends.iso < starts.iso) {
    problems.push({ path: 'endsOn', problem: 'order' });
  }
  if (problems.length > 0 || !starts.ok || !ends.ok) return { ok: false, problems };

  const personal = state.personal.trim();
  const targets = planDimensions.filter((d) => state.targets[d]);
  const goals: PlanCreate['goals'] =
    personal || targets.length > 0
      ? {
          ...(targets.length > 0 ? { targets: state.targets } : {}),
          ...(personal ? { personal } : {}),
        }
      : undefined;

  const body: PlanCreate = {
    activities: state.picked.map((p) => {
      const name = p.responsibleName.trim();
      const goal = p.goal.trim();
      return {
        activityId: p.activityId,
        responsible: p.responsible,
        ...(p.responsible === 'organization' && p.organizationId ? { organizationId: p.organizationId } : {}),
        ...((p.responsible === 'family' || p.responsible === 'volunteer') && name
          ? { responsibleName: name }
          : {}),
        ...(p.mode ? { mode: p.mode } : {}),
        ...(goal ? { goal } : {}),
        ...(p.mode === 'group' && p.activityGroupId ? { activityGroupId: p.activityGroupId } : {}),
      };
    }),
    ...(goals ? { goals } : {}),
    ...(starts.iso ? { startsOn: starts.iso } : {}),
    ...(ends.iso ? { endsOn: ends.iso } : {}),
    ...(screeningId ? { screeningId } : {}),
    clientId: state.clientId,
  };
  return { ok: true, body };
}

/** Anything worth keeping (and asking about) on the next visit. */
export function hasWork(state: PlanEditorState): boolean {
  return state.picked.length > 0 || state.personal.trim() !== '' || Object.keys(state.targets).length > 0;
}

const MAX_AGE_MS = 7 * 24 * 3600_000;
const key = (userId: string, personId: string) => `toemsuk.plan.${userId}.${personId}`;

const isDate = (d: unknown): d is BuddhistDate =>
  typeof d === 'object' &&
  d !== null &&
  ['day', 'month', 'yearBE'].every((k) => typeof (d as Record<string, unknown>)[k] === 'string');

function isPicked(p: unknown): p is PickedActivity {
  if (typeof p !== 'object' || p === null) return false;
  const x = p as Record<string, unknown>;
  return (
    typeof x.activityId === 'string' &&
    typeof x.title === 'string' &&
    planDimensions.includes(x.dimension as PlanDimension) &&
    planResponsibles.includes(x.responsible as PlanResponsible) &&
    (x.mode === '' || activityModes.includes(x.mode as ActivityMode)) &&
    Array.isArray(x.addresses)
  );
}

/** The stored half-made plan, or null when there is none, it is damaged or it is too old. */
export function loadEditorState(userId: string, personId: string, now = Date.now()): PlanEditorState | null {
  try {
    const text = localStorage.getItem(key(userId, personId));
    if (!text) return null;
    const s = JSON.parse(text) as Partial<PlanEditorState>;
    const valid =
      s.v === 1 &&
      s.personId === personId &&
      typeof s.clientId === 'string' &&
      Array.isArray(s.picked) &&
      s.picked.every(isPicked) &&
      Array.isArray(s.extras) &&
      isDate(s.startsOn) &&
      isDate(s.endsOn);
    if (!valid) return null;
    if (now - (s.savedAt ?? 0) > MAX_AGE_MS) {
      clearEditorState(userId, personId);
      return null;
    }
    return {
      ...newEditorState(personId, s.clientId),
      ...s,
      // Drafts kept before groups could be chosen have no group: none.
      picked: (s.picked ?? []).map((p) => ({
        ...p,
        activityGroupId: typeof p.activityGroupId === 'string' ? p.activityGroupId : null,
        activityGroupName: typeof p.activityGroupName === 'string' ? p.activityGroupName : null,
      })),
      step: s.step === 'review' ? 'review' : 'pick',
      targets: typeof s.targets === 'object' && s.targets !== null ? s.targets : {},
      personal: typeof s.personal === 'string' ? s.personal : '',
    } as PlanEditorState;
  } catch {
    return null;
  }
}

export function saveEditorState(userId: string, state: PlanEditorState, now = Date.now()): void {
  try {
    localStorage.setItem(key(userId, state.personId), JSON.stringify({ ...state, savedAt: now }));
  } catch {
    // storage full or private mode: the editor still works, only without the safety net
  }
}

export function clearEditorState(userId: string, personId: string): void {
  try {
    localStorage.removeItem(key(userId, personId));
  } catch {
    // nothing to clear
  }
}
