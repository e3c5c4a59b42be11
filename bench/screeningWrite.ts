import { randomUUID } from 'node:crypto';
import autocannon from 'autocannon';
import pg from 'pg';
import { getInstrument, type InstrumentDefinition } from '../src/core/instruments/index.ts';
import { randomAnswers, seededRandom } from '../src/core/instruments/testSupport.ts';
import { DEFAULT_AS_OF } from './generate/population.ts';
import { loadReferenceAreas } from './generate/reference.ts';
import { type Benchmark, type BenchReport, errorMessage } from './lib/benchmark.ts';
import { addBenchUser, installationVault, loginSession, openBenchDatabase } from './lib/installation.ts';
import { readCpuSeconds } from './lib/memory.ts';
import type { DatabaseKind } from './lib/options.ts';
import { POSTGRES_ADMIN_URL } from './lib/postgres.ts';
import { loadRegistry } from './lib/registryData.ts';
import { assertLoopback, type RunningServer, startServer } from './lib/server.ts';
import { percentile, round } from './lib/stats.ts';
import type { Table } from './lib/table.ts';
import { freshTarget, type Target } from './lib/target.ts';

/** Issue 4's goal on PostgreSQL: at least 1,000 single screenings a second with p95 under 20 ms. */
const GOAL_PER_SEC = 1000;
const GOAL_P95_MS = 20;
/** A FHIR server (Medplum) storing the same work on this kind of machine: QuestionnaireResponses/s, p95 ms. */
const MEDPLUM = '172–265/s, p95 45–72 ms';
const CONNECTIONS = 8;
/** Items per batch: 25 visits, each the well-being screening and its needs survey, as a phone sends them. */
const BATCH_VISITS = 25;
const DISTRICT = '9015';
/** ป่าขาด: the volunteer's subdistrict, whose people are screened. */
const SUBDISTRICT = '901508';
const SEED = 4;
/** Distinct answer sets sent, round-robin. */
const ANSWER_SETS = 1000;

type Mode = 'single' | 'batch';

interface WriteSample {
  database: DatabaseKind;
  mode: Mode;
  connections: number;
  durationSec: number;
  requests: number;
  /** Screenings stored (201s, or batch items with status 201). */
  screenings: number;
  screeningsPerSec: number;
  latencyMs: { p50: number; p95: number; p99: number; max: number };
  serverCpuPercent: number;
  /** Screenings of this run that raised at least one alert (red flags), and the alerts raised. */
  withAlerts: number;
  alerts: number;
  bad: number;
  statusCounts: Record<string, number>;
  firstBad: string | null;
}

interface Scale {
  people: number;
  durationSec: number;
  warmupSec: number;
}

const scaleOf = (quick: boolean): Scale =>
  quick ? { people: 5000, durationSec: 3, warmupSec: 1 } : { people: 50_000, durationSec: 15, warmupSec: 3 };

/**
 * Screening writes through the real HTTP API, as phones send them: `POST /api/v1/persons/:id/screenings`
 * with the 20-item well-being screening (every answer given, a few red flags as in life) from 8 connections
 * at once, then `POST /api/v1/screenings/batch` with 50 items (25 visits: the screening and its needs survey)
 * from 8 connections. Every request carries a new clientId, so each stores a screening, its audit row and
 * any alerts in one transaction.
 */
