import { and, asc, desc, eq, getTableColumns, or, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { importErrors, importJobs } from '../../db/schema.ts';

export type JobRow = typeof importJobs.$inferSelect;
/** A job without its file: what every read except the worker's needs. */
export type JobInfo = Omit<JobRow, 'content'>;

const { content: _content, ...infoColumns } = getTableColumns(importJobs);

export async function insertJob(db: Db, values: typeof importJobs.$inferInsert): Promise<JobInfo> {
  const [row] = await db.insert(importJobs).values(values).returning(infoColumns);
  return row!;
}

export async function findJob(db: Db, id: string): Promise<JobInfo | undefined> {
  const [row] = await db.select(infoColumns).from(importJobs).where(eq(importJobs.id, id)).limit(1);
  return row;
}

export async function jobContent(db: Db, id: string): Promise<Buffer | undefined> {
  const [row] = await db
    .select({ content: importJobs.content })
    .from(importJobs)
    .where(eq(importJobs.id, id))
    .limit(1);
  return row?.content;
}

/** Newest first, keyset-paginated on (created_at, id). */
export async function listJobs(db: Db, createdBy: string, after: [string, string] | null, limit: number) {
  const where: SQL[] = [eq(importJobs.createdBy, createdBy)];
  if (after)
    where.push(
      sql`(${importJobs.createdAt}, ${importJobs.id}) < (${after[0]}::timestamptz, ${after[1]}::uuid)`,
    );
  return db
    .select(infoColumns)
    .from(importJobs)
    .where(and(...where))
    .orderBy(desc(importJobs.createdAt), desc(importJobs.id))
    .limit(limit + 1);
}

/**
 * A second job over the same stored file, copied inside the database rather than through the server.
 * It names its dry run (unique: one commit per dry run) and takes its row count, as the dry run read
 * the whole file already.
 */
export async function copyJobForCommit(db: Db, dryRunId: string, createdBy: string): Promise<JobInfo> {
  const result = (await db.execute(sql`
    insert into ${importJobs} (mode, format, area_code, file_name, file_sha256, content, mapping, encoding, total, dry_run_id, created_by)
    select 'commit', format, area_code, file_name, file_sha256, content, mapping, encoding, total, id, ${createdBy}::uuid
    from ${importJobs} where id = ${dryRunId}
    returning id`)) as unknown as { rows: { id: string }[] };
  return (await findJob(db, result.rows[0]!.id))!;
}

/** The commit job made from a dry run, if there is one. */
export async function findCommitOf(db: Db, dryRunId: string): Promise<JobInfo | undefined> {
  const [row] = await db
    .select(infoColumns)
    .from(importJobs)
    .where(eq(importJobs.dryRunId, dryRunId))
    .limit(1);
  return row;
}

export async function firstErrors(db: Db, jobId: string, limit: number) {
  return db
    .select()
    .from(importErrors)
    .where(eq(importErrors.importId, jobId))
    .orderBy(asc(importErrors.row), asc(importErrors.column))
    .limit(limit);
}

export async function allErrors(db: Db, jobId: string) {
  return db
    .select()
    .from(importErrors)
    .where(eq(importErrors.importId, jobId))
    .orderBy(asc(importErrors.row), asc(importErrors.column));
}

/**
 * Takes the oldest job that is queued, or running with a heartbeat older
 * than `staleMs` (its worker died). SKIP LOCKED lets several server
 * processes share the queue on PostgreSQL.
 */
export async function claimJob(db: Db, staleMs: number): Promise<JobRow | null> {
  return db.transaction(async (tx) => {
    const stale = and(
      eq(importJobs.status, 'running'),
      sql`${importJobs.heartbeatAt} <= now() - make_interval(secs => ${staleMs / 1000})`,
    );
    const [candidate] = await tx
      .select({ id: importJobs.id })
      .from(importJobs)
      .where(or(eq(importJobs.status, 'queued'), stale))
      .orderBy(asc(importJobs.createdAt))
      .limit(1)
      .for('update', { skipLocked: true });
    if (!candidate) return null;
    const [job] = await tx
      .update(importJobs)
      .set({
        status: 'running',
        heartbeatAt: sql`now()`,
        startedAt: sql`coalesce(${importJobs.startedAt}, now())`,
      })
      .where(eq(importJobs.id, candidate.id))
      .returning();
    return job ?? null;
  });
}

export async function setTotal(db: Db, id: string, total: number) {
  await db.update(importJobs).set({ total, heartbeatAt: sql`now()` }).where(eq(importJobs.id, id));
}

/** Hands a job back to the queue (a graceful stop); it resumes from `processed`. */
export async function releaseJob(db: Db, id: string) {
  await db
    .update(importJobs)
    .set({ status: 'queued', heartbeatAt: null })
    .where(and(eq(importJobs.id, id), eq(importJobs.status, 'running')));
}

export async function finishJob(db: Db, id: string) {
  const [row] = await db
    .update(importJobs)
    .set({ status: 'done', finishedAt: sql`now()`, heartbeatAt: sql`now()` })
    .where(and(eq(importJobs.id, id), eq(importJobs.status, 'running')))
    .returning(infoColumns);
  return row;
}

export async function failJob(db: Db, id: string, failure: string) {
  const [row] = await db
    .update(importJobs)
    .set({ status: 'failed', failure, finishedAt: sql`now()` })
    .where(eq(importJobs.id, id))
    .returning(infoColumns);
  return row;
}
