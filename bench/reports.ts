import { randomUUID } from 'node:crypto';
import { getInstrument } from '../src/core/instruments/index.ts';
import type { WellbeingReport } from '../src/core/schemas/report.ts';
import { bangkokMonth, shiftMonth } from '../src/core/screenings/month.ts';
import { toBuddhistYear, toCommonEraYear } from '../src/core/thai/buddhistEra.ts';
import { DEFAULT_AS_OF } from './generate/population.ts';
import { mulberry32 } from './generate/random.ts';
import { loadReferenceAreas, type ReferenceArea } from './generate/reference.ts';
import { type BenchContext, type Benchmark, type BenchReport, errorMessage } from './lib/benchmark.ts';
import { withoutIndexes } from './lib/bulkLoad.ts';
import {
  addBenchUser,
  installationVault,
  loginSession,
  openBenchDatabase,
  tableSizes,
} from './lib/installation.ts';
import type { DatabaseKind } from './lib/options.ts';
import { loadRegistry } from './lib/registryData.ts';
import { fetchReport, postScreening, type ReportRequest, reportUrl, screenedOf } from './lib/reportClient.ts';
import {
  buildTable,
  type LatencySample,
  type LivenessSample,
  type LoadSample,
  latencyTable,
  livenessTable,
} from './lib/reportTables.ts';
import { loadScreeningsInSql } from './lib/screeningCatalog.ts';
import { firstAnswers, loadScreenings, WELLBEING } from './lib/screeningData.ts';
import { runSequential } from './lib/sequential.ts';
import { type RunningServer, startServer } from './lib/server.ts';
import { round } from './lib/stats.ts';
import { freshTarget, type Target } from './lib/target.ts';

const YEAR_BE = 2569;
/** Songkhla (127 subdistricts, about 1.4 million people), Singhanakhon district, ป่าขาด subdistrict. */
const PROVINCE = '90';
const DISTRICT = '9015';
const SUBDISTRICT = '901508';
const VILLAGE = `${SUBDISTRICT}01`;
const SEED = 7;
/** The registry was imported before the year began (00:00 on 1 January 2026 in Bangkok). */
const REGISTERED_AT = '2025-12-31T17:00:00.000Z';
/** This benchmark's own PostgreSQL database, so that it never drops another benchmark's. */
const OWN_DATABASE = 'toemsuk_bench_reports';
const PASSWORD = 'bench-reports-password';
const QUEUE_POLL_MS = 100;
const LIVE_POLL_MS = 50;
const LIVE_TIMEOUT_MS = 10_000;
/** A rollup build that shows no progress for this long has stopped (bigger loads take longer, not stall). */
const STALL_MS = 5 * 60_000;
/**
 * How the screenings are loaded: `sql` makes them in the database from an uploaded catalog of scored
 * answers (screeningCatalog.ts, PostgreSQL's default: about 17 million rows at 1.5 million people), `rows`
 * makes each row here and sends it (screeningData.ts, PGlite's default). BENCH_SCREENINGS=rows|sql picks one.
 */
type ScreeningLoader = 'sql' | 'rows';

function screeningLoader(database: DatabaseKind): ScreeningLoader {
  const chosen = process.env.BENCH_SCREENINGS;
  if (chosen === 'sql' || chosen === 'rows') return chosen;
  if (chosen) throw new Error(`BENCH_SCREENINGS must be sql or rows; got "${chosen}"`);
  return database === 'postgres' ? 'sql' : 'rows';
}

interface Scale {
  areaCode: string;
  people: number;
  loader: ScreeningLoader;
  requests: number;
  warmup: number;
  liveTries: number;
}

function scaleFor(database: DatabaseKind, ctx: BenchContext): Scale {
  const { quick, people } = ctx.options;
  const byDefault = database === 'postgres' ? (quick ? 20_000 : 100_000) : quick ? 2_000 : 8_000;
  return {
    // PGlite runs one subdistrict, as a single office would: its figures are not for a province.
    areaCode: database === 'postgres' ? PROVINCE : SUBDISTRICT,
    people: people ?? byDefault,
    loader: screeningLoader(database),
    requests: quick ? 10 : 50,
    warmup: quick ? 2 : 3,
    liveTries: quick ? 3 : 10,
  };
}

/**
 * The area well-being report (`GET /api/v1/reports/wellbeing`) over a registry with a year of monthly
 * `wellbeing20` screenings loaded straight into the tables: how long the rollups take to build after
 * the load, report latency by scope and breakdown, and how soon a new screening shows in its village's
 * report.
 */
