/** The tables of the `reports` benchmark (bench/reports.ts) and the samples they are made from. */
import type { DatabaseKind } from './options.ts';
import type { ReportRequest } from './reportClient.ts';
import { WELLBEING } from './screeningData.ts';
import { median, percentile, round } from './stats.ts';
import type { Table } from './table.ts';

/** The goal: a province of 1.5 million people, 12 monthly screenings each, p95 < 300 ms on PostgreSQL. */
export const GOAL_P95_MS = 300;
export const GOAL_PEOPLE = 1_500_000;

export interface LoadSample {
  database: DatabaseKind;
  areaCode: string;
  people: number;
  households: number;
  villages: number;
  screenings: number;
  registryMs: number;
  screeningsMs: number;
  /** report_dirty after the load, before the server starts: rows and distinct people. */
  queuedRows: number;
  queuedLeaves: number;
  readyMs: number;
  /** From spawn until the rollups are built: see the table notes for how, per database. */
  builtMs: number | null;
  firstReportMs: number | null;
  /** Whether the first report already counted every person and screening loaded. */
  firstComplete: boolean | null;
  reportCells: number | null;
  sizes: Record<string, string>;
}

export interface LatencySample {
  database: DatabaseKind;
  scope: string;
  request: ReportRequest;
  requests: number;
  p50: number;
  p95: number;
  max: number;
  bad: number;
}

export interface LivenessSample {
  database: DatabaseKind;
  village: string;
  month: string;
  postMs: number[];
  visibleMs: number[];
  polls: number[];
}

export function buildTable(loads: readonly LoadSample[], yearBE: number): Table {
  return {
    title: `Well-being report data (${yearBE}) and rollup build after a bulk load`,
    columns: [
      'database',
      'area',
      'people',
      'households',
      'villages',
      'screenings',
      'load people s',
      'load screenings s',
      'queued rows',
      'queued people',
      'spawn → ready ms',
      'spawn → rollups built ms',
      'first report ms',
      'first complete',
      'report_cell rows',
      'screening size',
      'report_cell size',
    ],
    rows: loads.map((l) => [
      l.database,
      l.areaCode,
      l.people,
      l.households,
      l.villages,
      l.screenings,
      round(l.registryMs / 1000, 1),
      round(l.screeningsMs / 1000, 1),
      l.queuedRows,
      l.queuedLeaves,
      l.readyMs,
      l.builtMs,
      l.firstReportMs,
      l.firstComplete === null ? null : l.firstComplete ? 'yes' : 'no',
      l.reportCells,
      l.sizes.screening ?? null,
      l.sizes.report_cell ?? null,
    ]),
    notes: [
      `${WELLBEING} screenings for every month of ${yearBE} that has begun, never after now (this month: those screened so far, one person in 50 left for the liveness test)`,
      'rows loaded with multi-row INSERTs, no server running, so the statement triggers queue them as in production; queued = report_dirty after the load',
      'rollups built, PostgreSQL: from spawning the server until report_dirty is empty (polled every 100 ms over SQL, no report requested meanwhile); the first report is sent after that and must count everything loaded',
      'rollups built, PGlite (nothing else may open its files): from spawn until a year report of the whole area counts every person and screening loaded, read every 100 ms from when the server is ready (each read also drains the queue for a while); an upper bound',
      'first report: the year report of the whole loaded area (province; PGlite: subdistrict), sent as soon as the server is ready (PGlite) or the queue is empty (PostgreSQL); complete = it already counted everything loaded',
    ],
  };
}

export function latencyTable(samples: readonly LatencySample[], loads: readonly LoadSample[]): Table {
  const people = (db: DatabaseKind) => loads.find((l) => l.database === db)?.people ?? 0;
  return {
    title: 'GET /api/v1/reports/wellbeing latency, one request at a time',
    columns: [
      'database',
      'people',
      'scope',
      'area',
      'period',
      'by',
      'requests',
      'p50 ms',
      'p95 ms',
      'max ms',
      'bad',
      `p95 < ${GOAL_P95_MS} ms`,
    ],
    rows: samples.map((s) => [
      s.database,
      people(s.database),
      s.scope,
      s.request.area,
      s.request.month === undefined ? `year ${s.request.yearBE}` : `month ${s.request.month}`,
      s.request.by,
      s.requests,
      s.p50,
      s.p95,
      s.max,
      s.bad,
      s.database === 'postgres' ? (s.p95 < GOAL_P95_MS ? 'yes' : 'NO') : null,
    ]),
    notes: [
      `the goal is for ${GOAL_PEOPLE.toLocaleString('en-US')} people in a province on PostgreSQL; compare the people column`,
      'PGlite loads one subdistrict: its province and district reports cover that subdistrict only',
      'reader: an area admin of the province; each case after a checked request and a warm-up; rollups already built',
    ],
  };
}

export function livenessTable(samples: readonly LivenessSample[]): Table {
  const p = (values: readonly number[], q: number) => round(percentile(Float64Array.from(values).sort(), q));
  return {
    title: 'Liveness: POST a screening → counted in its village report',
    columns: [
      'database',
      'village',
      'month',
      'tries',
      'POST p50 ms',
      'visible p50 ms',
      'visible max ms',
      'reads p50',
      'reads max',
    ],
    rows: samples.map((s) => [
      s.database,
      s.village,
      s.month,
      s.visibleMs.length,
      p(s.postMs, 50),
      p(s.visibleMs, 50),
      p(s.visibleMs, 100),
      median(s.polls),
      p(s.polls, 100),
    ]),
    notes: [
      'visible: from sending POST /api/v1/persons/:id/screenings until the village month report counts one more screened person (read every 50 ms after the POST answers)',
      'each try on a different person not yet screened this month',
    ],
  };
}
