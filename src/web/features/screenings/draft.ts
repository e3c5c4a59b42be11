/**
 * A screening in progress, kept in localStorage on every answer so that a
 * reload, a closed tab or a lost signal loses nothing. Keyed by user, person
 * and instrument. Each part (the well-being screening, then the needs
 * survey) has its own `clientId`, made once: resending after a dropped
 * connection returns the stored screening, never a second one. Cleared after
 * the server has stored every part; a draft left for a week is dropped (it
 * holds personal data on the device), and logging out removes it.
 */
import { getInstrument } from '../../../core/instruments/index.ts';
import { type DraftAnswers, flowOf } from './instruments.ts';

export interface DraftPart {
  instrument: string;
  /** The version the questions were asked from: it is sent, and scores the answers. */
  version: number;
  clientId: string;
  answers: DraftAnswers;
  /** Set when the server has stored this part. */
  savedId?: string;
}

export interface ScreeningDraft {
  v: 1;
  personId: string;
  /** The instrument the visit started with (the URL's). */
  flow: string;
  parts: DraftPart[];
  /** `instrument:itemCode` of the screen shown, or `review`. */
  position: string;
  /** Fixed at the first attempt to send, so every resend is the same request. */
  takenAt: string | null;
  /** When the draft was last written (ms). */
  savedAt?: number;
}

export const REVIEW = 'review';
const MAX_AGE_MS = 7 * 24 * 3600_000;

const key = (userId: string, personId: string, flow: string) =>
  `toemsuk.screening.${userId}.${personId}.${flow}`;

/** Null when the instrument is unknown. */
export function newDraft(personId: string, flow: string): ScreeningDraft | null {
  const parts: DraftPart[] = [];
  for (const code of flowOf(flow)) {
    const definition = getInstrument(code);
    if (!definition) return null;
    parts.push({ instrument: code, version: definition.version, clientId: crypto.randomUUID(), answers: {} });
  }
  const first = getInstrument(flow)?.items[0];
  return { v: 1, personId, flow, parts, position: `${flow}:${first?.code ?? ''}`, takenAt: null };
}

export function loadDraft(userId: string, personId: string, flow: string): ScreeningDraft | null {
  try {
    const text = localStorage.getItem(key(userId, personId, flow));
    if (!text) return null;
    const draft = JSON.parse(text) as Partial<ScreeningDraft>;
    const valid =
      draft.v === 1 &&
      draft.personId === personId &&
      draft.flow === flow &&
      Array.isArray(draft.parts) &&
      draft.parts.every(
        (p) =>
          typeof p?.clientId === 'string' &&
          typeof p.answers === 'object' &&
          p.answers !== null &&
          getInstrument(p.instrument, p.version) !== undefined,
      );
    if (!valid) return null;
    if (Date.now() - (draft.savedAt ?? 0) > MAX_AGE_MS) {
      clearDraft(userId, personId, flow);
      return null;
    }
    return {
      v: 1,
      personId,
      flow,
      parts: draft.parts as DraftPart[],
      position: typeof draft.position === 'string' ? draft.position : REVIEW,
      takenAt: typeof draft.takenAt === 'string' ? draft.takenAt : null,
      savedAt: draft.savedAt,
    };
  } catch {
    return null;
  }
}

export function saveDraft(userId: string, draft: ScreeningDraft): void {
  try {
    localStorage.setItem(
      key(userId, draft.personId, draft.flow),
      JSON.stringify({ ...draft, savedAt: Date.now() }),
    );
  } catch {
    // storage full or private mode: the screening still works, only without the safety net
  }
}

export function clearDraft(userId: string, personId: string, flow: string): void {
  try {
    localStorage.removeItem(key(userId, personId, flow));
  } catch {
    // nothing to clear
  }
}

/** How many questions have an answer, over all parts. */
export function answeredCount(draft: ScreeningDraft): number {
  return draft.parts.reduce((n, p) => n + Object.keys(p.answers).length, 0);
}

/** Drafts of this user for this person, for "continue where you left off" on the profile. */
export function draftsFor(userId: string, personId: string): ScreeningDraft[] {
  const prefix = `toemsuk.screening.${userId}.${personId}.`;
  const found: ScreeningDraft[] = [];
  try {
    for (let i = 0; i < localStorage.length; i += 1) {
      const k = localStorage.key(i);
      if (!k?.startsWith(prefix)) continue;
      const draft = loadDraft(userId, personId, k.slice(prefix.length));
      if (draft && answeredCount(draft) > 0) found.push(draft);
    }
  } catch {
    // no storage: no drafts
  }
  return found;
}