export const reportsBenchmark: Benchmark = {
  name: 'reports',
  description:
    'GET /api/v1/reports/wellbeing: rollup build after a bulk load, latency by scope (sequential), POST → visible',
  async run(ctx): Promise<BenchReport> {
    const areas = await loadReferenceAreas();
    const loads: LoadSample[] = [];
    const latencies: LatencySample[] = [];
    const liveness: LivenessSample[] = [];
    const failures: string[] = [];
    for (const database of ctx.options.databases) {
      const scale = scaleFor(database, ctx);
      const log = (m: string) => ctx.log(`reports: ${database}, ${m}`);
      let target: Target | null = null;
      let server: RunningServer | null = null;
      let stopWatching = () => {};
      try {
        target = await freshTarget(database, OWN_DATABASE);
        log('creating the installation');
        await (await startServer(target.env)).stop();
        const loaded = await loadData(target, areas, scale, log);
        const load: LoadSample = { ...loaded.sample, database };
        loads.push(load);

        log('starting the server on the loaded data');
        const spawnedAt = performance.now();
        const queue = database === 'postgres' ? await watchQueue(target, spawnedAt, log) : null;
        stopWatching = queue?.stop ?? stopWatching;
        server = await startServer(target.env);
        load.readyMs = round(performance.now() - spawnedAt);
        if (queue) {
          log('waiting for report_dirty to empty');
          load.builtMs = round(await queue.empty);
        }
        const session = await loginSession(server.baseUrl, 'bench-reader', PASSWORD);
        const headers = { cookie: session.cookie, 'x-csrf-token': session.csrfToken };
        const unidentified = await loginSession(server.baseUrl, 'bench-province-volunteer', PASSWORD);
        const suppressedHeaders = { cookie: unidentified.cookie, 'x-csrf-token': unidentified.csrfToken };

        // The first report of the whole area; a report drains the queue for a bounded time before it reads.
        const firstUrl = reportUrl(server.baseUrl, {
          area: scale.areaCode,
          yearBE: YEAR_BE,
          by: 'dimension',
        });
        const first = await fetchReport(firstUrl, headers, STALL_MS);
        load.firstReportMs = round(first.ms);
        load.firstComplete = isComplete(first.report, loaded);
        log(summary(first.report));
        if (queue && !load.firstComplete)
          failures.push(`reports on ${database}: ${incomplete(first.report, loaded)}`);
        if (!queue) {
          log('reading the report until it counts everything loaded');
          load.builtMs = round(await untilComplete(firstUrl, headers, loaded, spawnedAt, log));
        }

        for (const c of reportCases()) {
          log(`${c.scope}: ${describe(c.request)}`);
          const as = c.suppressed ? suppressedHeaders : headers;
          latencies.push(await measureLatency(database, server.baseUrl, as, c, scale));
        }
        liveness.push(
          await measureLiveness(database, server.baseUrl, headers, loaded.candidates, scale, log),
        );
        for (const s of latencies.filter((l) => l.database === database && l.bad > 0)) {
          failures.push(
            `reports on ${database}: ${s.bad} failed requests for ${s.scope} ${describe(s.request)}`,
          );
        }
        await server.stop();
        server = null;
        Object.assign(load, await afterRun(target));
      } catch (err) {
        failures.push(`reports on ${database}: ${errorMessage(err)}`);
      } finally {
        stopWatching();
        await server?.stop();
        await target?.dispose();
      }
    }
    return {
      tables: [buildTable(loads, YEAR_BE), latencyTable(latencies, loads), livenessTable(liveness)],
      failures,
      data: { loads, latencies, liveness },
    };
  },
};

interface Loaded {
  sample: Omit<LoadSample, 'database'>;
  people: number;
  screenedPeople: number;
  /** People of the sample village not yet screened this month, for the liveness test. */
  candidates: string[];
}

