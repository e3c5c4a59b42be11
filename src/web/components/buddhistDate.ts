import { parseBuddhistYear, toBuddhistYear } from '../../core/thai/buddhistEra.ts';

/** A date typed as Thai people write it: day, month, Buddhist-era year (all empty = no date). */
export interface BuddhistDate {
  day: string;
  month: string;
  yearBE: string;
}

export const NO_DATE: BuddhistDate = { day: '', month: '', yearBE: '' };

export type DateParse = { ok: true; iso: string | null } | { ok: false; problem: 'incomplete' | 'invalid' };

/** Empty → no date; complete and real → ISO (CE); otherwise says what is wrong. */
export function parseBuddhistDate(v: BuddhistDate): DateParse {
  const filled = [v.day, v.month, v.yearBE].filter((x) => x.trim() !== '').length;
  if (filled === 0) return { ok: true, iso: null };
  if (filled < 3) return { ok: false, problem: 'incomplete' };
  const year = parseBuddhistYear(v.yearBE);
  const month = Number(arabic(v.month));
  const day = Number(arabic(v.day));
  if (year === null || !Number.isInteger(day) || day < 1 || month < 1 || month > 12) {
    return { ok: false, problem: 'invalid' };
  }
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return { ok: false, problem: 'invalid' };
  return { ok: true, iso: date.toISOString().slice(0, 10) };
}

/** Thai digits (๐–๙) as typed on a Thai keyboard → 0–9. */
const arabic = (text: string) => text.trim().replace(/[๐-๙]/g, (d) => String(d.charCodeAt(0) - 0x0e50));

/** ISO (CE) → the three fields. */
export function toBuddhistDate(iso: string | null): BuddhistDate {
  if (!iso) return NO_DATE;
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return { day: String(d), month: String(m), yearBE: String(toBuddhistYear(y)) };
}
