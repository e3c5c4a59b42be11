import { randomUUID } from 'node:crypto';
import { toBuddhistYear } from '../src/core/thai/buddhistEra.ts';
import { loadReferenceAreas } from './generate/reference.ts';
import { type BenchContext, type Benchmark, type BenchReport, errorMessage } from './lib/benchmark.ts';
import { installationVault, loginSession, openBenchDatabase, tableSizes } from './lib/installation.ts';
import type { DatabaseKind } from './lib/options.ts';
import { fetchReport, reportUrl } from './lib/reportClient.ts';
import { runSequential } from './lib/sequential.ts';
import { assertLoopback, type RunningServer, startServer } from './lib/server.ts';
import {
  loadServices,
  SERVICES_DISTRICT,
  SERVICES_SUBDISTRICT,
  type ServicesLoaded,
  STAFF_USERNAME,
  servicesScale,
} from './lib/servicesData.ts';
import { type ExplainedRead, explainRead } from './lib/servicesExplain.ts';
import { percentile, round } from './lib/stats.ts';
import type { Table } from './lib/table.ts';
import { freshTarget, type Target } from './lib/target.ts';

/** This benchmark's own PostgreSQL database, so that it never drops another benchmark's. */
const OWN_DATABASE = 'toemsuk_bench_services';
const PASSWORD = 'bench-services-password';
const SEED = 11;
const GOAL_P95_MS = 300;
const DAY_MS = 86_400_000;
const BKK_MS = 7 * 3_600_000;
/** The rollups of the freshly loaded registry settle before anything is measured. */
const SETTLE_MS = 10 * 60_000;

interface Scale {
  people: number;
  requests: number;
  warmup: number;
  posts: number;
}

function scaleFor(database: DatabaseKind, ctx: BenchContext): Scale {
  const { quick, people } = ctx.options;
  const byDefault = database === 'postgres' ? (quick ? 10_000 : 50_000) : quick ? 2_000 : 5_000;
  return {
    people: people ?? byDefault,
    requests: quick ? 15 : 50,
    warmup: quick ? 2 : 5,
    posts: quick ? 10 : 40,
  };
}

type Counts = Omit<
  ServicesLoaded,
  'sizes' | 'duplicateTargets' | 'busyOrganizationId' | 'staffUserId' | 'heavyPersonId'
>;

function countsOf(l: ServicesLoaded): Counts {
  return {
    people: l.people,
    households: l.households,
    organizations: l.organizations,
    fieldUsers: l.fieldUsers,
    visits: l.visits,
    referrals: l.referrals,
    referralEvents: l.referralEvents,
    transports: l.transports,
    transportEvents: l.transportEvents,
    assistance: l.assistance,
    registryMs: round(l.registryMs),
    servicesMs: round(l.servicesMs),
  };
}

interface LoadSample {
  database: DatabaseKind;
  loaded: Counts;
  tableSizes: Record<string, string>;
  settleMs: number;
}

interface LatencySample {
  database: DatabaseKind;
  people: number;
  endpoint: string;
  data: string;
  requests: number;
  p50: number;
  p95: number;
  max: number;
  /** What the checked first answer held (items, counts, totals). */
  answer: string;
  bad: number;
}

/**
 * The coordinated-services reads that grow with the data (referral queues, calendars, the to-do
 * list, a person's care timeline, the assistance totals) and recording assistance with its duplicate
 * check, over a district's registry with months of visits, referrals, rides and help loaded straight
 * into the tables. One request at a time, read as a busy organisation's member.
 */
