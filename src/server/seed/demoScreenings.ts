/**
 * A year of monthly well-being screenings (`wellbeing20`) for the demo people aged 40 and over, so that the
 * timelines, the due list and the "got worse" list have something to show: most people stay about where they
 * are, some improve, some get worse, and a few raise red flags (H3, E5, S2 or V1 answered 2). Answers are
 * drawn from a seeded PRNG, so every demo installation holds the same history for a given "today"; every row
 * is checked and scored by the screening service's `prepare` (the core engine), never scored here.
 *
 * No alerts are raised for this history: it is the past, and a fresh demo inbox full of year-old alerts would
 * bury the ones a demo user raises. Call inside the demo seed's transaction, after the people.
 */
import { createHash } from 'node:crypto';
import { asc, lte } from 'drizzle-orm';
import { chance, mulberry32, pick, type Random, seedFor } from '../../../bench/generate/random.ts';
import { bangkokDate, bangkokMonth, monthStart, shiftMonth } from '../../core/screenings/month.ts';
import type { Db } from '../db/client.ts';
import { persons, screenings } from '../db/schema.ts';
import type { ScreeningContext } from '../modules/screenings/context.ts';
import type { ScreeningInsert } from '../modules/screenings/repo.ts';
import { prepare } from '../modules/screenings/service.ts';

export const DEMO_SCREENINGS_SEED = 2026;
export const DEMO_SCREENING_MONTHS = 12;
/** Screened people: those aged 40+ on "today", at most this many (the first by id). */
export const DEMO_SCREENED_MAX = 320;
const MIN_AGE = 40;
const CHUNK = 300;

const ITEMS = [
  ['H1', 'H2', 'H3', 'H4', 'H5'],
  ['E1', 'E2', 'E3', 'E4', 'E5'],
  ['S1', 'S2', 'S3', 'S4', 'S5'],
  ['V1', 'V2', 'V3', 'V4', 'V5'],
].flat();
/** Answering 2 to these raises a red flag; ordinary people rarely do. */
const RED_FLAG_ITEMS = new Set(['H3', 'E5', 'S2', 'V1']);

export type Trend = 'stable' | 'improving' | 'worsening';

export interface DemoScreeningRefs {
  /** demo.volunteer's user id: every demo screening was taken by them. */
  volunteerId: string | null;
  /** "Today": the last screening month is this instant's Bangkok month. */
  today: Date;
}

export interface DemoScreeningCounts {
  people: number;
  screenings: number;
}

/** A stable UUID (v5 layout) for a name, so that the same demo screening always has the same client id. */
export function demoUuid(name: string): string {
  const h = createHash('sha1').update(`toemsuk-demo:${name}`).digest();
  h[6] = (h[6]! & 0x0f) | 0x50;
  h[8] = (h[8]! & 0x3f) | 0x80;
  const x = h.subarray(0, 16).toString('hex');
  return `${x.slice(0, 8)}-${x.slice(8, 12)}-${x.slice(12, 16)}-${x.slice(16, 20)}-${x.slice(20)}`;
}

const clamp = (n: number) => Math.max(0, Math.min(2, n));

/** One answer per item for a person's baseline: most items fine, a few at risk, the odd problem. */
function baseline(random: Random, burden: number): number[] {
  return ITEMS.map((code) => {
    const r = random();
    const problem = RED_FLAG_ITEMS.has(code) ? burden * 0.01 : burden * 0.12;
    if (r < problem) return 2;
    if (r < problem + 0.1 + burden * 0.3) return 1;
    return 0;
  });
}

/**
 * Twelve months of answers, oldest first. Stable people wobble one item now and then and come back; improving
 * people lose a problem every couple of months; worsening people gain one, and about a third of them end on a
 * red-flag item.
 */
