import { and, eq, sql } from 'drizzle-orm';
import type { FastifyBaseLogger, FastifyInstance } from 'fastify';
import type { Actor } from '../../../core/policy/index.ts';
import { thaiToday } from '../../../core/thai/birthDate.ts';
import type { Db } from '../../db/client.ts';
import { importJobs } from '../../db/schema.ts';
import type { DetailCode } from '../../http/messages.ts';
import { audit } from '../audit/service.ts';
import { NationalIdVault } from '../persons/nationalIdVault.ts';
import { uniqueViolation } from '../persons/service.ts';
import { actorOf, findUserById } from '../users/repo.ts';
import { applyChunk, type ChunkResult, type PreviewRow } from './apply.ts';
import { AreaResolver } from './areaCache.ts';
import { analyzePersons, insertErrors, personStatsRows } from './bulk.ts';
import { type ColumnMapping, type ImportFormat, readerFor } from './formats/index.ts';
import { fileShape, MalformedFile, readRows } from './parse.ts';
import { attachWorker, contextOf } from './registry.ts';
import { claimJob, failJob, finishJob, type JobInfo, type JobRow, releaseJob, setTotal } from './repo.ts';
import { type PreparedRow, prepareRow, type RowContext, type RowError, type RowInput } from './rows.ts';

export const PREVIEW_ROWS = 50;

/** Points where tests can stop a job the way a killed server would. */
export interface WorkerHooks {
  /** Inside a chunk's transaction, after its writes: 'crash' rolls the chunk back and walks away. */
  beforeCommit?(info: { jobId: string; chunk: number }): 'crash' | undefined;
  /** After a chunk committed: 'abandon' leaves the job `running`, its heartbeat going stale. */
  afterCommit?(info: { jobId: string; chunk: number }): 'abandon' | undefined;
}

export interface WorkerOptions {
  /** How often an idle worker looks for queued jobs (uploads also wake it at once). */
  pollMs?: number;
  /** A running job whose heartbeat is older than this lost its worker, and is resumed. */
  staleMs?: number;
  /** Rows per transaction. */
  chunkSize?: number;
  /**
   * Prepare the next chunk while the current chunk's transaction runs (default true). Off on
   * PGlite: its queries run on this same thread, so nothing would overlap, and the open
   * transaction would only be held longer while other requests wait for it.
   */
  pipeline?: boolean;
  hooks?: WorkerHooks;
}

class Abandon extends Error {}
/** Another worker took the job over (ours was thought dead): stop without touching it. */
class LeaseLost extends Error {}

interface Progress {
  processed: number;
  preview: PreviewRow[];
  chunks: number;
}

/**
 * Runs import jobs in the server process, one at a time, in chunks of rows:
 * each chunk's person writes, row errors and progress commit in one
 * transaction, so a job killed at any point resumes from `processed` with no
 * row applied twice. Between chunks it yields to the event loop, so requests
 * keep being served during a 100k-row import.
 */
export class ImportWorker {
  private readonly pollMs: number;
  private readonly staleMs: number;
  private readonly chunkSize: number;
  private timer: NodeJS.Timeout | null = null;
  private busy: Promise<void> | null = null;
  private running = false;
  private stopping = false;
  private wanted = false;

  constructor(
    private readonly db: Db,
    private readonly vault: NationalIdVault,
    private readonly log: FastifyBaseLogger,
    private readonly options: WorkerOptions = {},
  ) {
    this.pollMs = options.pollMs ?? 1000;
    this.staleMs = options.staleMs ?? 60_000;
    this.chunkSize = options.chunkSize ?? 1000;
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.stopping = false;
    this.schedule(0);
  }

  /** Finishes the chunk in hand, hands the job back to the queue, and stops polling. */
  async stop(): Promise<void> {
    this.running = false;
    this.stopping = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.busy;
    this.stopping = false;
  }

  /** A job was queued: look now rather than at the next poll. */
  kick(): void {
    if (!this.running) return;
    if (this.busy) {
      this.wanted = true;
      return;
    }
    this.schedule(0);
  }

  /** Runs queued (and stale) jobs until there are none; returns how many ran. Tests call this directly. */
  async drain(): Promise<number> {
    let n = 0;
    while (!this.stopping && (await this.runOnce())) n++;
    return n;
  }

  async runOnce(): Promise<boolean> {
    const job = await claimJob(this.db, this.staleMs);
    if (!job) return false;
    await this.process(job);
    return true;
  }