export const screeningWriteBenchmark: Benchmark = {
  name: 'screening-write',
  description: `autocannon, ${CONNECTIONS} connections: POST /api/v1/persons/:id/screenings (wellbeing20) and /api/v1/screenings/batch (${BATCH_VISITS * 2} items)`,
  async run(ctx): Promise<BenchReport> {
    const scale = scaleOf(ctx.options.quick);
    const areas = await loadReferenceAreas();
    const samples: WriteSample[] = [];
    const failures: string[] = [];
    for (const database of ctx.options.databases) {
      const log = (m: string) => ctx.log(`screening-write: ${database}, ${m}`);
      let target: Target | null = null;
      let server: RunningServer | null = null;
      try {
        target = await ownTarget(database);
        log('creating the installation');
        await (await startServer(target.env)).stop();

        log(`loading ${scale.people.toLocaleString('en-US')} people in district ${DISTRICT}`);
        const password = 'bench-volunteer-password';
        let people: { id: string }[];
        {
          const db = await openBenchDatabase(target);
          try {
            await loadRegistry(db.sql, areas, installationVault(target), {
              areaCode: DISTRICT,
              people: scale.people,
              seed: SEED,
              sampleSubdistrict: SUBDISTRICT,
              asOf: DEFAULT_AS_OF,
              log,
            });
            await addBenchUser(db.sql, {
              username: 'bench-volunteer',
              password,
              roles: ['volunteer'],
              areaCodes: [SUBDISTRICT],
            });
            // An area admin of the subdistrict: red flags alert them (and the volunteer) in the same transaction.
            await addBenchUser(db.sql, {
              username: 'bench-admin',
              password,
              roles: ['area_admin'],
              areaCodes: [SUBDISTRICT],
            });
            ({ rows: people } = await db.sql.query<{ id: string }>(
              'select id from person where area_code = $1 and merged_into is null order by id',
              [SUBDISTRICT],
            ));
          } finally {
            await db.close();
          }
        }
        if (people.length === 0) throw new Error(`no people in ${SUBDISTRICT}`);

        server = await startServer(target.env);
        const session = await loginSession(server.baseUrl, 'bench-volunteer', password);
        const headers = {
          cookie: session.cookie,
          'x-csrf-token': session.csrfToken,
          'content-type': 'application/json',
        };
        const bodies = new RequestBodies(people.map((p) => p.id));
        const db = database === 'postgres' ? await openBenchDatabase(target) : null;
        // Requests still in flight when autocannon stops are stored after it: wait until the counts settle.
        const counted = async () => (db ? await settledCounts(db.sql) : null);

        for (const mode of ['single', 'batch'] as const) {
          const path = (i: number) =>
            mode === 'single'
              ? `/api/v1/persons/${bodies.personOf(i)}/screenings`
              : '/api/v1/screenings/batch';
          const body = (i: number) => (mode === 'single' ? bodies.single(i) : bodies.batch(i));
          log(`${mode}: warm-up ${scale.warmupSec} s`);
          await runWrites({
            baseUrl: server.baseUrl,
            headers,
            path,
            body,
            durationSec: scale.warmupSec,
            mode,
          });
          const before = await counted();
          log(`${mode}: ${CONNECTIONS} connections for ${scale.durationSec} s`);
          const cpuBefore = readCpuSeconds(server.pid);
          const started = performance.now();
          const run = await runWrites({
            baseUrl: server.baseUrl,
            headers,
            path,
            body,
            durationSec: scale.durationSec,
            mode,
          });
          const seconds = (performance.now() - started) / 1000;
          const cpu = readCpuSeconds(server.pid) - cpuBefore;
          const after = await counted();
          const sample: WriteSample = {
            database,
            mode,
            connections: CONNECTIONS,
            durationSec: round(seconds, 1),
            requests: run.latencies.length,
            screenings: run.stored,
            screeningsPerSec: round(run.stored / seconds),
            latencyMs: run.latencyMs,
            serverCpuPercent: round((cpu / seconds) * 100),
            withAlerts: before && after ? after.alerted - before.alerted : 0,
            alerts: before && after ? after.alerts - before.alerts : 0,
            bad: run.bad,
            statusCounts: run.statusCounts,
            firstBad: run.firstBad,
          };
          samples.push(sample);
          if (run.bad > 0) {
            failures.push(
              `screening-write on ${database} (${mode}): ${run.bad} bad responses or items; ` +
                `statuses ${JSON.stringify(run.statusCounts)}; first: ${run.firstBad}`,
            );
          }
          // Stored = acknowledged + whatever was in flight when the run stopped (at most one request per connection).
          const inFlight = CONNECTIONS * (mode === 'single' ? 1 : BATCH_VISITS * 2);
          const rows = before && after ? after.screenings - before.screenings : null;
          if (rows !== null && (rows < run.stored || rows > run.stored + inFlight)) {
            failures.push(
              `screening-write on ${database} (${mode}): ${rows} rows stored, ${run.stored} acknowledged`,
            );
          }
        }
        await db?.close();
      } catch (err) {
        failures.push(`screening-write on ${database}: ${errorMessage(err)}`);
      } finally {
        await server?.stop();
        await target?.dispose();
      }
    }
    return { tables: [throughputTable(samples)], failures, data: samples };
  },
};