/** The registry, the users and a year of screenings, with no server running; then what the triggers queued. */
async function loadData(
  target: Target,
  areas: readonly ReferenceArea[],
  scale: Scale,
  log: (m: string) => void,
): Promise<Loaded> {
  const db = await openBenchDatabase(target);
  try {
    log(`loading ${scale.people.toLocaleString('en-US')} people in ${scale.areaCode}`);
    const registry = await loadRegistry(db.sql, areas, installationVault(target), {
      areaCode: scale.areaCode,
      people: scale.people,
      seed: SEED,
      sampleSubdistrict: SUBDISTRICT,
      asOf: DEFAULT_AS_OF,
      registeredAt: REGISTERED_AT,
      log,
    });
    // Reads the reports of the whole province; sends the liveness screenings as staff of the area.
    await addBenchUser(db.sql, {
      username: 'bench-reader',
      password: PASSWORD,
      roles: ['area_admin'],
      areaCodes: [PROVINCE],
    });
    // Reads the province's reports with small cells suppressed (a volunteer may not see who was screened).
    await addBenchUser(db.sql, {
      username: 'bench-province-volunteer',
      password: PASSWORD,
      roles: ['volunteer'],
      areaCodes: [PROVINCE],
    });
    const volunteer = await addBenchUser(db.sql, {
      username: 'bench-volunteer',
      password: PASSWORD,
      roles: ['volunteer'],
      areaCodes: [scale.areaCode],
    });
    log(`loading a year of ${WELLBEING} screenings (${YEAR_BE}, ${scale.loader} loader)`);
    // Set-up, not the thing measured: the indexes and keys are made once after the load instead of kept
    // up row by row (towards 1.5M people the row loader slowed from 7,100 to 4,700 rows/s as they grew),
    // the foreign keys checked once. The statement triggers still queue every person, as in production.
    const load = scale.loader === 'sql' ? loadScreeningsInSql : loadScreenings;
    const { result: screenings, rebuilt } = await withoutIndexes(db.sql, 'screening', () =>
      load(db.sql, areas, {
        areaCode: scale.areaCode,
        year: toCommonEraYear(YEAR_BE),
        now: new Date(),
        seed: SEED,
        takenBy: volunteer,
        log,
      }),
    );
    log(
      `  ${screenings.screenings.toLocaleString('en-US')} screenings of ` +
        `${screenings.screenedPeople.toLocaleString('en-US')} people in ${(screenings.ms / 1000).toFixed(0)} s ` +
        `(${Math.round(screenings.screenings / (screenings.ms / 1000)).toLocaleString('en-US')}/s)`,
    );
    log(
      `  ${rebuilt.indexes} indexes and ${rebuilt.constraints} keys made in ${(rebuilt.ms / 1000).toFixed(0)} s ` +
        `(${rebuilt.steps.map((s) => `${s.name} ${(s.ms / 1000).toFixed(1)}`).join(', ')}); vacuum analyze`,
    );
    const vacuuming = performance.now();
    await db.sql.query('vacuum analyze screening');
    log(`  vacuum analyze in ${((performance.now() - vacuuming) / 1000).toFixed(0)} s`);
    const { rows: queued } = await db.sql.query<{ rows: number; leaves: number }>(
      'select count(*)::int as rows, count(distinct person_id)::int as leaves from report_dirty',
    );
    const { rows: candidates } = await db.sql.query<{ id: string }>(
      `select p.id::text as id from person p
        where p.village_code = $1 and p.merged_into is null
          and not exists (select 1 from screening s
                           where s.person_id = p.id and s.instrument = $2 and s.taken_month = $3)
        order by p.id limit $4`,
      [VILLAGE, WELLBEING, bangkokMonth(Date.now()), scale.liveTries],
    );
    return {
      people: registry.people,
      screenedPeople: screenings.screenedPeople,
      candidates: candidates.map((c) => c.id),
      sample: {
        areaCode: scale.areaCode,
        people: registry.people,
        households: registry.households,
        villages: registry.villages,
        screenings: screenings.screenings,
        registryMs: round(registry.ms),
        screeningsMs: round(screenings.ms),
        queuedRows: queued[0]?.rows ?? 0,
        queuedLeaves: queued[0]?.leaves ?? 0,
        readyMs: 0,
        builtMs: null,
        firstReportMs: null,
        firstComplete: null,
        reportCells: null,
        sizes: {},
      },
    };
  } finally {
    await db.close();
  }
}

/**
 * PostgreSQL: polls `report_dirty` and the rebuild walk (`report_meta`) from the bench's own
 * connection, from before the server is spawned, and resolves with the ms from spawn until the queue
 * is empty and the walk is over.
 */