  private schedule(ms: number) {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      this.busy = this.drain()
        .then(() => undefined)
        .catch((err: unknown) =>
          this.log.error({ errName: (err as Error)?.name }, 'import worker poll failed'),
        )
        .finally(() => {
          this.busy = null;
          if (this.running) this.schedule(this.wanted ? 0 : this.pollMs);
          this.wanted = false;
        });
    }, ms);
    this.timer.unref();
  }

  private async process(job: JobRow): Promise<void> {
    const user = job.createdBy ? await findUserById(this.db, job.createdBy) : undefined;
    if (!user || user.disabled) return this.fail(job, null, 'import_actor_gone');
    const actor = actorOf(user);
    const shape = fileShape(job.content);
    if (!shape) return this.fail(job, actor, 'import_file_type');
    this.log.info({ importId: job.id, mode: job.mode, resumeAt: job.processed }, 'import started');
    try {
      if (job.total === 0 && job.processed === 0) {
        job.total = await countDataRows(job.content, shape);
        await setTotal(this.db, job.id, job.total);
      }
      const progress: Progress = {
        processed: job.processed,
        preview: (job.preview as PreviewRow[]) ?? [],
        chunks: 0,
      };
      const finished = await this.run(job, actor, shape, progress);
      if (finished) await this.finish(job.id, actor);
    } catch (err) {
      if (err instanceof Abandon || err instanceof LeaseLost) return;
      if (err instanceof MalformedFile)
        return this.fail(job, actor, 'import_file_malformed', { row: err.row });
      // Names, IDs and row contents never reach the log: only what kind of failure it was.
      const e = err as { name?: string; code?: string; cause?: { code?: string } };
      this.log.error(
        { importId: job.id, errName: e?.name, pgCode: e?.cause?.code ?? e?.code },
        'import failed',
      );
      return this.fail(job, actor, 'import_failed');
    }
  }

  /**
   * True when every row was handled; false when the job was handed back or walked away from.
   *
   * Pipelined: while one chunk's transaction is at the database, the next chunk is read and
   * prepared (parsing, validation, encryption: the JavaScript half of the work), so the two halves
   * overlap instead of adding up. Transactions still run one after another, in file order, each
   * starting from the progress the previous one committed.
   */
  private async run(
    job: JobRow,
    actor: Actor,
    shape: NonNullable<ReturnType<typeof fileShape>>,
    progress: Progress,
  ): Promise<boolean> {
    const rows = readRows(job.content, shape);
    const head = await rows.next();
    if (head.done) return true;
    const reader = readerFor(
      job.format as ImportFormat,
      head.value.cells,
      job.mapping as ColumnMapping | null,
    );
    if (!reader.ok) throw new MalformedFile(head.value.row);
    const ctx: RowContext = {
      actor,
      vault: this.vault,
      today: thaiToday(),
      areas: new AreaResolver(this.db),
      defaultAreaCode: job.areaCode,
      // A dry run writes no one: the national IDs need their lookup hash, not their ciphertext.
      encrypt: job.mode === 'commit',
    };
    const seen: SeenKeys = { ids: new Map(), sourceKeys: new Map() };
    const claimed = new Map<string, number>();
    const stats = new PersonStats(this.db, this.log);
    await stats.start();
    /** The chunk whose transaction is running: true once committed, false when the job stopped. */
    let inFlight: Promise<boolean> | null = null;
    const hand = async (inputs: RowInput[]): Promise<boolean> => {
      const prepared = await prepareChunk(inputs, ctx, seen);
      if (inFlight && !(await inFlight)) return false;
      inFlight = this.runChunk(job, actor, prepared, claimed, progress, stats);
      if (this.options.pipeline === false) return inFlight;
      // Awaited before the next chunk starts; until then a failure must not count as unhandled.
      inFlight.catch(() => {});
      return true;
    };
    const skipping: RowContext = { ...ctx, encrypt: false };
    let index = 0;
    let chunk: RowInput[] = [];
    try {
      for await (const r of rows) {
        index++;
        const input = reader.read(r);
        if (index <= job.processed) {
          // Already applied before a restart: only remember its keys, so later duplicates are still caught.
          const p = await prepareRow(input, skipping);
          if (p.ok) claimKeys(p.value, seen);
          if (index % 2000 === 0) await yieldToEventLoop();
          continue;
        }
        chunk.push(input);
        if (chunk.length >= this.chunkSize) {
          if (!(await hand(chunk))) return false;
          chunk = [];
          await yieldToEventLoop();
        }
      }
      if (chunk.length > 0 && !(await hand(chunk))) return false;
      return inFlight ? await inFlight : true;
    } catch (err) {
      // The file broke (or a chunk failed) with a chunk still at the database: let it settle first.
      await (inFlight as Promise<boolean> | null)?.catch(() => false);
      throw err;
    }
  }

  private async runChunk(
    job: JobRow,
    actor: Actor,
    chunk: PreparedChunk,
    claimed: Map<string, number>,
    progress: Progress,
    stats: PersonStats,
  ): Promise<boolean> {
    const { size, valid, rowErrors, failedRows } = chunk;
    const chunkNo = progress.chunks + 1;
    const dryRun = job.mode !== 'commit';
    let result: ChunkResult | undefined;
    // A registration by hand of the same ID at the same moment makes the chunk fail on the unique index: look again.
    for (let attempt = 1; !result; attempt++) {
      try {
        result = await this.db.transaction(async (tx) => {
          const res = await applyChunk(tx, {
            jobId: job.id,
            commit: !dryRun,
            actor,
            rows: valid,
            claimed,
            previewRoom: dryRun ? PREVIEW_ROWS - progress.preview.length : 0,
          });
          const errors = [...rowErrors, ...res.errors];
          await insertErrors(
            tx,
            errors.map((e) => ({
              importId: job.id,
              row: e.row,
              column: e.column,
              // The params of the message code, so it can be rendered in the reader's language.
              message: JSON.stringify(e.params ?? {}),
              code: e.code,
            })),
          );
          const errorRows = failedRows + new Set(res.errors.map((e) => e.row)).size;
          if (res.created + res.updated + res.unchanged + errorRows !== size) {
            throw new Error('import chunk accounting does not add up');
          }
          if (this.options.hooks?.beforeCommit?.({ jobId: job.id, chunk: chunkNo }) === 'crash')
            throw new Abandon();
          const moved = await tx
            .update(importJobs)
            .set({
              processed: sql`${importJobs.processed} + ${size}`,
              created: sql`${importJobs.created} + ${res.created}`,
              updated: sql`${importJobs.updated} + ${res.updated}`,
              unchanged: sql`${importJobs.unchanged} + ${res.unchanged}`,
              errorCount: sql`${importJobs.errorCount} + ${errorRows}`,
              heartbeatAt: sql`now()`,
              ...(res.preview.length > 0 ? { preview: [...progress.preview, ...res.preview] } : {}),
            })
            .where(
              and(
                eq(importJobs.id, job.id),
                eq(importJobs.processed, progress.processed),
                eq(importJobs.status, 'running'),
              ),
            )
            .returning({ id: importJobs.id });
          if (moved.length === 0) throw new LeaseLost();
          return res;
        });
      } catch (err) {
        if (attempt < 3 && uniqueViolation(err)) continue;
        throw err;
      }
    }
    progress.processed += size;
    progress.preview.push(...result.preview);
    progress.chunks = chunkNo;
    for (const [id, row] of result.claims) claimed.set(id, row);
    if (result.created > 0 && !dryRun) await stats.grew(result.created);
    if (this.options.hooks?.afterCommit?.({ jobId: job.id, chunk: chunkNo }) === 'abandon') return false;
    if (this.stopping) {
      await releaseJob(this.db, job.id);
      return false;
    }
    return true;
  }

  private async finish(jobId: string, actor: Actor) {
    const done = await this.db.transaction(async (tx) => {
      const row = await finishJob(tx, jobId);
      if (row) await auditFinish(tx, actor, row, 'ok');
      return row;
    });
    if (done) {
      const { total, created, updated, unchanged, errorCount } = done;
      this.log.info({ importId: jobId, total, created, updated, unchanged, errorCount }, 'import finished');
    }
  }

  private async fail(
    job: JobRow,
    actor: Actor | null,
    code: DetailCode,
    params: Record<string, number> = {},
  ) {
    await this.db.transaction(async (tx) => {
      const failed = await failJob(tx, job.id, JSON.stringify({ code, params }));
      if (failed) await auditFinish(tx, actor, failed, 'failed');
    });
  }
}