export const servicesBenchmark: Benchmark = {
  name: 'services',
  description:
    'referral queue, calendars, inbox to-do, care timeline, assistance totals and POST /api/v1/assistance over months of services (sequential)',
  async run(ctx): Promise<BenchReport> {
    const areas = await loadReferenceAreas();
    const loads: LoadSample[] = [];
    const latencies: LatencySample[] = [];
    const explained: ExplainedSample[] = [];
    const failures: string[] = [];
    for (const database of ctx.options.databases) {
      const scale = scaleFor(database, ctx);
      const log = (m: string) => ctx.log(`services: ${database}, ${m}`);
      let target: Target | null = null;
      let server: RunningServer | null = null;
      try {
        target = await freshTarget(database, OWN_DATABASE);
        log('creating the installation');
        await (await startServer(target.env)).stop();
        const db = await openBenchDatabase(target);
        let loaded: ServicesLoaded;
        try {
          loaded = await loadServices(db.sql, areas, installationVault(target), servicesScale(scale.people), {
            password: PASSWORD,
            now: new Date(),
            seed: SEED,
            log,
          });
        } finally {
          await db.close();
        }
        const counts = countsOf(loaded);
        log(
          `loaded ${counts.people} people, ${counts.visits} visits, ${counts.referrals} referrals ` +
            `(${counts.referralEvents} events), ${counts.transports} rides (${counts.transportEvents} events), ` +
            `${counts.assistance} assistance rows; services in ${(counts.servicesMs / 1000).toFixed(1)} s`,
        );
        const load: LoadSample = { database, loaded: counts, tableSizes: {}, settleMs: 0 };
        loads.push(load);

        log('starting the server on the loaded data');
        server = await startServer(target.env);
        const session = await loginSession(server.baseUrl, STAFF_USERNAME, PASSWORD);
        const headers = { cookie: session.cookie, 'x-csrf-token': session.csrfToken };
        load.settleMs = round(await settleRollups(server.baseUrl, headers, log));

        const slow: ReadCase[] = [];
        for (const c of readCases(server.baseUrl, loaded)) {
          log(`${c.endpoint}`);
          const sample = await measureRead(database, scale, headers, c);
          latencies.push(sample);
          if (sample.p95 >= GOAL_P95_MS) slow.push(c);
          if (sample.bad > 0)
            failures.push(`services on ${database}: ${sample.bad} failed requests for ${c.endpoint}`);
        }
        log(`POST /api/v1/assistance × ${scale.posts}`);
        const post = await measurePosts(database, scale, server.baseUrl, headers, loaded);
        latencies.push(post);
        if (post.bad > 0)
          failures.push(`services on ${database}: ${post.bad} failed POST /api/v1/assistance`);
        if (target.kind === 'postgres' && slow.length > 0)
          explained.push(...(await explainSlow(target, slow, log)));

        await server.stop();
        server = null;
        const after = await openBenchDatabase(target);
        try {
          load.tableSizes = await tableSizes(after.sql, [
            'person',
            'visit',
            'referral',
            'transport_request',
            'service_event',
            'assistance',
            'audit_log',
          ]);
        } finally {
          await after.close();
        }
      } catch (err) {
        failures.push(`services on ${database}: ${errorMessage(err)}`);
      } finally {
        await server?.stop();
        await target?.dispose();
      }
    }
    return {
      tables: [
        dataTable(loads),
        latencyTable(latencies),
        ...(explained.length > 0 ? [explainTable(explained)] : []),
      ],
      failures,
      data: { loads, latencies, explained },
    };
  },
};

/**
 * The registry load queued every person for the well-being rollups: reads the district's report
 * (each read drains the queue for a while) until it is no longer pending, so that no rollup work
 * runs during the measurements. Resolves with the ms it took.
 */