async function watchQueue(
  target: Target,
  spawnedAt: number,
  log: (m: string) => void,
): Promise<{ empty: Promise<number>; stop(): void }> {
  const db = await openBenchDatabase(target);
  let stopped = false;
  const empty = (async () => {
    try {
      const progress = new Progress('report_dirty rows', log);
      while (!stopped) {
        // Built: nothing queued, and the rebuild walk (started when the migration left no meta) over.
        const { rows } = await db.sql.query<{ n: number; walking: string | null }>(
          `select (select count(*)::int from report_dirty) as n,
                  (select (value -> 'rebuild')::text from report_meta where key = 'cells') as walking`,
        );
        const n = rows[0]?.n ?? 0;
        // JSON null once the walk is over; no row before the server first looked.
        const walking = rows[0]?.walking ?? 'not started';
        if (n === 0 && walking === 'null') return performance.now() - spawnedAt;
        progress.note(`${n} queued, walk at ${walking}`);
        await sleep(QUEUE_POLL_MS);
      }
      throw new Error('stopped watching report_dirty');
    } finally {
      await db.close();
    }
  })();
  empty.catch(() => {});
  return { empty, stop: () => (stopped = true) };
}

/** Logs a value now and then; throws when it has not changed for STALL_MS (a rollup that stopped). */
class Progress {
  private last = '';
  private changedAt = performance.now();
  private loggedAt = performance.now();

  constructor(
    private readonly what: string,
    private readonly log: (m: string) => void,
  ) {}

  note(value: string): void {
    const now = performance.now();
    if (value !== this.last) {
      this.last = value;
      this.changedAt = now;
    } else if (now - this.changedAt > STALL_MS) {
      throw new Error(`${this.what} stuck at ${value} for ${STALL_MS / 60_000} min`);
    }
    if (now - this.loggedAt > 15_000) {
      this.loggedAt = now;
      this.log(`  ${this.what}: ${value}`);
    }
  }
}

/** A report of the whole loaded area counts every person loaded, and every one screened in the year. */
function isComplete(report: WellbeingReport, loaded: Loaded): boolean {
  const { registered, screened } = report.population;
  return registered === loaded.people && screened === loaded.screenedPeople;
}

/** The first report's headline figures, in the log: to compare one load with another. */
function summary(report: WellbeingReport): string {
  const { registered, screened, coverage } = report.population;
  const worst = report.overall?.worst;
  const levels = (c: { green: number | null; yellow: number | null; red: number | null } | undefined) =>
    c ? `${c.green}/${c.yellow}/${c.red}` : '-';
  const dimensions = Object.entries(report.dimensions)
    .map(([d, c]) => `${d} ${levels(c)}`)
    .join(', ');
  const { improved, worse, same } = report.change;
  return (
    `first report: registered ${registered}, screened ${screened} (${coverage} %), mean total ` +
    `${report.overall?.mean ?? '-'}, worst g/y/r ${levels(worst)}; ${dimensions}; ` +
    `change improved ${improved}, worse ${worse}, same ${same}`
  );
}

function incomplete(report: WellbeingReport, loaded: Loaded): string {
  const { registered, screened } = report.population;
  return (
    `the report counts ${registered} registered and ${screened} screened; ` +
    `loaded ${loaded.people} people, ${loaded.screenedPeople} of them screened in ${YEAR_BE}`
  );
}

/**
 * PGlite (nothing else may open its files while the server runs): reads the report every 100 ms
 * until it counts everything loaded; resolves with the ms from spawn.
 */
async function untilComplete(
  url: string,
  headers: Record<string, string>,
  loaded: Loaded,
  spawnedAt: number,
  log: (m: string) => void,
): Promise<number> {
  const progress = new Progress('registered, screened', log);
  for (;;) {
    const { report } = await fetchReport(url, headers, STALL_MS);
    if (isComplete(report, loaded)) return performance.now() - spawnedAt;
    progress.note(`${report.population.registered}, ${report.population.screened}`);
    await sleep(QUEUE_POLL_MS);
  }
}

interface ReportCase {
  scope: string;
  request: ReportRequest;
  /** Read by someone who may not see identities, so every cell goes through small-cell suppression. */
  suppressed?: true;
}

/** Each scope for the year and one month (the last whole month of the year so far), then by=village. */
function reportCases(): ReportCase[] {
  const month = lastWholeMonth();
  const scopes: [string, string][] = [
    ['province', PROVINCE],
    ['district', DISTRICT],
    ['subdistrict', SUBDISTRICT],
    ['village', VILLAGE],
  ];
  const cases: ReportCase[] = [];
  for (const [scope, area] of scopes) {
    for (const m of [undefined, month])
      cases.push({ scope, request: { area, yearBE: YEAR_BE, month: m, by: 'dimension' } });
  }
  for (const [scope, area] of scopes.slice(0, 2)) {
    for (const m of [undefined, month])
      cases.push({ scope, request: { area, yearBE: YEAR_BE, month: m, by: 'village' } });
  }
  cases.push({
    scope: 'province, suppressed',
    request: { area: PROVINCE, yearBE: YEAR_BE, month, by: 'village' },
    suppressed: true,
  });
  return cases;
}

