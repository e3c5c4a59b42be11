import { loadavg } from 'node:os';
import { DEFAULT_AS_OF } from './generate/population.ts';
import { loadReferenceAreas } from './generate/reference.ts';
import { type Benchmark, type BenchReport, errorMessage } from './lib/benchmark.ts';
import { buildImportCsv, type ImportFile } from './lib/importCsv.ts';
import { addBenchUser, loginSession, openBenchDatabase } from './lib/installation.ts';
import type { DatabaseKind } from './lib/options.ts';
import { type RunningServer, startServer } from './lib/server.ts';
import { percentile, round } from './lib/stats.ts';
import type { Table } from './lib/table.ts';
import { freshTarget, type Target } from './lib/target.ts';

/** The goal of issue 3: at least 5,000 rows a second through the import, on PostgreSQL. */
const GOAL_ROWS_PER_SEC = 5000;
const DISTRICT = '9015';
/** The job's own subdistrict (ป่าขาด); the rows carry their own subdistrict codes, all in the district. */
const JOB_AREA = '901508';
const SEED = 3;
const POLL_MS = 500;

type Phase = 'dry-run' | 'commit' | 're-import';
const PHASES: readonly Phase[] = ['dry-run', 'commit', 're-import'];

interface JobView {
  id: string;
  status: 'queued' | 'running' | 'done' | 'failed';
  total: number;
  processed: number;
  created: number;
  updated: number;
  unchanged: number;
  errorCount: number;
  failure: string | null;
  startedAt: string | null;
  finishedAt: string | null;
  errors: { row: number; column: string | null; code: string; message: string }[];
}

interface ImportSample {
  database: DatabaseKind;
  phase: Phase;
  rows: number;
  fileMb: number;
  /** POST accepted → the poll that saw `done`. */
  wallSec: number;
  uploadMs: number;
  /** The job's own started → finished (server clock). */
  jobSec: number | null;
  rowsPerSec: number | null;
  job: Omit<JobView, 'errors'>;
  firstErrors: JobView['errors'];
  /** GET /api/v1/imports/:id while the job ran: the wait any other request has meanwhile. */
  pollMs: { count: number; p50: number; p95: number; max: number };
  /** processed rows over time, every poll. */
  progress: [seconds: number, processed: number][];
  /** The machine's 1-minute load average when the file was sent and when the job was seen done. */
  load: { start: number; end: number };
  personsAfter: number | null;
}

/**
 * Bulk import throughput through the real endpoint: a 100,000-row file in our template (the template's
 * header row fetched from GET /api/v1/imports/template, rows from the synthetic generator with the labels
 * staff type) uploaded to POST /api/v1/imports, then GET /api/v1/imports/:id polled until done. Three
 * jobs in turn, as the UI runs them: a dry run, the commit, and the same file again (nothing new).
 */
