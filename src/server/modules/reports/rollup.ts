import { performance } from 'node:perf_hooks';
import { eq, inArray, type SQL, sql } from 'drizzle-orm';
import type { FastifyBaseLogger } from 'fastify';
import { cellSignature } from '../../../core/reports/cells.ts';
import { bangkokYear } from '../../../core/screenings/month.ts';
import type { Db } from '../../db/client.ts';
import { reportCells, reportDirty, reportMeta, reportPersons } from '../../db/schema.ts';
import { addLeaf, moveShares } from './shares.ts';

/** Event-loop utilisation above which the server counts as busy serving requests. */
const BUSY_LOOP = 0.5;
/** While busy, the timer still works a little this often, so the queue never stalls. */
const MAX_DEFER_MS = 5000;
const BUSY_STEP_PEOPLE = 50;
/** Work per tick when idle: then the timer looks again whether requests came in meanwhile. */
const IDLE_BUDGET_MS = 1000;
/** The pause between idle ticks while work is left: long enough to see whether requests come. */
const AGAIN_MS = 20;

/** One rollup writer at a time across every server process on the database. */
const LOCK_KEY = 72_110_007;

export interface RollupOptions {
  /** How often the worker looks at the queue. */
  pollMs?: number;
  /** People moved per transaction: bounds how long one holds the lock (and PGlite's only connection). */
  peoplePerStep?: number;
}

/**
 * Keeps `report_cell` current (issue 7). Triggers queue the people whose rows changed; this moves
 * each one's share of the cells from their stored state to their rows (`moveShares`) in their
 * village, subdistrict, district and province. A report drains the queue before it reads, so what
 * was written before it is counted; the timer keeps the queue short in between. Cells built with
 * another slot list, or before this year began, are rebuilt from every person.
 */
export class ReportRollup {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<unknown> = Promise.resolve();
  private verifiedYear: number | null = null;
  private stopped = true;
  private lastRun = 0;
  private lastLoop = performance.eventLoopUtilization();

  constructor(
    private readonly db: Db,
    private readonly log: FastifyBaseLogger,
    private readonly options: RollupOptions = {},
  ) {}

  start() {
    this.stopped = false;
    this.schedule();
  }

  async stop() {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.running.catch(() => undefined);
  }

  /**
   * Moves every queued person's share; returns how many. With `budgetMs`, stops after that long (a
   * report then reads what is there rather than wait for a whole rebuild).
   */
  drain(budgetMs = Number.POSITIVE_INFINITY, peoplePerStep?: number): Promise<number> {
    // Serialized in this process: a report's drain and the timer's never interleave.
    const next = this.running.catch(() => undefined).then(() => this.drainNow(budgetMs, peoplePerStep));
    this.running = next;
    return next;
  }

