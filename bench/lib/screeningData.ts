import { randomUUID } from 'node:crypto';
import { getInstrument, type InstrumentDefinition, scoreResponse } from '../../src/core/instruments/index.ts';
import { bangkokDate, bangkokMonth, monthStart } from '../../src/core/screenings/month.ts';
import { ageOn } from '../../src/core/thai/birthDate.ts';
import { unique } from '../../src/core/util/unique.ts';
import { intBetween, mulberry32, type Random, seedFor } from '../generate/random.ts';
import { type ReferenceArea, subdistrictsUnder } from '../generate/reference.ts';
import type { SqlClient } from './registryData.ts';

export const WELLBEING = 'wellbeing20';

export interface ScreeningLoadOptions {
  /** Province, district or subdistrict: every live person registered there gets screened. */
  areaCode: string;
  /** The calendar year (CE) screened, month by month, up to `now` and never after it. */
  year: number;
  now: Date;
  seed: number;
  /** The account recorded as the screener (a volunteer's). */
  takenBy: string;
  log(message: string): void;
}

export interface ScreeningLoadResult {
  screenings: number;
  /** People with at least one screening (all in `year`). */
  screenedPeople: number;
  ms: number;
}

/** Rows per INSERT … SELECT FROM unnest(…), as the registry loader. */
const BATCH = 5000;
const DAY_MS = 86_400_000;
/** One person in 50 is always late: never screened yet in the current month (liveness samples). */
export const LATE_EVERY = 50;
/**
 * Monthly moves of one item's answer (0 fine, 1 at risk, 2 problem): up from 0 at 2 %, down from 1 at 6 %
 * and up at 1 %, down from 2 at 5 %. The steady state is about 71 / 24 / 5 %, the mix the write benchmark
 * sends, and about one item in 25 changes each month, so the report's "change" has people to count.
 */
const MOVES: readonly (readonly [down: number, up: number])[] = [
  [0, 0.02],
  [0.06, 0.01],
  [0.05, 0],
];

/**
 * Monthly `wellbeing20` screenings straight into the table, as the server would have stored them one by
 * one: answers that drift from month to month per person (elders start worse off), scored by the core
 * engine (scores, levels, results, flags, follow-ups), taken on a random day of each Thai month between
 * 08:00 and 18:00 Bangkok time, `taken_month` in Thai time. Multi-row INSERTs, so the table's statement
 * triggers fire as they do in production. Audit rows and alerts are not written (no report reads them).
 * Every row is made here and sent over the one connection (3,000–7,000 rows/s): PGlite's path; PostgreSQL
 * uses `loadScreeningsInSql` (screeningCatalog.ts), which makes the rows in the database.
 */
export async function loadScreenings(
  db: SqlClient,
  areas: readonly ReferenceArea[],
  options: ScreeningLoadOptions,
): Promise<ScreeningLoadResult> {
  const started = performance.now();
  const definition = getInstrument(WELLBEING);
  if (!definition) throw new Error(`no instrument ${WELLBEING}`);
  const scorer = new ScoreCache(definition);
  const rows = new Rows();
  const nowMs = options.now.getTime();
  const currentMonth = bangkokMonth(nowMs);
  const months = Array.from({ length: 12 }, (_, i) => `${options.year}-${String(i + 1).padStart(2, '0')}`);
  let screenings = 0;
  let screenedPeople = 0;
  let nextReport = 100_000;

  for (const subdistrict of subdistrictsUnder(areas, options.areaCode)) {
    const { rows: people } = await db.query<{ id: string; area: string; birth: string }>(
      `select id::text as id, area_code as area, birth_date::text as birth from person
        where area_code = $1 and merged_into is null order by id`,
      [subdistrict.code],
    );
    const random = mulberry32(seedFor(`${options.seed}:${subdistrict.code}:screenings`));
    for (const [index, person] of people.entries()) {
      const values = firstAnswers(random, ageOn(person.birth, `${options.year}-01-01`) >= 60);
      let screened = false;
      for (const [m, month] of months.entries()) {
        if (m > 0) drift(random, values);
        const start = Date.parse(monthStart(month));
        const days = Math.round(
          (Date.parse(monthStart(months[m + 1] ?? `${options.year + 1}-01`)) - start) / DAY_MS,
        );
        const takenMs =
          start +
          intBetween(random, 0, days - 1) * DAY_MS +
          intBetween(random, 8 * 3600, 18 * 3600 - 1) * 1000;
        if (takenMs > nowMs - 60_000) continue;
        if (month === currentMonth && index % LATE_EVERY === LATE_EVERY - 1) continue;
        if (bangkokDate(takenMs) < person.birth) continue;
        rows.add(person.id, person.area, new Date(takenMs).toISOString(), scorer.score(values));
        screened = true;
        screenings += 1;
        if (rows.length >= BATCH) await rows.flush(db, definition.version, options.takenBy);
      }
      if (screened) screenedPeople += 1;
    }
    await rows.flush(db, definition.version, options.takenBy);
    if (screenings >= nextReport) {
      const seconds = (performance.now() - started) / 1000;
      options.log(
        `  ${screenings.toLocaleString('en-US')} screenings (${subdistrict.code}, ${seconds.toFixed(0)} s, ` +
          `${Math.round(screenings / seconds).toLocaleString('en-US')}/s)`,
      );
      while (nextReport <= screenings) nextReport += 100_000;
    }
  }
  return { screenings, screenedPeople, ms: performance.now() - started };
}

