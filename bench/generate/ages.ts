import { intBetween, type Random } from './random.ts';

/**
 * Share of people by 5-year band (0–4, 5–9, … 95–99), after Thailand's 2020s pyramid with a few more
 * elders, as in the rural communities Toemsuk serves: about 15 % under 15 and 24 % aged 60 or over.
 * Households built from it (population.ts) come out near 16 % and 24 %.
 */
export const AGE_BAND_WEIGHTS: readonly number[] = [
  4.5, 5, 5.5, 6, 6, 6, 6.5, 7, 7.5, 7.5, 7.5, 7.5, 7, 6, 4.5, 3, 2, 1, 0.4, 0.1,
];

export const ADULT_AGE = 18;

export const MAX_AGE = AGE_BAND_WEIGHTS.length * 5 - 1;

export function sampleAge(random: Random): number {
  return sampleAgeBetween(random, 0, MAX_AGE);
}

/** Running totals of the per-year weights: CUMULATIVE[a] is the weight of all ages below a. */
const CUMULATIVE: readonly number[] = (() => {
  const totals = [0];
  for (let age = 0; age <= MAX_AGE; age++)
    totals.push((totals[age] ?? 0) + (AGE_BAND_WEIGHTS[Math.floor(age / 5)] ?? 0));
  return totals;
})();

/** An age in [min, max] drawn from the pyramid restricted to that range (a spouse, a child of the head…). */
export function sampleAgeBetween(random: Random, min: number, max: number): number {
  const lo = Math.max(0, Math.ceil(min));
  const hi = Math.min(MAX_AGE, Math.floor(max));
  if (lo > hi) throw new Error(`no age between ${min} and ${max}`);
  const from = CUMULATIVE[lo] ?? 0;
  const target = from + random() * ((CUMULATIVE[hi + 1] ?? 0) - from);
  // The first age whose running total passes the target (binary search, so millions of draws stay cheap).
  let left = lo;
  let right = hi;
  while (left < right) {
    const mid = (left + right) >> 1;
    if ((CUMULATIVE[mid + 1] ?? 0) > target) right = mid;
    else left = mid + 1;
  }
  return left;
}

/** The same pyramid restricted to adults, for the head every household needs. */
export function sampleAdultAge(random: Random): number {
  return sampleAgeBetween(random, ADULT_AGE, MAX_AGE);
}

/** Women outlive men, so the share of women grows with age. */
export function femaleShareAt(age: number): number {
  if (age >= 80) return 0.62;
  if (age >= 60) return 0.55;
  return 0.49;
}

const DAY_MS = 86_400_000;

/** A birth date (ISO, CE) that makes the person exactly `age` years old on `asOf`. */
export function birthDateFor(random: Random, age: number, asOf: string): string {
  const ref = parseIsoDate(asOf);
  // Born after the day `age + 1` years before asOf, and on or before the day `age` years before it.
  const latest = Date.UTC(ref.year - age, ref.month - 1, ref.day);
  const earliest = Date.UTC(ref.year - age - 1, ref.month - 1, ref.day) + DAY_MS;
  const span = Math.round((latest - earliest) / DAY_MS);
  return new Date(earliest + intBetween(random, 0, span) * DAY_MS).toISOString().slice(0, 10);
}

/** Whole years between an ISO birth date and an ISO date. */
export function ageOn(birthDate: string, asOf: string): number {
  const b = parseIsoDate(birthDate);
  const r = parseIsoDate(asOf);
  const hadBirthday = r.month > b.month || (r.month === b.month && r.day >= b.day);
  return r.year - b.year - (hadBirthday ? 0 : 1);
}

function parseIsoDate(iso: string): { year: number; month: number; day: number } {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) throw new Error(`expected an ISO date (YYYY-MM-DD), got "${iso}"`);
  return { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
}
