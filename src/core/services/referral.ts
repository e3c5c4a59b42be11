/**
 * The rules of a referral (ส่งต่อ, issue 8 item 4): which status may follow which, what each move needs,
 * when a referral is due and when it is overdue. Pure: the server enforces them, the web shows them.
 */
import type { ReferralStatus, ReferralUrgency } from '../schemas/referral.ts';

/**
 * How long the receiving team has, from the moment a referral is sent, by urgency: an emergency the same
 * shift (4 hours), an urgent case within a day, a routine one within a week. One number each, here only.
 */
export const DUE_HOURS: Readonly<Record<ReferralUrgency, number>> = {
  emergency: 4,
  urgent: 24,
  routine: 7 * 24,
};

/** The order of the receiving team's queue: the most urgent first. */
export const URGENCY_RANK: Readonly<Record<ReferralUrgency, number>> = {
  emergency: 0,
  urgent: 1,
  routine: 2,
};

/** Statuses the referral can still move from; the rest are final. */
export const OPEN_STATUSES: readonly ReferralStatus[] = ['sent', 'accepted', 'in_progress'];
export const CLOSED_STATUSES: readonly ReferralStatus[] = ['declined', 'completed', 'withdrawn'];

/**
 * The legal moves: sent → accepted | declined | withdrawn; accepted → in_progress | completed | withdrawn;
 * in_progress → completed | withdrawn. A closed referral never moves again (send a new one instead).
 */
export const REFERRAL_TRANSITIONS: Readonly<Record<ReferralStatus, readonly ReferralStatus[]>> = {
  sent: ['accepted', 'declined', 'withdrawn'],
  accepted: ['in_progress', 'completed', 'withdrawn'],
  in_progress: ['completed', 'withdrawn'],
  declined: [],
  completed: [],
  withdrawn: [],
};

/**
 * Who may make a move, in the policy's words: the receiving team responds (`referral.respond`), the
 * sender or the area's admins withdraw (`referral.withdraw`).
 */
export function authorityFor(to: ReferralStatus): 'referral.respond' | 'referral.withdraw' {
  return to === 'withdrawn' ? 'referral.withdraw' : 'referral.respond';
}

/** A move that needs a note: a decline says why (the sender has to find another way). */
export const NOTE_REQUIRED: readonly ReferralStatus[] = ['declined'];

export type TransitionCheck =
  | { ok: true }
  | { ok: false; problem: 'referral_transition_illegal' | 'referral_note_required' };

export function checkTransition(
  from: ReferralStatus,
  to: ReferralStatus,
  note?: string | null,
): TransitionCheck {
  if (!REFERRAL_TRANSITIONS[from].includes(to)) return { ok: false, problem: 'referral_transition_illegal' };
  if (NOTE_REQUIRED.includes(to) && !note?.trim()) return { ok: false, problem: 'referral_note_required' };
  return { ok: true };
}

export const isClosed = (status: ReferralStatus): boolean => CLOSED_STATUSES.includes(status);

/** When a referral sent at `sentAt` with `urgency` is due (ISO, UTC). */
export function dueAtFor(sentAt: Date | string, urgency: ReferralUrgency): string {
  const start = typeof sentAt === 'string' ? Date.parse(sentAt) : sentAt.getTime();
  return new Date(start + DUE_HOURS[urgency] * 3_600_000).toISOString();
}

/** Overdue: still open and past its due time. A closed referral is never overdue, however late it was. */
export function isOverdue(referral: { status: ReferralStatus; dueAt: string }, now: Date): boolean {
  return !isClosed(referral.status) && Date.parse(referral.dueAt) < now.getTime();
}

/**
 * The moves an actor may offer from `status`, given what the policy allows them on this referral: the
 * web shows these as buttons; the server checks the same two things again.
 */
export function availableTransitions(
  status: ReferralStatus,
  may: { respond: boolean; withdraw: boolean },
): ReferralStatus[] {
  return REFERRAL_TRANSITIONS[status].filter((to) =>
    authorityFor(to) === 'referral.withdraw' ? may.withdraw : may.respond,
  );
}