export function demoAnswerSeries(
  key: string,
  months = DEMO_SCREENING_MONTHS,
): { trend: Trend; series: number[][] } {
  const random = mulberry32(seedFor(`${DEMO_SCREENINGS_SEED}:${key}`));
  const r = random();
  const trend: Trend = r < 0.16 ? 'improving' : r < 0.32 ? 'worsening' : 'stable';
  const burden = trend === 'improving' ? 0.6 + random() * 0.4 : random() * 0.6;
  let current = baseline(random, burden);
  if (trend === 'improving' && !current.some((v) => v > 0)) current[0] = 2;
  const redFlagAt = trend === 'worsening' && chance(random, 0.35) ? pick(random, [...RED_FLAG_ITEMS]) : null;
  // A rare stable person carries a standing red flag (hunger, an unsafe home) the whole year.
  if (trend === 'stable' && chance(random, 0.03)) current[ITEMS.indexOf(pick(random, ['E5', 'V1']))] = 2;

  const series: number[][] = [];
  for (let m = 0; m < months; m++) {
    if (m > 0) {
      current = [...current];
      if (trend === 'improving' && chance(random, 0.55)) {
        const worst = current.map((v, i) => [v, i] as const).filter(([v]) => v > 0);
        if (worst.length > 0) {
          const [, i] = pick(random, worst);
          current[i] = clamp(current[i]! - 1);
        }
      } else if (trend === 'worsening' && chance(random, 0.55)) {
        const i = Math.floor(random() * ITEMS.length);
        if (!RED_FLAG_ITEMS.has(ITEMS[i]!)) current[i] = clamp(current[i]! + 1);
      }
      if (redFlagAt && m >= months - 3) current[ITEMS.indexOf(redFlagAt)] = 2;
    }
    const shown = [...current];
    // Everyone has an odd month: one item a notch off, just for this visit.
    if (chance(random, 0.15)) {
      const i = Math.floor(random() * ITEMS.length);
      if (!RED_FLAG_ITEMS.has(ITEMS[i]!)) shown[i] = clamp(shown[i]! + (chance(random, 0.5) ? 1 : -1));
    }
    series.push(shown);
  }
  return { trend, series };
}

/** When in a Thai month the volunteer called: a working-hours instant, never after "today". */
function visitTime(random: Random, month: string, today: Date): string {
  const day = 1 + Math.floor(random() * 26);
  const minutes = (8 + Math.floor(random() * 9)) * 60 + Math.floor(random() * 60);
  const at = Date.parse(monthStart(month)) + (day - 1) * 86_400_000 + minutes * 60_000;
  return new Date(Math.min(at, today.getTime())).toISOString();
}

/** Inserts the year of screenings in a few multi-row statements; does nothing if there are screenings already. */
export async function seedDemoScreenings(db: Db, refs: DemoScreeningRefs): Promise<DemoScreeningCounts> {
  const [any] = await db.select({ id: screenings.id }).from(screenings).limit(1);
  if (any) return { people: 0, screenings: 0 };

  const todayDate = bangkokDate(refs.today);
  const bornBy = `${Number(todayDate.slice(0, 4)) - MIN_AGE}${todayDate.slice(4)}`;
  const people = await db
    .select()
    .from(persons)
    .where(lte(persons.birthDate, bornBy))
    .orderBy(asc(persons.id))
    .limit(DEMO_SCREENED_MAX);

  const c: ScreeningContext = {
    db,
    actor: { userId: refs.volunteerId ?? '', roles: ['volunteer'], organizationId: null, areaCodes: [] },
    lang: 'th',
    now: refs.today,
  };
  const lastMonth = bangkokMonth(refs.today);
  const rows: ScreeningInsert[] = [];
  for (const person of people) {
    if (person.mergedInto) continue;
    const { series } = demoAnswerSeries(person.id);
    const random = mulberry32(seedFor(`${DEMO_SCREENINGS_SEED}:visits:${person.id}`));
    series.forEach((values, m) => {
      const month = shiftMonth(lastMonth, m - (series.length - 1));
      const prepared = prepare(c, person, {
        instrument: 'wellbeing20',
        version: 1,
        takenAt: visitTime(random, month, refs.today),
        method: 'volunteer',
        clientId: demoUuid(`screening:${person.id}:${month}`),
        answers: Object.fromEntries(ITEMS.map((code, i) => [code, values[i]!])),
      });
      // Skipped rather than stored wrong, e.g. a month before someone's birth (never for people of 40+).
      if (!prepared.ok) return;
      rows.push({
        ...prepared.row,
        takenBy: refs.volunteerId,
        createdAt: prepared.row.takenAt,
        updatedAt: prepared.row.takenAt,
      });
    });
  }
  for (let i = 0; i < rows.length; i += CHUNK) {
    await db.insert(screenings).values(rows.slice(i, i + CHUNK));
  }
  return { people: people.length, screenings: rows.length };
}
