import { getInstrument } from '../../src/core/instruments/index.ts';
import { bangkokMonth } from '../../src/core/screenings/month.ts';
import { mulberry32, seedFor } from '../generate/random.ts';
import { type ReferenceArea, subdistrictsUnder } from '../generate/reference.ts';
import type { SqlClient } from './registryData.ts';
import {
  drift,
  firstAnswers,
  LATE_EVERY,
  ScoreCache,
  type ScoredText,
  type ScreeningLoadOptions,
  type ScreeningLoadResult,
  WELLBEING,
} from './screeningData.ts';

/**
 * Answer paths per age group (under 60, 60 and over on 1 January): each is a year of monthly answers,
 * the first drawn by `firstAnswers` and each next one `drift`ed from the one before, as the row loader
 * does per person. 2 × 2,048 paths × 12 months ≈ 49,000 answer sets scored by the engine.
 */
export const PATHS = 2048;
/** Catalog rows per INSERT … SELECT FROM jsonb_to_recordset(…). */
const CATALOG_BATCH = 5000;
const CATALOG = 'bench_screening_catalog';
/** Live people per INSERT: whole subdistricts (about 12,000 people each at 1.5 million) up to this many. */
const BATCH_PEOPLE = 12_000;
/**
 * Per statement (about 140,000 rows): the statement trigger's transition table, the hash of the catalog
 * and the window's sort stay in memory instead of spilling to temporary files.
 */
const WORK_MEM = '512MB';

/**
 * The same year of monthly `wellbeing20` screenings as `loadScreenings`, made by the database instead of
 * sent row by row: the answer paths are scored by the core engine here and uploaded once to a temporary
 * table, then one INSERT … SELECT per run of subdistricts (about 12,000 people) gives each person a path
 * (by a hash of their id and the seed, within their age group) and a screening per month of it. So every
 * row holds the engine's scores, levels, results, flags and follow-ups for its answers, about one item in
 * 25 changes from month to month and people improve or worsen as in the row loader; many people share
 * each path (2,048 per age group).
 *
 * Per person and month, an md5 of (seed, person, month) gives the day of the Thai month, the time between
 * 08:00 and 18:00 Bangkok time, `client_id` and `id`: the same seed gives the same rows. Never after `now`
 * (less a minute); one person in 50 (by id order within the subdistrict) is not screened yet in the
 * current month, none before their birth. The statement triggers on `screening` fire for each INSERT,
 * as in production. Made for PostgreSQL; PGlite runs it too (BENCH_SCREENINGS=sql in bench/reports.ts).
 */
export async function loadScreeningsInSql(
  db: SqlClient,
  areas: readonly ReferenceArea[],
  options: ScreeningLoadOptions,
): Promise<ScreeningLoadResult> {
  const started = performance.now();
  const definition = getInstrument(WELLBEING);
  if (!definition) throw new Error(`no instrument ${WELLBEING}`);
  const catalogRows = await uploadCatalog(db, new ScoreCache(definition), options.seed);
  options.log(
    `  ${catalogRows.toLocaleString('en-US')} scored answer sets uploaded in ` +
      `${((performance.now() - started) / 1000).toFixed(1)} s`,
  );

  const nowIso = options.now.toISOString();
  const params = {
    instrument: WELLBEING,
    version: definition.version,
    takenBy: options.takenBy,
    seed: String(options.seed),
    year: options.year,
    // ageOn(birth, `${year}-01-01`) >= 60, as the row loader decides who is an elder.
    elderBornBy: `${String(options.year - 60).padStart(4, '0')}-01-01`,
    now: nowIso,
    currentMonth: bangkokMonth(nowIso),
  };
  let screenings = 0;
  let screenedPeople = 0;
  let nextReport = 100_000;
  for (const batch of await batches(db, areas, options.areaCode)) {
    const counts = await insertBatch(db, batch, params);
    screenings += counts.screenings;
    screenedPeople += counts.people;
    if (screenings >= nextReport) {
      const seconds = (performance.now() - started) / 1000;
      options.log(
        `  ${screenings.toLocaleString('en-US')} screenings (${batch.at(-1)}, ${seconds.toFixed(0)} s, ` +
          `${Math.round(screenings / seconds).toLocaleString('en-US')}/s)`,
      );
      while (nextReport <= screenings) nextReport += 100_000;
    }
  }
  await db.query(`drop table pg_temp.${CATALOG}`);
  return { screenings, screenedPeople, ms: performance.now() - started };
}