export const registryImportBenchmark: Benchmark = {
  name: 'registry-import',
  description: 'POST /api/v1/imports, 100,000-row CSV (toemsuk-persons): dry run, commit, re-import; rows/s',
  async run(ctx): Promise<BenchReport> {
    const people = ctx.options.quick ? 5000 : 100_000;
    const areas = await loadReferenceAreas();
    const samples: ImportSample[] = [];
    const failures: string[] = [];
    for (const database of ctx.options.databases) {
      const log = (m: string) => ctx.log(`registry-import: ${database}, ${m}`);
      let target: Target | null = null;
      let server: RunningServer | null = null;
      try {
        target = await freshTarget(database);
        log('creating the installation');
        await (await startServer(target.env)).stop();
        server = await startServer(target.env);
        const admin = await loginSession(server.baseUrl, target.env.adminUsername, target.env.adminPassword);
        const template = await fetch(
          `${server.baseUrl}/api/v1/imports/template?format=toemsuk-persons&type=csv`,
          { headers: { cookie: admin.cookie }, signal: AbortSignal.timeout(30_000) },
        );
        if (template.status !== 200) throw new Error(`the template answered ${template.status}`);
        log(`building a ${people.toLocaleString('en-US')}-row file from the template`);
        const file = buildImportCsv(await template.text(), areas, {
          areaCode: DISTRICT,
          people,
          seed: SEED,
          asOf: DEFAULT_AS_OF,
        });

        // The district's villages registered and an area admin for the district, straight in the database.
        if (database === 'pglite') {
          await server.stop();
          server = null;
        }
        const password = 'bench-importer-password';
        {
          const db = await openBenchDatabase(target);
          try {
            await db.sql.query(
              `insert into area (code, level, parent_code, village_no, name_th)
               select code, 'village', parent, no, name
                 from unnest($1::text[], $2::text[], $3::int[], $4::text[]) as v(code, parent, no, name)
               on conflict (code) do nothing`,
              [
                file.villages.map((v) => v.code),
                file.villages.map((v) => v.subdistrictCode),
                file.villages.map((v) => v.villageNo),
                file.villages.map((v) => v.nameTh),
              ],
            );
            await addBenchUser(db.sql, {
              username: 'bench-importer',
              password,
              roles: ['area_admin'],
              areaCodes: [DISTRICT],
            });
          } finally {
            await db.close();
          }
        }
        server ??= await startServer(target.env);
        const session = await loginSession(server.baseUrl, 'bench-importer', password);

        for (const phase of PHASES) {
          log(`${phase}: uploading ${round(file.csv.length / 1024 ** 2, 1)} MB`);
          const sample = await runImport(server.baseUrl, session, file, phase, database, people, log);
          samples.push(sample);
          const expected = { 'dry-run': 0, commit: file.rows, 're-import': 0 }[phase];
          if (sample.job.status !== 'done') {
            failures.push(
              `registry-import on ${database} (${phase}): ${sample.job.status} — ${sample.job.failure}`,
            );
          } else if (sample.job.errorCount > 0) {
            failures.push(
              `registry-import on ${database} (${phase}): ${sample.job.errorCount} row errors, first ` +
                JSON.stringify(sample.firstErrors.slice(0, 3)),
            );
          } else if (phase !== 'dry-run' && sample.job.created !== expected) {
            failures.push(
              `registry-import on ${database} (${phase}): created ${sample.job.created}, expected ${expected}`,
            );
          }
        }
        // The registry itself, counted from outside: every row landed once.
        if (database === 'pglite') {
          await server.stop();
          server = null;
        }
        const db = await openBenchDatabase(target);
        try {
          const { rows } = await db.sql.query<{ n: number }>('select count(*)::int as n from person');
          const n = Number(rows[0]?.n ?? Number.NaN);
          for (const s of samples.filter((x) => x.database === database)) s.personsAfter = n;
          if (n !== file.rows)
            failures.push(`registry-import on ${database}: ${n} persons after, expected ${file.rows}`);
        } finally {
          await db.close();
        }
      } catch (err) {
        failures.push(`registry-import on ${database}: ${errorMessage(err)}`);
      } finally {
        await server?.stop();
        await target?.dispose();
      }
    }
    return { tables: [throughputTable(samples), pollTable(samples)], failures, data: samples };
  },
};