/** Counts only: never a name, an ID or a row. */
async function auditFinish(db: Db, actor: Actor | null, job: JobInfo, outcome: 'ok' | 'failed') {
  await audit(db, actor, {
    action: 'import.finish',
    entity: 'import',
    entityId: job.id,
    areaCode: job.areaCode,
    outcome,
    detail: {
      mode: job.mode,
      format: job.format,
      total: job.total,
      processed: job.processed,
      created: job.created,
      updated: job.updated,
      unchanged: job.unchanged,
      errorCount: job.errorCount,
    },
  });
}

/** The keys of the rows seen so far in the file, each with the row that claimed it first. */
interface SeenKeys {
  ids: Map<string, number>;
  sourceKeys: Map<string, number>;
}

/**
 * In-file duplicates: a row that repeats an earlier row's national ID or
 * source key is an error naming that row. A row claims its keys as soon as
 * it is valid on its own, which needs no database, so a resumed job rebuilds
 * exactly the same claims from the rows it skips.
 */
function claimKeys(r: PreparedRow, seen: SeenKeys): RowError | null {
  const byId = r.nationalIdHash ? seen.ids.get(r.nationalIdHash) : undefined;
  if (byId !== undefined)
    return { row: r.row, column: r.idColumn, code: 'import_duplicate_row', params: { row: byId } };
  const byKey = seen.sourceKeys.get(r.person.sourceKey);
  if (byKey !== undefined) {
    return { row: r.row, column: r.keyColumn, code: 'import_duplicate_row', params: { row: byKey } };
  }
  seen.sourceKeys.set(r.person.sourceKey, r.row);
  if (r.nationalIdHash) seen.ids.set(r.nationalIdHash, r.row);
  return null;
}