interface CatalogRow {
  elder: boolean;
  path: number;
  month: number;
  scored: ScoredText;
}

/** Scores every path month by month and puts them in a temporary table (this session's); returns its rows. */
async function uploadCatalog(db: SqlClient, scorer: ScoreCache, seed: number): Promise<number> {
  await db.query(`drop table if exists pg_temp.${CATALOG}`);
  await db.query(
    `create temporary table ${CATALOG} (
       elder boolean not null, path int not null, month int not null,
       answers jsonb not null, scores jsonb not null, levels jsonb not null, results jsonb not null,
       flags text[] not null, follow_ups jsonb not null, follow_up_instruments text[] not null,
       primary key (elder, path, month))`,
  );
  const random = mulberry32(seedFor(`${seed}:screening-catalog`));
  let batch: CatalogRow[] = [];
  let total = 0;
  for (const elder of [false, true]) {
    for (let path = 0; path < PATHS; path++) {
      const values = firstAnswers(random, elder);
      for (let month = 1; month <= 12; month++) {
        if (month > 1) drift(random, values);
        batch.push({ elder, path, month, scored: scorer.score(values) });
        if (batch.length >= CATALOG_BATCH) {
          total += await insertCatalog(db, batch);
          batch = [];
        }
      }
    }
  }
  total += await insertCatalog(db, batch);
  await db.query(`analyze ${CATALOG}`);
  return total;
}

/** One JSON document per batch, read by `jsonb_to_recordset`: the scored columns are JSON already. */
async function insertCatalog(db: SqlClient, rows: readonly CatalogRow[]): Promise<number> {
  if (rows.length === 0) return 0;
  const records = rows.map(
    ({ elder, path, month, scored: s }) =>
      `{"elder":${elder},"path":${path},"month":${month},"answers":${s.answers},"scores":${s.scores},` +
      `"levels":${s.levels},"results":${s.results},"flags":${JSON.stringify(s.flags)},` +
      `"follow_ups":${s.followUps},"follow_up_instruments":${JSON.stringify(s.followUpInstruments)}}`,
  );
  await db.query(
    `insert into ${CATALOG}
     select elder, path, month, answers, scores, levels, results, flags::text[], follow_ups,
            follow_up_instruments::text[]
       from jsonb_to_recordset($1::jsonb)
         as x(elder boolean, path int, month int, answers jsonb, scores jsonb, levels jsonb, results jsonb,
              flags text, follow_ups jsonb, follow_up_instruments text)`,
    [`[${records.join(',')}]`],
  );
  return rows.length;
}

interface InsertParams {
  instrument: string;
  version: number;
  takenBy: string;
  seed: string;
  year: number;
  elderBornBy: string;
  now: string;
  currentMonth: string;
}

/**
 * Each CTE step is computed once per row (`materialized`): inlined, the md5 and the times would be worked
 * out again for every column and filter that uses them. `h` (32 hex digits) = md5(seed:person:month):
 * digits 1–7 pick the day of the Thai month, 8–14 the second from 08:00 to 18:00 Bangkok time; `h` makes
 * `client_id` and `h` reversed makes `id`, each a v4-shaped uuid (version 4 in the 13th digit, variant 8 in
 * the 17th). A screening taken on day `d` of month `m` in Bangkok is in the Thai month `m` by construction.
 */
const UUID_OF = (hex: string) =>
  `(substr(${hex}, 1, 12) || '4' || substr(${hex}, 14, 3) || '8' || substr(${hex}, 18, 15))::uuid`;
const DAY_OF = `('x' || substr(h, 1, 7))::bit(28)::int % days`;
const SECOND_OF = `8 * 3600 + ('x' || substr(h, 8, 7))::bit(28)::int % (10 * 3600)`;

