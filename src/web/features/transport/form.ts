import { pickupInPast } from '../../../core/services/transport.ts';
import { type BuddhistDate, parseBuddhistDate } from '../../components/buddhistDate.ts';

export type PickupProblem = 'incomplete' | 'invalid' | 'past';

/**
 * The pick-up instant from the form: a Buddhist-era date and a `HH:MM` clock time, both in Thai time
 * (UTC+7), as ISO UTC; or what is wrong with them (the core rule judges "in the past").
 */
export function pickupInstant(
  date: BuddhistDate,
  time: string,
  now: Date,
): { ok: true; iso: string } | { ok: false; problem: PickupProblem } {
  const day = parseBuddhistDate(date);
  if (!day.ok) return { ok: false, problem: day.problem };
  if (!day.iso || !/^\d{2}:\d{2}$/.test(time)) return { ok: false, problem: 'incomplete' };
  const at = new Date(`${day.iso}T${time}:00+07:00`);
  if (Number.isNaN(at.getTime())) return { ok: false, problem: 'invalid' };
  if (pickupInPast(at, now)) return { ok: false, problem: 'past' };
  return { ok: true, iso: at.toISOString() };
}
