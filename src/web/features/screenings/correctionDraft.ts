/**
 * A correction in progress, kept on the device like a screening draft (see
 * `draft.ts`): a reload or a lost signal loses neither the changed answers
 * nor the reason, and the `clientId` made once makes a resend safe (the
 * server answers with the revision it already stored). It only resumes on
 * the revision it started from: if someone corrected the screening since,
 * the correction starts again from theirs. Logging out removes it.
 */
import type { DraftAnswers } from './instruments.ts';

export interface CorrectionDraft {
  v: 1;
  screeningId: string;
  /** The revision the correction started from. */
  baseRevision: number;
  answers: DraftAnswers;
  reason: string;
  clientId: string;
  /** `instrument:itemCode` of the question shown, or `review`. */
  position: string;
  savedAt?: number;
}

const MAX_AGE_MS = 7 * 24 * 3600_000;
const key = (userId: string, screeningId: string) => `toemsuk.correction.${userId}.${screeningId}`;

export function newCorrection(
  screeningId: string,
  baseRevision: number,
  answers: DraftAnswers,
): CorrectionDraft {
  return {
    v: 1,
    screeningId,
    baseRevision,
    answers: { ...answers },
    reason: '',
    clientId: crypto.randomUUID(),
    position: 'review',
  };
}

export function loadCorrection(
  userId: string,
  screeningId: string,
  baseRevision: number,
): CorrectionDraft | null {
  try {
    const text = localStorage.getItem(key(userId, screeningId));
    if (!text) return null;
    const d = JSON.parse(text) as Partial<CorrectionDraft>;
    const valid =
      d.v === 1 &&
      d.screeningId === screeningId &&
      typeof d.clientId === 'string' &&
      typeof d.answers === 'object' &&
      d.answers !== null &&
      typeof d.reason === 'string' &&
      typeof d.position === 'string';
    if (!valid || d.baseRevision !== baseRevision || Date.now() - (d.savedAt ?? 0) > MAX_AGE_MS) {
      clearCorrection(userId, screeningId);
      return null;
    }
    return d as CorrectionDraft;
  } catch {
    return null;
  }
}

export function saveCorrection(userId: string, draft: CorrectionDraft): void {
  try {
    localStorage.setItem(key(userId, draft.screeningId), JSON.stringify({ ...draft, savedAt: Date.now() }));
  } catch {
    // storage full or private mode: the correction still works, only without the safety net
  }
}

export function clearCorrection(userId: string, screeningId: string): void {
  try {
    localStorage.removeItem(key(userId, screeningId));
  } catch {
    // nothing to clear
  }
}