type Counts = { screenings: number; alerts: number; alerted: number };
type Sql = { query<T>(text: string, params?: unknown[]): Promise<{ rows: T[] }> };

async function settledCounts(sql: Sql): Promise<Counts> {
  let last = await countRows(sql);
  for (let i = 0; i < 50; i++) {
    await new Promise((r) => setTimeout(r, 200));
    const now = await countRows(sql);
    if (now.screenings === last.screenings && now.alerts === last.alerts) return now;
    last = now;
  }
  return last;
}

/** This benchmark's own PostgreSQL database, so that it never drops another benchmark's running one. */
const OWN_DATABASE = 'toemsuk_bench_screening';

async function adminQuery(text: string): Promise<void> {
  assertLoopback(POSTGRES_ADMIN_URL);
  const client = new pg.Client({ connectionString: POSTGRES_ADMIN_URL, connectionTimeoutMillis: 5000 });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

/** A fresh installation: the harness's own for PGlite; on PostgreSQL, a fresh data dir and this benchmark's database. */
async function ownTarget(kind: DatabaseKind): Promise<Target> {
  const dirOnly = await freshTarget('pglite');
  if (kind === 'pglite') return dirOnly;
  await adminQuery(`drop database if exists ${OWN_DATABASE} with (force)`);
  await adminQuery(`create database ${OWN_DATABASE}`);
  const url = new URL(POSTGRES_ADMIN_URL);
  url.pathname = `/${OWN_DATABASE}`;
  return {
    kind: 'postgres',
    env: { ...dirOnly.env, databaseUrl: url.toString() },
    async dispose() {
      await dirOnly.dispose();
      await adminQuery(`drop database if exists ${OWN_DATABASE} with (force)`);
    },
  };
}

async function countRows(sql: Sql): Promise<Counts> {
  const { rows } = await sql.query<{ screenings: number; alerts: number; alerted: number }>(
    `select (select count(*)::int from screening) as screenings,
            (select count(*)::int from alert) as alerts,
            (select count(distinct screening_id)::int from alert) as alerted`,
  );
  return rows[0]!;
}

/**
 * Request bodies from a fixed pool of answer sets (seeded: the same every run), each with a new clientId.
 * Answers lean to "fine", as most people's do: 0 for 70 % of items, 1 for 25 %, 2 for 5 % (so about one
 * screening in six raises a red flag).
 */
class RequestBodies {
  private readonly wellbeing: Record<string, unknown>[] = [];
  private readonly needs: Record<string, unknown>[] = [];

  constructor(private readonly people: readonly string[]) {
    const w20 = instrument('wellbeing20');
    const needs = instrument('needs');
    const random = seededRandom(SEED);
    for (let i = 0; i < ANSWER_SETS; i++) {
      this.wellbeing.push(leaningFine(w20, random));
      this.needs.push(randomAnswers(needs, random));
    }
  }

  personOf(i: number): string {
    return this.people[i % this.people.length]!;
  }

  single(i: number): string {
    return JSON.stringify(this.item('wellbeing20', i));
  }

  batch(i: number): string {
    const items = [];
    for (let v = 0; v < BATCH_VISITS; v++) {
      const k = i * BATCH_VISITS + v;
      items.push({ personId: this.personOf(k), ...this.item('wellbeing20', k) });
      items.push({ personId: this.personOf(k), ...this.item('needs', k) });
    }
    return JSON.stringify({ items });
  }

  private item(code: 'wellbeing20' | 'needs', i: number) {
    const pool = code === 'wellbeing20' ? this.wellbeing : this.needs;
    return {
      instrument: code,
      takenAt: new Date().toISOString(),
      clientId: randomUUID(),
      answers: pool[i % pool.length],
    };
  }
}

function instrument(code: string): InstrumentDefinition {
  const d = getInstrument(code);
  if (!d) throw new Error(`no instrument ${code}`);
  return d;
}

function leaningFine(definition: InstrumentDefinition, random: () => number): Record<string, unknown> {
  const answers: Record<string, unknown> = {};
  for (const item of definition.items) {
    if (item.kind !== 'choice') throw new Error(`${definition.code}: ${item.code} is not a choice`);
    const values = item.options.map((o) => o.value).sort((a, b) => a - b);
    const r = random();
    answers[item.code] = values[r < 0.7 ? 0 : r < 0.95 ? 1 : 2] ?? values.at(-1);
  }
  return answers;
}

interface WriteRun {
  latencies: number[];
  latencyMs: WriteSample['latencyMs'];
  stored: number;
  bad: number;
  statusCounts: Record<string, number>;
  firstBad: string | null;
}

/** One autocannon run of POSTs, each body made just before it is sent; every response body is checked. */
async function runWrites(spec: {
  baseUrl: string;
  headers: Record<string, string>;
  path(i: number): string;
  body(i: number): string;
  durationSec: number;
  mode: Mode;
}): Promise<WriteRun> {
  assertLoopback(spec.baseUrl);
  const latencies: number[] = [];
  const statusCounts: Record<string, number> = {};
  let next = 0;
  let stored = 0;
  let bad = 0;
  let firstBad: string | null = null;
  const noteBad = (what: string) => {
    bad += 1;
    firstBad ??= what.slice(0, 400);
  };
  await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url: spec.baseUrl,
        connections: CONNECTIONS,
        duration: spec.durationSec,
        timeout: 10,
        requests: [
          {
            method: 'POST',
            headers: spec.headers,
            setupRequest: (req) => {
              const i = next++;
              return { ...req, path: spec.path(i), body: spec.body(i) };
            },
            onResponse: (status, body) => {
              statusCounts[status] = (statusCounts[status] ?? 0) + 1;
              if (spec.mode === 'single') {
                if (status === 201) stored += 1;
                else noteBad(`${status} ${body}`);
                return;
              }
              if (status !== 200) return noteBad(`${status} ${body}`);
              for (const r of (JSON.parse(body) as { results: { status: number }[] }).results) {
                if (r.status === 201) stored += 1;
                else noteBad(`item ${JSON.stringify(r)}`);
              }
            },
          },
        ],
      },
      (err: unknown, res) => (err ? reject(err) : resolve(res)),
    );
    instance.on('response', (_client, _status, _bytes, responseTimeMs) => latencies.push(responseTimeMs));
    const guard = setTimeout(() => instance.stop(), spec.durationSec * 1000 + 30_000);
    instance.on('done', () => clearTimeout(guard));
  });
  const sorted = Float64Array.from(latencies).sort();
  return {
    latencies,
    latencyMs: {
      p50: round(percentile(sorted, 50), 1),
      p95: round(percentile(sorted, 95), 1),
      p99: round(percentile(sorted, 99), 1),
      max: round(sorted[sorted.length - 1] ?? Number.NaN, 1),
    },
    stored,
    bad,
    statusCounts,
    firstBad,
  };
}