/** A person's answers at their first screening: mostly fine; elders more often at risk or with a problem. */
export function firstAnswers(random: Random, elder: boolean): number[] {
  const [atRisk, problem] = elder ? [0.35, 0.1] : [0.24, 0.05];
  return Array.from({ length: 20 }, () => {
    const r = random();
    return r < problem ? 2 : r < problem + atRisk ? 1 : 0;
  });
}

/** One month of change: each item may move one step, per MOVES. */
export function drift(random: Random, values: number[]): void {
  for (let i = 0; i < values.length; i++) {
    const value = values[i]!;
    const [down, up] = MOVES[value]!;
    const r = random();
    if (r < down) values[i] = value - 1;
    else if (r < down + up) values[i] = value + 1;
  }
}

/** The stored columns of a scored screening, as text for the INSERT's casts. */
export interface ScoredText {
  answers: string;
  scores: string;
  levels: string;
  results: string;
  flags: string;
  followUps: string;
  followUpInstruments: string;
}

/** Scores each distinct answer set once: the same answers always score the same. */
export class ScoreCache {
  private readonly cache = new Map<string, ScoredText>();

  constructor(private readonly definition: InstrumentDefinition) {}

  score(values: readonly number[]): ScoredText {
    const key = values.join('');
    const found = this.cache.get(key);
    if (found) return found;
    const answers = Object.fromEntries(this.definition.items.map((item, i) => [item.code, values[i]!]));
    const outcome = scoreResponse(this.definition, answers);
    if (!outcome.ok) throw new Error(`${WELLBEING}: ${JSON.stringify(outcome.errors)}`);
    const { scores, levels, results, flags, followUps } = outcome.scored;
    const text: ScoredText = {
      answers: JSON.stringify(answers),
      scores: JSON.stringify(scores),
      levels: JSON.stringify(levels),
      results: JSON.stringify(results),
      flags: `{${flags.join(',')}}`,
      followUps: JSON.stringify(followUps),
      // As the server derives it (screenings/service.ts `scoredColumns`).
      followUpInstruments: `{${unique(followUps.flatMap((f) => (f.instrument ? [f.instrument] : []))).join(',')}}`,
    };
    if (this.cache.size >= 200_000) this.cache.clear();
    this.cache.set(key, text);
    return text;
  }
}

/** Column arrays of the rows not yet inserted. */
class Rows {
  private person: string[] = [];
  private area: string[] = [];
  private takenAt: string[] = [];
  private scored: ScoredText[] = [];

  get length(): number {
    return this.person.length;
  }

  add(person: string, area: string, takenAt: string, scored: ScoredText): void {
    this.person.push(person);
    this.area.push(area);
    this.takenAt.push(takenAt);
    this.scored.push(scored);
  }

  async flush(db: SqlClient, version: number, takenBy: string): Promise<void> {
    if (this.length === 0) return;
    const col = (key: keyof ScoredText) => this.scored.map((s) => s[key]);
    await db.query(
      `insert into screening (person_id, area_code, instrument, version, taken_at, taken_month, method, taken_by,
          client_id, answers, scores, levels, results, flags, follow_ups, follow_up_instruments,
          created_at, updated_at)
       select person, area, $1, $2, taken, month, 'volunteer', $3, client, answers::jsonb, scores::jsonb,
          levels::jsonb, results::jsonb, flags::text[], follow_ups::jsonb, follow_up_instruments::text[],
          taken, taken
         from unnest($4::uuid[], $5::text[], $6::timestamptz[], $7::text[], $8::uuid[], $9::text[],
                     $10::text[], $11::text[], $12::text[], $13::text[], $14::text[], $15::text[])
           as x(person, area, taken, month, client, answers, scores, levels, results, flags, follow_ups,
                follow_up_instruments)`,
      [
        WELLBEING,
        version,
        takenBy,
        this.person,
        this.area,
        this.takenAt,
        this.takenAt.map((t) => bangkokMonth(t)),
        this.person.map(() => randomUUID()),
        col('answers'),
        col('scores'),
        col('levels'),
        col('results'),
        col('flags'),
        col('followUps'),
        col('followUpInstruments'),
      ],
    );
    this.person = [];
    this.area = [];
    this.takenAt = [];
    this.scored = [];
  }
}