async function settleRollups(
  baseUrl: string,
  headers: Record<string, string>,
  log: (m: string) => void,
): Promise<number> {
  const started = performance.now();
  const yearBE = toBuddhistYear(Number(new Date(Date.now() + BKK_MS).toISOString().slice(0, 4)));
  const url = reportUrl(baseUrl, { area: SERVICES_DISTRICT, yearBE, by: 'dimension' });
  for (let reads = 1; ; reads++) {
    const { report } = await fetchReport(url, headers, SETTLE_MS);
    if (!report.pending) {
      log(
        `rollups settled after ${reads} report reads, ${((performance.now() - started) / 1000).toFixed(1)} s`,
      );
      return performance.now() - started;
    }
    if (performance.now() - started > SETTLE_MS)
      throw new Error(`rollups still pending after ${SETTLE_MS} ms`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

interface ReadCase {
  endpoint: string;
  data: string;
  url: string;
  /** Throws unless the answer holds what the loaded data says it must; returns a short summary. */
  check(body: unknown): string;
}

/** The Thai day `offset` days from today, as the calendar's `from`/`to` take it. */
function thaiDay(offset: number): string {
  return new Date(Date.now() + BKK_MS + offset * DAY_MS).toISOString().slice(0, 10);
}

function readCases(baseUrl: string, loaded: ServicesLoaded): ReadCase[] {
  const org = loaded.busyOrganizationId;
  const api = `${baseUrl}/api/v1`;
  const listed =
    (what: string, min = 1) =>
    (body: unknown) => {
      const items = (body as { items?: unknown[] }).items;
      if (!Array.isArray(items) || items.length < min)
        throw new Error(`${what}: ${items?.length ?? 'no'} items`);
      return `${items.length} items`;
    };
  const calendar = (what: string) => (body: unknown) => {
    const c = body as { items: unknown[]; warnings: unknown[]; truncated: boolean };
    if (!Array.isArray(c.items) || c.items.length === 0) throw new Error(`${what}: no visits`);
    return `${c.items.length} visits${c.truncated ? ' (truncated)' : ''}, ${c.warnings.length} warnings`;
  };
  const totals = (what: string) => (body: unknown) => {
    const t = body as { total: { count: number; people: number; value: number } };
    if (!(t.total?.count > 0)) throw new Error(`${what}: total count ${t.total?.count}`);
    return `${t.total.count.toLocaleString('en-US')} rows, ${t.total.people.toLocaleString('en-US')} people`;
  };
  return [
    {
      endpoint: 'GET /referrals?to=me',
      data: loaded.sizes.queue ?? '',
      url: `${api}/referrals?to=me`,
      check: listed('referral queue', 50),
    },
    {
      endpoint: 'GET /referrals?to=me&overdue=true',
      data: loaded.sizes.overdue ?? '',
      url: `${api}/referrals?to=me&overdue=true`,
      check: listed('overdue referrals'),
    },
    {
      endpoint: 'GET /calendar?organization (week)',
      data: loaded.sizes.orgWeek ?? '',
      url: `${api}/calendar?organization=${org}&from=${thaiDay(-3)}&to=${thaiDay(3)}`,
      check: calendar('organisation week'),
    },
    {
      endpoint: 'GET /calendar?organization (month)',
      data: loaded.sizes.orgMonth ?? '',
      url: `${api}/calendar?organization=${org}&from=${thaiDay(-15)}&to=${thaiDay(14)}`,
      check: calendar('organisation month'),
    },
    {
      endpoint: `GET /calendar?area=${SERVICES_SUBDISTRICT} (week)`,
      data: loaded.sizes.areaWeek ?? '',
      url: `${api}/calendar?area=${SERVICES_SUBDISTRICT}&from=${thaiDay(-3)}&to=${thaiDay(3)}`,
      check: calendar('area week'),
    },
    {
      endpoint: 'GET /inbox/todo',
      data: loaded.sizes.todo ?? '',
      url: `${api}/inbox/todo`,
      check: (body) => {
        const t = body as { counts: Record<string, number>; items: unknown[] };
        if (!(t.items?.length > 0)) throw new Error('inbox to-do: no items');
        const { visitsToday, referralsToAccept, overdue, ridesToAccept } = t.counts;
        return `${t.items.length} items; counts ${visitsToday}/${referralsToAccept}/${overdue}/${ridesToAccept}`;
      },
    },
    {
      endpoint: 'GET /persons/:id/care-timeline',
      data: loaded.sizes.timeline ?? '',
      url: `${api}/persons/${loaded.heavyPersonId}/care-timeline`,
      check: listed('care timeline', 50),
    },
    {
      endpoint: `GET /assistance/totals?area=${SERVICES_DISTRICT}`,
      data: loaded.sizes.totalsArea ?? '',
      url: `${api}/assistance/totals?area=${SERVICES_DISTRICT}`,
      check: totals('district totals'),
    },
    {
      endpoint: 'GET /assistance/totals?organization',
      data: loaded.sizes.totalsOrg ?? '',
      url: `${api}/assistance/totals?organization=${org}`,
      check: totals('organisation totals'),
    },
  ];
}

async function measureRead(
  database: DatabaseKind,
  scale: Scale,
  headers: Record<string, string>,
  c: ReadCase,
): Promise<LatencySample> {
  assertLoopback(c.url);
  // One checked request first: the right status and a non-empty answer, or the figures mean nothing.
  const res = await fetch(c.url, { headers, signal: AbortSignal.timeout(60_000) });
  const text = await res.text();
  if (res.status !== 200) throw new Error(`GET ${c.url} answered ${res.status}: ${text.slice(0, 300)}`);
  const answer = c.check(JSON.parse(text));
  const run = await runSequential({
    url: () => c.url,
    headers,
    warmup: scale.warmup,
    count: scale.requests,
    timeoutMs: 60_000,
  });
  return {
    database,
    people: scale.people,
    endpoint: c.endpoint,
    data: c.data,
    requests: run.requests,
    p50: round(run.latencyMs.p50, 1),
    p95: round(run.latencyMs.p95, 1),
    max: round(run.latencyMs.max, 1),
    answer,
    bad: run.non2xx + run.errors,
  };
}

/**
 * Cash help for people already given cash in the last 25 days (inside the 30-day window), sent with
 * `confirmDuplicate`: each POST runs the duplicate check, finds the earlier help and stores the new
 * record flagged (201). One at a time, after two unmeasured ones.
 */
async function measurePosts(
  database: DatabaseKind,
  scale: Scale,
  baseUrl: string,
  headers: Record<string, string>,
  loaded: ServicesLoaded,
): Promise<LatencySample> {
  const organizationId = loaded.busyOrganizationId;
  const url = `${baseUrl}/api/v1/assistance`;
  assertLoopback(url);
  const people = loaded.duplicateTargets;
  if (people.length === 0) throw new Error('nobody was given cash in the last 25 days');
  const warmup = 2;
  const ms: number[] = [];
  let bad = 0;
  let flagged = 0;
  let firstError: string | null = null;
  for (let i = 0; i < warmup + scale.posts; i++) {
    const body = {
      personId: people[i % people.length],
      kind: 'cash',
      description: 'เงินช่วยเหลือฉุกเฉิน',
      value: 1000,
      givenOn: thaiDay(0),
      organizationId,
      fundingSource: 'กองทุนหลักประกันสุขภาพตำบล',
      confirmDuplicate: true,
      clientId: randomUUID(),
    };
    const started = performance.now();
    const res = await fetch(url, {
      method: 'POST',
      headers: { ...headers, 'content-type': 'application/json' },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(60_000),
    });
    const text = await res.text();
    const took = performance.now() - started;
    if (i < warmup) {
      if (res.status !== 201) throw new Error(`POST ${url} answered ${res.status}: ${text.slice(0, 300)}`);
      continue;
    }
    ms.push(took);
    if (res.status !== 201) {
      bad += 1;
      firstError ??= `${res.status} ${text.slice(0, 200)}`;
    } else if ((JSON.parse(text) as { duplicateConfirmed?: boolean }).duplicateConfirmed) {
      flagged += 1;
    }
  }
  if (firstError) throw new Error(`POST ${url}: ${bad} failed, the first ${firstError}`);
  const sorted = Float64Array.from(ms).sort();
  return {
    database,
    people: scale.people,
    endpoint: 'POST /assistance (duplicate check)',
    data: `${loaded.assistance.toLocaleString('en-US')} rows; ${Math.min(people.length, scale.posts + warmup)} people with cash ≤ 25 days ago`,
    requests: ms.length,
    p50: round(percentile(sorted, 50), 1),
    p95: round(percentile(sorted, 95), 1),
    max: round(sorted[sorted.length - 1] ?? Number.NaN, 1),
    answer: `${flagged}/${ms.length} stored as confirmed duplicates`,
    bad,
  };
}

interface ExplainedSample extends ExplainedRead {
  endpoint: string;
}

/** PostgreSQL: the statements behind each read slower than the goal, EXPLAIN ANALYZEd (logged whole). */
async function explainSlow(
  target: Target,
  cases: readonly ReadCase[],
  log: (m: string) => void,
): Promise<ExplainedSample[]> {
  const db = await openBenchDatabase(target);
  const out: ExplainedSample[] = [];
  try {
    if (db.raw.kind !== 'postgres') return out;
    for (const c of cases) {
      const result = await explainRead(db.raw.client, STAFF_USERNAME, c.url);
      if (!result) continue;
      out.push({ endpoint: c.endpoint, ...result });
      log(
        `EXPLAIN ${c.endpoint}: ${result.statements} statements, reads ${result.readMs.toFixed(1)} ms in all`,
      );
      for (const s of result.slowest) {
        log(`  ${s.executionMs.toFixed(1)} ms (planning ${s.planningMs.toFixed(1)}): ${s.sql}`);
        for (const line of s.plan) log(`    ${line}`);
      }
    }
  } finally {
    await db.close();
  }
  return out;
}

function explainTable(samples: readonly ExplainedSample[]): Table {
  return {
    title: 'PostgreSQL: the statements behind the reads over the goal (EXPLAIN ANALYZE, in-process)',
    columns: ['endpoint', 'statements', 'reads ms', 'slowest ms', 'slowest statement', 'its top plan node'],
    rows: samples.map((s) => [
      s.endpoint,
      s.statements,
      round(s.readMs, 1),
      round(s.slowest[0]?.executionMs ?? Number.NaN, 1),
      (s.slowest[0]?.sql ?? '').slice(0, 90),
      (s.slowest[0]?.plan[0] ?? '').trim().slice(0, 90),
    ]),
    notes: ['the whole plans are in the log and in the results JSON'],
  };
}

function dataTable(loads: readonly LoadSample[]): Table {
  return {
    title: `Services data (district ${SERVICES_DISTRICT}, Songkhla) loaded straight into the tables`,
    columns: [
      'database',
      'people',
      'orgs',
      'field users',
      'visits',
      'referrals',
      'referral events',
      'rides',
      'ride events',
      'assistance',
      'load people s',
      'load services s',
      'rollups settled s',
      'visit size',
      'referral size',
      'assistance size',
      'service_event size',
    ],
    rows: loads.map((l) => [
      l.database,
      l.loaded.people,
      l.loaded.organizations,
      l.loaded.fieldUsers,
      l.loaded.visits,
      l.loaded.referrals,
      l.loaded.referralEvents,
      l.loaded.transports,
      l.loaded.transportEvents,
      l.loaded.assistance,
      round(l.loaded.registryMs / 1000, 1),
      round(l.loaded.servicesMs / 1000, 1),
      round(l.settleMs / 1000, 1),
      l.tableSizes.visit ?? null,
      l.tableSizes.referral ?? null,
      l.tableSizes.assistance ?? null,
      l.tableSizes.service_event ?? null,
    ]),
    notes: [
      'visits and rides from 45 days back to 45 days ahead (past ones done/missed/cancelled, future scheduled or requested/accepted), referrals over the last 90 days (older ones mostly closed), assistance from 1 January to today',
      'organisations: the district hospital (the busy one: 40 % of referrals, 40 % of rides, 10 % of visits, 25 % of help), one health-promoting hospital per subdistrict, the municipality (rides, help) and the provincial social development office',
      'each referral and ride has its status history in service_event (a creation row and one row per move); one person has about 100 visits, 30 referrals, 20 rides and 100 help records',
      'rollups settled: the registry load queues every person for the well-being rollups; the district report is read until it is no longer pending, before anything is measured',
    ],
  };
}

function latencyTable(samples: readonly LatencySample[]): Table {
  return {
    title: 'Coordinated services, one request at a time (as a social worker of the busy organisation)',
    columns: [
      'database',
      'people',
      'endpoint',
      'data',
      'requests',
      'p50 ms',
      'p95 ms',
      'max ms',
      'answer',
      'bad',
      `p95 < ${GOAL_P95_MS} ms`,
    ],
    rows: samples.map((s) => [
      s.database,
      s.people,
      s.endpoint,
      s.data,
      s.requests,
      s.p50,
      s.p95,
      s.max,
      s.answer,
      s.bad,
      s.p95 < GOAL_P95_MS ? 'yes' : 'NO',
    ]),
    notes: [
      'paths under /api/v1; each GET after one checked request (200, non-empty) and a warm-up; default page sizes (50)',
      'calendar week: today −3 … +3 days; month: today −15 … +14 days (Thai days); an answer holds at most 2,000 visits (truncated beyond)',
      'totals: this calendar year up to today (the default period); inbox counts: visits today / referrals to accept / overdue / rides to accept',
      'every read and write is audited as in production (audit_log grows by one row per request)',
    ],
  };
}
