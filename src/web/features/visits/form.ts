/**
 * The schedule form's values → the API body, the date typed in the Buddhist era. (The page then checks
 * the body with the server's own schema, `visitCreate`.)
 */
import type { TFunction } from 'i18next';
import type { VisitCreate, VisitKind } from '../../../core/schemas/visit.ts';
import { type BuddhistDate, parseBuddhistDate } from '../../components/buddhistDate.ts';
import { thaiInstant } from './dates.ts';

export interface ScheduleValues {
  kind: VisitKind;
  date: BuddhistDate;
  /** `HH:mm`, Thai time. */
  time: string;
  durationMinutes: string;
  organizationId: string | null;
  assigneeIds: string[];
  planActivityId: string;
  purpose: string;
}

/** The fields a server error can be shown next to. */
export const SCHEDULE_FIELDS = [
  'kind',
  'startsAt',
  'durationMinutes',
  'organizationId',
  'assigneeIds',
  'planActivityId',
  'purpose',
] as const;

export const DURATIONS = [15, 30, 45, 60, 90, 120, 180, 240] as const;

export type ScheduleCheck = { ok: true; body: VisitCreate } | { ok: false; errors: Record<string, string> };

export function scheduleBody(v: ScheduleValues, clientId: string, t: TFunction): ScheduleCheck {
  const date = parseBuddhistDate(v.date);
  const errors: Record<string, string> = {};
  if (!date.ok) {
    errors.startsAt =
      date.problem === 'incomplete' ? t('visits.form.dateIncomplete') : t('visits.form.dateInvalid');
  } else if (!date.iso) errors.startsAt = t('visits.form.dateIncomplete');
  if (!/^\d{2}:\d{2}$/.test(v.time)) errors.time = t('visits.form.timeRequired');
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  const body: VisitCreate = {
    kind: v.kind,
    startsAt: thaiInstant(date.ok && date.iso ? date.iso : '', v.time),
    durationMinutes: Number(v.durationMinutes),
    ...(v.organizationId ? { organizationId: v.organizationId } : {}),
    assigneeIds: v.assigneeIds,
    ...(v.planActivityId ? { planActivityId: v.planActivityId } : {}),
    ...(v.purpose.trim() ? { purpose: v.purpose.trim() } : {}),
    clientId,
  };
  return { ok: true, body };
}
