import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { FastifyBaseLogger } from 'fastify';
import { WELLBEING_INSTRUMENT } from '../../../core/plans/screening.ts';
import {
  addCell,
  areaKeysOf,
  type Cell,
  cellSignature,
  emptyCell,
  leafCells,
  slots,
} from '../../../core/reports/cells.ts';
import type { ReportPerson, ReportScreening } from '../../../core/reports/expected.ts';
import { bangkokYear } from '../../../core/screenings/month.ts';
import type { Db } from '../../db/client.ts';
import { persons, reportCells, reportDirty, reportMeta, screenings } from '../../db/schema.ts';
import { isoOf } from '../screenings/iso.ts';

/** One rollup writer at a time across every server process on the database. */
const LOCK_KEY = 72_110_007;

export interface RollupOptions {
  /** How often the worker looks at the queue. */
  pollMs?: number;
  /** Leaves recomputed per transaction: bounds how long one holds the lock (and PGlite's only connection). */
  leavesPerStep?: number;
}

/**
 * Keeps `report_cell` current (issue 7). Triggers queue the leaves (villages) whose people or
 * screenings changed; this recomputes each queued leaf from its raw rows (`leafCells`), replaces
 * its cells and adds the difference into its subdistrict, district and province. A report drains
 * the queue before it reads, so what was written before it is counted; the timer keeps the queue
 * short in between. Cells built with another slot list, or before this year began, are rebuilt.
 */
export class ReportRollup {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<unknown> = Promise.resolve();
  private verifiedYear: number | null = null;
  private stopped = true;

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
   * Recomputes every queued leaf; returns how many. With `budgetMs`, stops after that long (a
   * report then reads what is there rather than wait for a whole rebuild).
   */
  drain(budgetMs = Number.POSITIVE_INFINITY): Promise<number> {
    // Serialized in this process: a report's drain and the timer's never interleave.
    const next = this.running.catch(() => undefined).then(() => this.drainNow(budgetMs));
    this.running = next;
    return next;
  }

  private schedule() {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.drain()
        .catch((err: unknown) =>
          this.log.error({ errName: (err as Error)?.name, err }, 'report rollup failed'),
        )
        .finally(() => this.schedule());
    }, this.options.pollMs ?? 250);
  }

  private async drainNow(budgetMs: number): Promise<number> {
    const started = performance.now();
    let done = 0;
    for (;;) {
      const n = await this.step();
      done += n;
      if (n === 0 || performance.now() - started > budgetMs) return done;
    }
  }

  /** One transaction: take some queued leaves and recompute them. */
  private async step(): Promise<number> {
    const year = bangkokYear(new Date());
    if (this.verifiedYear === year) {
      const queued = await this.db.select({ leaf: reportDirty.leaf }).from(reportDirty).limit(1);
      if (queued.length === 0) return 0;
    }
    return this.db.transaction(async (tx) => {
      await tx.execute(sql`select pg_advisory_xact_lock(${LOCK_KEY})`);
      await this.ensureCurrent(tx as unknown as Db, year);
      const leaves = (
        await tx
          .selectDistinct({ leaf: reportDirty.leaf })
          .from(reportDirty)
          .limit(this.options.leavesPerStep ?? 40)
      ).map((r) => r.leaf);
      if (leaves.length === 0) return 0;
      await tx.delete(reportDirty).where(inArray(reportDirty.leaf, leaves));
      await recomputeLeaves(tx as unknown as Db, leaves, year);
      return leaves.length;
    });
  }

  /** Rebuilds from scratch when the cells were made with another slot list or for an earlier year. */
  private async ensureCurrent(db: Db, year: number) {
    const [meta] = await db.select().from(reportMeta).where(eq(reportMeta.key, 'cells'));
    const value = { signature: cellSignature, lastYear: year };
    const current = meta?.value as typeof value | undefined;
    if (current?.signature !== value.signature || current.lastYear !== value.lastYear) {
      this.log.info({ ...value, before: current ?? null }, 'rebuilding the report rollup');
      await db.delete(reportCells);
      await db.delete(reportDirty);
      await db.execute(
        sql`insert into report_dirty (leaf) select distinct coalesce(village_code, area_code || '00') from person`,
      );
      await db
        .insert(reportMeta)
        .values({ key: 'cells', value })
        .onConflictDoUpdate({ target: reportMeta.key, set: { value } });
    }
    this.verifiedYear = year;
  }
}

const leafCondition = sql`coalesce(${persons.villageCode}, ${persons.areaCode} || '00')`;