/** December for a past year; else the month before this one (January at the earliest). */
function lastWholeMonth(): number {
  const year = toCommonEraYear(YEAR_BE);
  const previous = shiftMonth(bangkokMonth(Date.now()), -1);
  if (previous >= `${year}-12`) return 12;
  return previous < `${year}-01` ? 1 : Number(previous.slice(5));
}

async function measureLatency(
  database: DatabaseKind,
  baseUrl: string,
  headers: Record<string, string>,
  c: ReportCase,
  scale: Scale,
): Promise<LatencySample> {
  const url = reportUrl(baseUrl, c.request);
  await fetchReport(url, headers, STALL_MS); // checks the shape once; a warm-up too
  const run = await runSequential({
    url: () => url,
    headers,
    warmup: scale.warmup,
    count: scale.requests,
    timeoutMs: 120_000,
  });
  return {
    database,
    scope: c.scope,
    request: c.request,
    requests: run.requests,
    p50: round(run.latencyMs.p50, 1),
    p95: round(run.latencyMs.p95, 1),
    max: round(run.latencyMs.max, 1),
    bad: run.non2xx + run.errors,
  };
}

/**
 * For people of the sample village not yet screened this month: reads the village's report for this
 * month, POSTs a screening taken now, then reads the report every 50 ms until `screened` has grown.
 */
async function measureLiveness(
  database: DatabaseKind,
  baseUrl: string,
  headers: Record<string, string>,
  candidates: readonly string[],
  scale: Scale,
  log: (m: string) => void,
): Promise<LivenessSample> {
  const month = bangkokMonth(Date.now());
  const sample: LivenessSample = { database, village: VILLAGE, month, postMs: [], visibleMs: [], polls: [] };
  if (candidates.length < scale.liveTries)
    throw new Error(`only ${candidates.length} people of ${VILLAGE} are not screened in ${month}`);
  const url = reportUrl(baseUrl, {
    area: VILLAGE,
    yearBE: toBuddhistYear(Number(month.slice(0, 4))),
    month: Number(month.slice(5)),
    by: 'dimension',
  });
  const definition = getInstrument(WELLBEING)!;
  const random = mulberry32(SEED);
  log(`liveness: ${scale.liveTries} screenings in ${VILLAGE}, ${month}`);
  for (const personId of candidates.slice(0, scale.liveTries)) {
    const before = screenedOf((await fetchReport(url, headers)).report, 'liveness');
    const values = firstAnswers(random, false);
    const answers = Object.fromEntries(definition.items.map((item, i) => [item.code, values[i]!]));
    const started = performance.now();
    sample.postMs.push(
      await postScreening(baseUrl, headers, personId, {
        instrument: WELLBEING,
        takenAt: new Date().toISOString(),
        clientId: randomUUID(),
        answers,
      }),
    );
    for (let polls = 1; ; polls++) {
      const { report } = await fetchReport(url, headers);
      if (screenedOf(report, 'liveness') > before) {
        sample.visibleMs.push(performance.now() - started);
        sample.polls.push(polls);
        break;
      }
      if (performance.now() - started > LIVE_TIMEOUT_MS)
        throw new Error(
          `a screening of ${personId} was not in the ${VILLAGE} report after ${LIVE_TIMEOUT_MS} ms`,
        );
      await sleep(LIVE_POLL_MS);
    }
  }
  return sample;
}

/** With the server stopped: what the rollups hold, and the tables' sizes. */
async function afterRun(target: Target): Promise<Pick<LoadSample, 'reportCells' | 'sizes'>> {
  const db = await openBenchDatabase(target);
  try {
    const { rows } = await db.sql.query<{ n: number }>('select count(*)::int as n from report_cell');
    return {
      reportCells: rows[0]?.n ?? null,
      sizes: await tableSizes(db.sql, ['person', 'screening', 'report_cell']),
    };
  } finally {
    await db.close();
  }
}

function describe(r: ReportRequest): string {
  return `${r.month === undefined ? 'year' : `month ${r.month}`}, by=${r.by}`;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
