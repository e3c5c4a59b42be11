/**
 * The life of a visit or appointment (issue 8, item 2): scheduled, then done or missed (recorded), or
 * cancelled. Once it leaves `scheduled` it is closed for good: a second record, a cancel after the fact
 * or a reschedule of a closed visit breaks a rule (422), whichever way it is asked.
 */
import type { VisitRecordInput, VisitStatus } from '../schemas/visit.ts';

/** The moves a visit can make: only a scheduled visit moves, and only to a closed state. */
const MOVES: Readonly<Record<VisitStatus, readonly VisitStatus[]>> = {
  scheduled: ['done', 'missed', 'cancelled'],
  done: [],
  missed: [],
  cancelled: [],
};

export type VisitProblem = 'visit_already_recorded' | 'visit_already_cancelled' | 'visit_transition';

/** Why a visit may not go from `from` to `to`, or null when it may. */
export function transitionProblem(from: VisitStatus, to: VisitStatus): VisitProblem | null {
  if (MOVES[from].includes(to)) return null;
  return closedProblem(from) ?? 'visit_transition';
}

/** Why a visit can no longer be moved in time or given other people (null: it still can). */
export function changeProblem(status: VisitStatus): VisitProblem | null {
  return closedProblem(status);
}

function closedProblem(status: VisitStatus): VisitProblem | null {
  if (status === 'done' || status === 'missed') return 'visit_already_recorded';
  if (status === 'cancelled') return 'visit_already_cancelled';
  return null;
}

/** Phones' clocks drift: a visit "done" up to this far ahead of the server's clock is taken as now. */
const CLOCK_SKEW_MS = 5 * 60_000;

export interface RecordProblem {
  path: string;
  problem: 'visit_done_future' | 'visit_missed_details';
}

/**
 * What a visit record may not say, beyond its shape: it cannot have happened in the future, and a
 * missed visit (nobody met) has no vital signs or attendees' work to record.
 */
export function recordProblems(input: VisitRecordInput, now: Date): RecordProblem[] {
  const out: RecordProblem[] = [];
  if (input.doneAt && Date.parse(input.doneAt) > now.getTime() + CLOCK_SKEW_MS) {
    out.push({ path: 'doneAt', problem: 'visit_done_future' });
  }
  if (input.status === 'missed' && input.vitals && Object.keys(input.vitals).length > 0) {
    out.push({ path: 'vitals', problem: 'visit_missed_details' });
  }
  return out;
}

/**
 * Whether an account's areas put it near a person of this subdistrict: an area covering the subdistrict
 * (the district, the province) or inside it (one of its villages). Who may be sent on a visit is such
 * an account or a member of the organisation running it.
 */
export function worksNear(areaCodes: readonly string[], subdistrict: string): boolean {
  return areaCodes.some((code) => subdistrict.startsWith(code) || code.startsWith(subdistrict));
}