/** Recomputes some leaves' cells and moves the difference up to their ancestors. */
async function recomputeLeaves(db: Db, leaves: readonly string[], lastYear: number) {
  const people = await db
    .select({
      id: persons.id,
      areaCode: persons.areaCode,
      villageCode: persons.villageCode,
      householdId: persons.householdId,
      sex: persons.sex,
      birthDate: persons.birthDate,
      vulnerability: persons.vulnerability,
      adlGroup: persons.adlGroup,
      mergedInto: persons.mergedInto,
      createdAt: persons.createdAt,
    })
    .from(persons)
    .where(
      and(
        inArray(persons.areaCode, [...new Set(leaves.map((l) => l.slice(0, 6)))]),
        isNull(persons.mergedInto),
        inArray(leafCondition, [...leaves]),
      ),
    );
  const rows = people.length
    ? await db
        .select({
          id: screenings.id,
          personId: screenings.personId,
          instrument: screenings.instrument,
          version: screenings.version,
          takenAt: screenings.takenAt,
          scores: screenings.scores,
          levels: screenings.levels,
          answers: screenings.answers,
        })
        .from(screenings)
        .where(
          and(
            inArray(
              screenings.personId,
              people.map((p) => p.id),
            ),
            eq(screenings.instrument, WELLBEING_INSTRUMENT),
          ),
        )
    : [];

  const byLeaf = new Map<string, ReportPerson[]>(leaves.map((l) => [l, []]));
  for (const p of people) {
    const person: ReportPerson = { ...p, createdAt: isoOf(p.createdAt) };
    byLeaf.get(p.villageCode ?? `${p.areaCode}00`)?.push(person);
  }
  const screeningsOf = new Map<string, ReportScreening[]>();
  for (const s of rows) {
    const list = screeningsOf.get(s.personId) ?? [];
    list.push({ ...s, takenAt: isoOf(s.takenAt) } as ReportScreening);
    screeningsOf.set(s.personId, list);
  }

  // The ancestors' cells, read once for every leaf of the step (we hold the lock: no one else writes).
  const ancestors = [...new Set(leaves.flatMap((l) => areaKeysOf(l).slice(0, 3)))];
  const stored = await db
    .select()
    .from(reportCells)
    .where(inArray(reportCells.area, [...ancestors, ...leaves]));
  const cells = new Map(stored.map((r) => [`${r.area}|${r.period}`, toCell(r.counts)]));
  const changed = new Set<string>();

  for (const [leaf, members] of byLeaf) {
    const fresh = leafCells(
      members,
      members.flatMap((p) => screeningsOf.get(p.id) ?? []),
      lastYear,
    );
    const periods = new Set([...fresh.keys(), ...stored.filter((r) => r.area === leaf).map((r) => r.period)]);
    for (const period of periods) {
      const before = cells.get(`${leaf}|${period}`) ?? emptyCell();
      const after = fresh.get(period) ?? emptyCell();
      const delta = addCell(Int32Array.from(after), before, -1);
      if (delta.every((v) => v === 0)) continue;
      for (const area of areaKeysOf(leaf)) {
        const key = `${area}|${period}`;
        cells.set(key, addCell(cells.get(key) ?? emptyCell(), delta));
        changed.add(key);
      }
    }
  }
  await writeCells(
    db,
    [...changed].map((key) => [key, cells.get(key) as Cell]),
  );
}

function toCell(counts: readonly number[]): Cell {
  const cell = emptyCell();
  // A shorter stored row would mean another slot list: the signature check rebuilds before that.
  cell.set(counts.slice(0, slots.length));
  return cell;
}

/** Writes whole cells; an all-zero cell is deleted. */
async function writeCells(db: Db, entries: readonly [string, Cell][]) {
  const zero: { area: string; period: string }[] = [];
  const values: { area: string; period: string; counts: number[] }[] = [];
  for (const [key, cell] of entries) {
    const [area, period] = key.split('|') as [string, string];
    if (cell.every((v) => v === 0)) zero.push({ area, period });
    else values.push({ area, period, counts: [...cell] });
  }
  for (let i = 0; i < values.length; i += 200) {
    await db
      .insert(reportCells)
      .values(values.slice(i, i + 200))
      .onConflictDoUpdate({
        target: [reportCells.period, reportCells.area],
        set: { counts: sql`excluded.counts` },
      });
  }
  for (const { area, period } of zero) {
    await db.delete(reportCells).where(and(eq(reportCells.area, area), eq(reportCells.period, period)));
  }
}