function throughputTable(samples: readonly WriteSample[]): Table {
  return {
    title: `Screening writes, ${CONNECTIONS} connections`,
    columns: [
      'database',
      'endpoint',
      'seconds',
      'requests',
      'screenings',
      'screenings/s',
      'p50 ms',
      'p95 ms',
      'p99 ms',
      'max ms',
      'with alerts',
      'server CPU %',
      'bad',
      `≥ ${GOAL_PER_SEC.toLocaleString('en-US')}/s, p95 < ${GOAL_P95_MS} ms`,
    ],
    rows: samples.map((s) => [
      s.database,
      s.mode === 'single' ? 'POST …/screenings' : `batch of ${BATCH_VISITS * 2}`,
      s.durationSec,
      s.requests,
      s.screenings,
      s.screeningsPerSec,
      s.latencyMs.p50,
      s.latencyMs.p95,
      s.latencyMs.p99,
      s.latencyMs.max,
      s.database === 'postgres' ? s.withAlerts : null,
      s.serverCpuPercent,
      s.bad,
      s.mode === 'single' && s.database === 'postgres'
        ? s.screeningsPerSec >= GOAL_PER_SEC && s.latencyMs.p95 < GOAL_P95_MS
          ? 'yes'
          : 'NO'
        : null,
    ]),
    notes: [
      'single: wellbeing20, all 20 answers; batch: 25 visits × (wellbeing20 + needs) per request',
      'latency is per request (a whole batch for batch); percentiles exact, over every response after a warm-up',
      'with alerts: screenings that raised red-flag alerts to the area admin and the screener (counted on PostgreSQL)',
      `the figure to beat, a FHIR server (Medplum) on this kind of machine: ${MEDPLUM}`,
      'server CPU %: the Node process alone, 100 = one core; autocannon and PostgreSQL share the same cores',
    ],
  };
}