/**
 * Keeps the planner's figures for the person table roughly right while a job
 * grows it: counted at the start when never counted, then again each time the
 * job has added half as many people as were counted (at least 5,000), so a
 * 100,000-row import into an empty registry counts about seven times.
 */
class PersonStats {
  private counted = 0;
  private added = 0;

  constructor(
    private readonly db: Db,
    private readonly log: FastifyBaseLogger,
  ) {}

  async start(): Promise<void> {
    const rows = await personStatsRows(this.db);
    if (rows < 0) await this.count();
    else this.counted = rows;
  }

  async grew(by: number): Promise<void> {
    this.added += by;
    if (this.added >= Math.max(5000, this.counted / 2)) await this.count();
  }

  private async count(): Promise<void> {
    try {
      await analyzePersons(this.db);
      this.counted = Math.max(await personStatsRows(this.db), 0);
    } catch (err) {
      // Only a plan gets worse without it: the import goes on.
      this.log.warn({ errName: (err as Error)?.name }, 'import could not analyze the person table');
    }
    this.added = 0;
  }
}

/** Rows prepared between two looks at the event loop (a few milliseconds of work). */
const PREPARE_SLICE = 50;

/** A chunk's rows checked on their own (no database but the area cache): what its transaction writes. */
interface PreparedChunk {
  size: number;
  valid: PreparedRow[];
  rowErrors: RowError[];
  /** Rows refused here; each counts once however many problems it has. */
  failedRows: number;
}

async function prepareChunk(
  inputs: readonly RowInput[],
  ctx: RowContext,
  seen: SeenKeys,
): Promise<PreparedChunk> {
  const rowErrors: RowError[] = [];
  const valid: PreparedRow[] = [];
  let failedRows = 0;
  for (let i = 0; i < inputs.length; i++) {
    // Now and then back to the event loop: the transaction running meanwhile moves on to its next
    // statement only when its answer is read, and so do other requests (awaiting prepareRow alone
    // never lets I/O in: its promises are already resolved).
    if (i % PREPARE_SLICE === PREPARE_SLICE - 1) await yieldToEventLoop();
    const input = inputs[i]!;
    const p = await prepareRow(input, ctx);
    const problem = p.ok ? claimKeys(p.value, seen) : null;
    if (!p.ok) rowErrors.push(...p.errors);
    else if (problem) rowErrors.push(problem);
    else {
      valid.push(p.value);
      continue;
    }
    failedRows++;
  }
  return { size: inputs.length, valid, rowErrors, failedRows };
}

async function countDataRows(content: Buffer, shape: NonNullable<ReturnType<typeof fileShape>>) {
  let n = -1; // the header
  for await (const _ of readRows(content, shape)) {
    n++;
    if (n % 5000 === 0) await yieldToEventLoop();
  }
  return Math.max(n, 0);
}

const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Starts the worker for an app built with importRoutes (main.ts; tests pass
 * options and may drive it with drain() instead of `autoStart`).
 */
export function startImportWorker(
  app: FastifyInstance,
  options: WorkerOptions & { autoStart?: boolean } = {},
): ImportWorker {
  const ctx = contextOf(app);
  // PGlite runs one transaction at a time: smaller chunks keep other requests' waits short.
  const pglite = ctx.database.kind === 'pglite';
  // PostgreSQL: 2,500 rows, fewer statements and commits (3,461 vs 3,197 rows/s at 1,000 in a
  // 100,000-row commit, measured with bench/registryImport's file).
  const chunkSize = options.chunkSize ?? (pglite ? 250 : 2500);
  const worker = new ImportWorker(
    ctx.database.db,
    new NationalIdVault(ctx.secrets.encryptionKey),
    app.log.child({ module: 'imports' }),
    { ...options, chunkSize, pipeline: options.pipeline ?? !pglite },
  );
  attachWorker(app, worker);
  if (options.autoStart !== false) worker.start();
  return worker;
}