  /**
   * The timer gives way to requests: while the event loop is busy (a burst of screenings from a
   * synced phone queue), it works one small step at most every `MAX_DEFER_MS`, so capture keeps its
   * speed; the queue only holds person ids, and a report drains it before reading anyway.
   */
  private schedule(delayMs = this.options.pollMs ?? 250) {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      const busy = this.loopBusy();
      const now = performance.now();
      if (busy && now - this.lastRun < MAX_DEFER_MS) return this.schedule();
      this.lastRun = now;
      let more = false;
      this.drain(busy ? 0 : IDLE_BUDGET_MS, busy ? BUSY_STEP_PEOPLE : undefined)
        .then((n) => {
          // Idle with work left (a rebuild): go on almost at once, looking at the load in between.
          more = n > 0 && !busy;
        })
        .catch((err: unknown) =>
          this.log.error({ errName: (err as Error)?.name, err }, 'report rollup failed'),
        )
        .finally(() => {
          this.lastLoop = performance.eventLoopUtilization();
          this.schedule(more ? AGAIN_MS : undefined);
        });
    }, delayMs);
  }

  /** Whether the event loop was mostly busy since the last look. */
  private loopBusy(): boolean {
    const since = performance.eventLoopUtilization(this.lastLoop);
    this.lastLoop = performance.eventLoopUtilization();
    return since.utilization > BUSY_LOOP;
  }

  private async drainNow(budgetMs: number, people?: number): Promise<number> {
    const started = performance.now();
    let done = 0;
    for (;;) {
      const n = await this.step(people);
      done += n;
      if (n === 0 || performance.now() - started >= budgetMs) return done;
    }
  }

  /**
   * Whether some figures are still being counted: a rebuild is walking the registry, or changes are
   * queued that the last drain's budget did not reach. A report says so rather than look final.
   */
  async pending(): Promise<boolean> {
    const [meta] = await this.db.select().from(reportMeta).where(eq(reportMeta.key, 'cells'));
    if (!meta || (meta.value as RollupMeta).rebuild !== null) return true;
    const queued = await this.db.select({ id: reportDirty.personId }).from(reportDirty).limit(1);
    return queued.length > 0;
  }

  /** One transaction: take some queued people and move their shares. */
  private async step(peoplePerStep = this.options.peoplePerStep ?? 500): Promise<number> {
    const year = bangkokYear(new Date());
    if (this.verifiedYear === year) {
      const queued = await this.db.select({ id: reportDirty.personId }).from(reportDirty).limit(1);
      if (queued.length === 0) return 0;
    }
    return this.db.transaction(async (txn) => {
      const tx = txn as unknown as Db;
      await tx.execute(sql`select pg_advisory_xact_lock(${LOCK_KEY})`);
      const meta = await this.ensureCurrent(tx, year);
      if (meta.rebuild) return rebuildStep(tx, meta);
      const ids = (
        await tx.selectDistinct({ id: reportDirty.personId }).from(reportDirty).limit(peoplePerStep)
      ).map((r) => r.id);
      if (ids.length === 0) return 0;
      await tx.delete(reportDirty).where(inArray(reportDirty.personId, ids));
      await moveShares(tx, ids, year);
      return ids.length;
    });
  }

  /**
   * Starts a rebuild when the cells were made with another slot list or for an earlier year: the
   * cells and states are emptied, and `rebuildStep` walks every person again, subdistrict by
   * subdistrict. Changes queued meanwhile are moved once the walk is over.
   */
  private async ensureCurrent(db: Db, year: number): Promise<RollupMeta> {
    const [row] = await db.select().from(reportMeta).where(eq(reportMeta.key, 'cells'));
    const current = row?.value as RollupMeta | undefined;
    if (current?.signature === cellSignature && current.lastYear === year) {
      this.verifiedYear = current.rebuild ? null : year;
      return current;
    }
    this.log.info(
      { signature: cellSignature, lastYear: year, before: current ?? null },
      'rebuilding the report rollup',
    );
    await db.delete(reportCells);
    await db.delete(reportPersons);
    await db.delete(reportDirty);
    const meta: RollupMeta = {
      signature: cellSignature,
      lastYear: year,
      rebuild: { area: '', village: '' },
    };
    await saveMeta(db, meta);
    this.verifiedYear = null;
    return meta;
  }
}

interface RollupMeta {
  signature: string;
  lastYear: number;
  /** While rebuilding: the last leaf done (subdistrict, village or `NO_VILLAGE`; '' before the first). */
  rebuild: { area: string; village: string } | null;
}

async function saveMeta(db: Db, value: RollupMeta) {
  await db
    .insert(reportMeta)
    .values({ key: 'cells', value })
    .onConflictDoUpdate({ target: reportMeta.key, set: { value } });
}

/** In the walk, the no-village people of a subdistrict: before its villages ('!' < any digit). */
const NO_VILLAGE = '!';

/**
 * The next leaf of the rebuild walk (subdistrict by subdistrict, people with no village first),
 * whole; returns how many people (at least 1 until the walk is over).
 */
async function rebuildStep(db: Db, meta: RollupMeta): Promise<number> {
  const at = meta.rebuild as NonNullable<RollupMeta['rebuild']>;
  const next = await nextLeaf(db, at.area, at.village);
  if (!next) {
    await saveMeta(db, { ...meta, rebuild: null });
    return 1;
  }
  const n = await addLeaf(db, next.area, next.village === NO_VILLAGE ? null : next.village, meta.lastYear);
  await saveMeta(db, { ...meta, rebuild: next });
  return Math.max(n, 1);
}

/**
 * The leaf after (area, village) in walk order ('' = nothing of the area done yet), by index
 * probes on person (area_code, village_code), however many areas are empty.
 */
async function nextLeaf(
  db: Db,
  area: string,
  village: string,
): Promise<{ area: string; village: string } | null> {
  const one = async (query: SQL) =>
    ((await db.execute(query)) as unknown as { rows: { v: string | null }[] }).rows[0]?.v ?? null;
  let current = area;
  let after = village;
  for (;;) {
    if (current !== '') {
      if (after === '') {
        const none = await one(
          sql`select 'x' as v from person where area_code = ${current} and village_code is null limit 1`,
        );
        if (none) return { area: current, village: NO_VILLAGE };
      }
      const v = await one(sql`select min(village_code) as v from person
        where area_code = ${current} and village_code > ${after === NO_VILLAGE ? '' : after}`);
      if (v) return { area: current, village: v };
    }
    const a = await one(sql`select min(area_code) as v from person where area_code > ${current}`);
    if (!a) return null;
    current = a;
    after = '';
  }
}