async function runImport(
  baseUrl: string,
  session: { cookie: string; csrfToken: string },
  file: ImportFile,
  phase: Phase,
  database: DatabaseKind,
  people: number,
  log: (m: string) => void,
): Promise<ImportSample> {
  const form = new FormData();
  form.set('format', 'toemsuk-persons');
  form.set('areaCode', JOB_AREA);
  form.set('mode', phase === 'dry-run' ? 'dry-run' : 'commit');
  form.set('file', new Blob([new Uint8Array(file.csv)], { type: 'text/csv' }), 'registry-9015.csv');
  const headers = { cookie: session.cookie, 'x-csrf-token': session.csrfToken };
  const loadAtStart = loadavg()[0]!;
  const posted = performance.now();
  const res = await fetch(`${baseUrl}/api/v1/imports`, {
    method: 'POST',
    headers,
    body: form,
    signal: AbortSignal.timeout(120_000),
  });
  const body = await res.text();
  if (res.status !== 202)
    throw new Error(`POST /api/v1/imports answered ${res.status}: ${body.slice(0, 400)}`);
  const uploadMs = performance.now() - posted;
  const { id } = JSON.parse(body) as { id: string };

  // Bounded: a generous floor of 200 rows/s, and never more than 45 minutes.
  const deadline = Date.now() + Math.min(45 * 60_000, 120_000 + (people / 200) * 1000);
  const polls: number[] = [];
  const progress: [number, number][] = [];
  let job: JobView | null = null;
  let lastLogged = 0;
  while (Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, POLL_MS));
    const started = performance.now();
    const poll = await fetch(`${baseUrl}/api/v1/imports/${id}`, {
      headers,
      signal: AbortSignal.timeout(60_000),
    });
    const text = await poll.text();
    polls.push(performance.now() - started);
    if (poll.status !== 200)
      throw new Error(`GET /api/v1/imports/${id} answered ${poll.status}: ${text.slice(0, 300)}`);
    job = JSON.parse(text) as JobView;
    const seconds = (performance.now() - posted) / 1000;
    progress.push([round(seconds, 1), job.processed]);
    if (seconds - lastLogged >= 10) {
      lastLogged = seconds;
      log(
        `${phase}: ${job.status}, ${job.processed.toLocaleString('en-US')} / ${job.total.toLocaleString('en-US')} rows, ${seconds.toFixed(0)} s`,
      );
    }
    if (job.status === 'done' || job.status === 'failed') break;
  }
  if (!job) throw new Error('no poll answered');
  if (job.status !== 'done' && job.status !== 'failed')
    throw new Error(`${phase} still ${job.status} at the deadline`);
  const wallSec = (performance.now() - posted) / 1000;
  const jobSec =
    job.startedAt && job.finishedAt ? (Date.parse(job.finishedAt) - Date.parse(job.startedAt)) / 1000 : null;
  const sorted = Float64Array.from(polls).sort();
  const { errors, ...summary } = job;
  return {
    database,
    phase,
    rows: file.rows,
    fileMb: round(file.csv.length / 1024 ** 2, 1),
    wallSec: round(wallSec, 1),
    uploadMs: round(uploadMs),
    jobSec: jobSec === null ? null : round(jobSec, 1),
    rowsPerSec: jobSec ? round(job.processed / jobSec) : null,
    job: summary,
    firstErrors: errors.slice(0, 20),
    pollMs: {
      count: polls.length,
      p50: round(percentile(sorted, 50), 1),
      p95: round(percentile(sorted, 95), 1),
      max: round(sorted[sorted.length - 1] ?? Number.NaN, 1),
    },
    progress,
    load: { start: round(loadAtStart, 2), end: round(loadavg()[0]!, 2) },
    personsAfter: null,
  };
}

function throughputTable(samples: readonly ImportSample[]): Table {
  return {
    title: 'POST /api/v1/imports (toemsuk-persons CSV), one job at a time',
    columns: [
      'database',
      'job',
      'rows',
      'file MB',
      'upload ms',
      'job s',
      'rows/s',
      'wall s',
      'created',
      'updated',
      'unchanged',
      'errors',
      'status',
      `≥ ${GOAL_ROWS_PER_SEC.toLocaleString('en-US')}/s`,
      'load 1m',
    ],
    rows: samples.map((s) => [
      s.database,
      s.phase,
      s.rows,
      s.fileMb,
      s.uploadMs,
      s.jobSec,
      s.rowsPerSec,
      s.wallSec,
      s.job.created,
      s.job.updated,
      s.job.unchanged,
      s.job.errorCount,
      s.job.status,
      s.rowsPerSec === null ? null : s.rowsPerSec >= GOAL_ROWS_PER_SEC ? 'yes' : 'NO',
      `${s.load.start} → ${s.load.end}`,
    ]),
    notes: [
      "job s: the job's startedAt → finishedAt (the worker's time); rows/s = processed rows / job s",
      'wall s: from sending the file to the poll that saw it done (includes the upload and up to one 0.5 s poll)',
      "load 1m: the machine's 1-minute load average when the file was sent → when the job was seen done",
    ],
  };
}

function pollTable(samples: readonly ImportSample[]): Table {
  return {
    title: 'Other requests during an import: GET /api/v1/imports/:id every 0.5 s',
    columns: ['database', 'job', 'polls', 'p50 ms', 'p95 ms', 'max ms'],
    rows: samples.map((s) => [s.database, s.phase, s.pollMs.count, s.pollMs.p50, s.pollMs.p95, s.pollMs.max]),
  };
}
