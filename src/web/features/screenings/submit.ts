/**
 * Sending a finished screening: each part in turn, each with its own
 * `clientId`, so a resend after a lost connection returns what the server
 * already stored instead of a second screening. Parts already stored are
 * skipped.
 */

import { getInstrument } from '../../../core/instruments/index.ts';
import { citizenOnly } from '../../../core/policy/actor.ts';
import type { Role } from '../../../core/schemas/index.ts';
import { ApiError } from '../../app/api.ts';
import { createScreening } from './api.ts';
import type { DraftPart, ScreeningDraft } from './draft.ts';
import { answersToSend } from './instruments.ts';
import type { Screening, ScreeningMethod } from './types.ts';

/** Who is asking: the person themself, a volunteer or carer, or staff. */
export function methodOf(roles: readonly Role[]): ScreeningMethod {
  if (roles.includes('volunteer') || roles.includes('caregiver')) return 'volunteer';
  if (citizenOnly(roles)) return 'self';
  return 'staff';
}

/** A failure worth sending again unchanged: no connection, the server busy or broken. */
export function isRetryable(error: unknown): boolean {
  return error instanceof ApiError && (error.isNetwork || error.status === 429 || error.status >= 500);
}

export interface SendCallbacks {
  /** A part is stored: keep its id in the draft at once. */
  onPartSaved: (index: number, screening: Screening) => void;
  /** Which part the failure belongs to. */
  onPartFailed: (index: number) => void;
}

export async function sendDraft(
  draft: ScreeningDraft & { takenAt: string },
  method: ScreeningMethod,
  callbacks: SendCallbacks,
): Promise<{ ids: string[]; saved: Screening[] }> {
  const ids: string[] = [];
  const saved: Screening[] = [];
  for (const [index, part] of draft.parts.entries()) {
    if (part.savedId) {
      ids.push(part.savedId);
      continue;
    }
    try {
      const screening = await createScreening(draft.personId, bodyOf(part, draft.takenAt, method));
      callbacks.onPartSaved(index, screening);
      ids.push(screening.id);
      saved.push(screening);
    } catch (error) {
      callbacks.onPartFailed(index);
      throw error;
    }
  }
  return { ids, saved };
}

function bodyOf(part: DraftPart, takenAt: string, method: ScreeningMethod) {
  const definition = getInstrument(part.instrument, part.version);
  return {
    instrument: part.instrument,
    version: part.version,
    answers: definition ? answersToSend(definition, part.answers) : part.answers,
    takenAt,
    clientId: part.clientId,
    method,
  };
}

/** Server problems on answers (`answers.H3`) by item code. */
export function answerErrors(error: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (!(error instanceof ApiError)) return out;
  for (const e of error.errors) {
    const match = /^answers\.(.+)$/.exec(e.path);
    if (match?.[1]) out[match[1]] ??= e.message;
  }
  return out;
}
