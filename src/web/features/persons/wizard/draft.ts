import type { ConsentValues } from '../validate.ts';
import { emptyValues, type PersonValues } from '../values.ts';

/**
 * The registration in progress, kept in localStorage on every change so a
 * closed tab or a lost signal loses nothing. The `clientId` is made once per
 * registration: resending after a dropped connection returns the stored
 * person instead of a second one. Cleared after the save; a draft left
 * untouched for a week is dropped (it holds personal data on the device).
 */
export interface Draft {
  v: 1;
  clientId: string;
  step: number;
  values: PersonValues;
  consent: ConsentValues;
  /** Set once the person is stored, while the consent is still to be recorded. */
  savedPersonId: string | null;
  savedName: string | null;
  /** When the draft was last written (ms); a draft left for a week is dropped. */
  savedAt?: number;
}

const MAX_AGE_MS = 7 * 24 * 3600_000;

const key = (userId: string) => `toemsuk.registerDraft.${userId}`;

export function newDraft(areaCodes: readonly string[]): Draft {
  return {
    v: 1,
    clientId: crypto.randomUUID(),
    step: 0,
    values: emptyValues(areaCodes),
    consent: { consentGiven: false, consentMethod: null, witnessName: '' },
    savedPersonId: null,
    savedName: null,
  };
}

export function loadDraft(userId: string): Draft | null {
  try {
    const text = localStorage.getItem(key(userId));
    if (!text) return null;
    const draft = JSON.parse(text) as Partial<Draft>;
    if (draft.v !== 1 || typeof draft.clientId !== 'string' || !draft.values || !draft.consent) return null;
    if (!draft.savedPersonId && Date.now() - (draft.savedAt ?? 0) > MAX_AGE_MS) {
      clearDraft(userId);
      return null;
    }
    return {
      ...newDraft([]),
      ...draft,
      values: { ...emptyValues(), ...draft.values },
    } as Draft;
  } catch {
    return null;
  }
}

export function saveDraft(userId: string, draft: Draft): void {
  try {
    localStorage.setItem(key(userId), JSON.stringify({ ...draft, savedAt: Date.now() }));
  } catch {
    // storage full or private mode: the form still works, only without the safety net
  }
}

export function clearDraft(userId: string): void {
  try {
    localStorage.removeItem(key(userId));
  } catch {
    // nothing to clear
  }
}

/** True when the person has typed something worth restoring. */
export function hasContent(draft: Draft): boolean {
  const v = draft.values;
  return Boolean(
    v.nationalId || v.firstName || v.lastName || v.birthYearBE || v.noIdReason || draft.step > 0,
  );
}