const INSERT_SUBDISTRICT = `
with people as (
  select id, area_code, birth_date,
         row_number() over (partition by area_code order by id) % ${LATE_EVERY} = 0 as late,
         birth_date <= $6::date as elder,
         ('x' || substr(md5($4::text || ':' || id::text), 1, 7))::bit(28)::int % ${PATHS} as path
    from person
   where area_code = any($9::text[]) and merged_into is null
),
months as (
  select m, to_char(make_date($5::int, m, 1), 'YYYY-MM') as month, make_date($5::int, m, 1) as first_day,
         (make_timestamp($5::int, m, 1, 0, 0, 0) - interval '7 hours') at time zone 'UTC' as start,
         extract(day from make_date($5::int, m, 1) + interval '1 month' - interval '1 day')::int as days
    from generate_series(1, 12) as m
),
hashed as materialized (
  select p.id, p.area_code, p.birth_date, p.late, p.elder, p.path, mo.m, mo.month, mo.first_day, mo.start,
         mo.days, md5($4::text || ':' || p.id::text || ':' || mo.m) as h
    from people p
   cross join months mo
),
timed as materialized (
  select id, area_code, elder, path, m, month, h, reverse(h) as r,
         start + ((${DAY_OF}) * 86400 + ${SECOND_OF}) * interval '1 second' as taken_at
    from hashed
   where first_day + ${DAY_OF} >= birth_date
     and not (late and month = $8::text)
),
inserted as (
  insert into screening (id, person_id, area_code, instrument, version, taken_at, taken_month, method,
      taken_by, client_id, answers, scores, levels, results, flags, follow_ups, follow_up_instruments,
      created_at, updated_at)
  select ${UUID_OF('t.r')}, t.id, t.area_code, $1::text, $2::int, t.taken_at, t.month, 'volunteer', $3::uuid,
         ${UUID_OF('t.h')}, c.answers, c.scores, c.levels, c.results, c.flags, c.follow_ups,
         c.follow_up_instruments, t.taken_at, t.taken_at
    from timed t
    join ${CATALOG} c on c.elder = t.elder and c.path = t.path and c.month = t.m
   where t.taken_at <= $7::timestamptz - interval '1 minute'
  returning person_id
)
select count(*)::int as screenings, count(distinct person_id)::int as people from inserted`;

/**
 * The subdistricts under `areaCode` in code order, in runs of about BATCH_PEOPLE live people: one statement
 * each, so a small load is not a statement per subdistrict (each reads the whole catalog into a hash).
 */
async function batches(
  db: SqlClient,
  areas: readonly ReferenceArea[],
  areaCode: string,
): Promise<string[][]> {
  const { rows } = await db.query<{ code: string; people: number }>(
    `select area_code as code, count(*)::int as people from person
      where area_code like $1 || '%' and merged_into is null group by area_code`,
    [areaCode],
  );
  const people = new Map(rows.map((r) => [r.code, r.people]));
  const runs: string[][] = [];
  let run: string[] = [];
  let size = 0;
  for (const { code } of subdistrictsUnder(areas, areaCode)) {
    const n = people.get(code) ?? 0;
    if (n === 0) continue;
    if (run.length > 0 && size + n > BATCH_PEOPLE) {
      runs.push(run);
      run = [];
      size = 0;
    }
    run.push(code);
    size += n;
  }
  if (run.length > 0) runs.push(run);
  return runs;
}

/** One run of subdistricts in one statement (one transaction); returns the rows and people inserted. */
async function insertBatch(
  db: SqlClient,
  areaCodes: readonly string[],
  p: InsertParams,
): Promise<{ screenings: number; people: number }> {
  await db.query('begin');
  try {
    await db.query(`set local work_mem = '${WORK_MEM}'`);
    // JIT would compile the statement anew every time, for little gain on 150,000 rows.
    await db.query('set local jit = off');
    const { rows } = await db.query<{ screenings: number; people: number }>(INSERT_SUBDISTRICT, [
      p.instrument,
      p.version,
      p.takenBy,
      p.seed,
      p.year,
      p.elderBornBy,
      p.now,
      p.currentMonth,
      areaCodes,
    ]);
    await db.query('commit');
    return rows[0] ?? { screenings: 0, people: 0 };
  } catch (err) {
    await db.query('rollback');
    throw err;
  }
}
