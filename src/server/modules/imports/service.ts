import { createHash } from 'node:crypto';
import { z } from 'zod';
import { type Actor, decide } from '../../../core/policy/index.ts';
import type { Db } from '../../db/client.ts';
import { ensureAllowed } from '../../http/auth.ts';
import { decodeCursor, pageOf } from '../../http/cursor.ts';
import type { Lang } from '../../http/messages.ts';
import { type FieldError, invalid, notFound, Problem, ruleBroken } from '../../http/problem.ts';
import { fieldErrorFromIssue } from '../../http/validation.ts';
import { findAreas } from '../areas/repo.ts';
import { audit } from '../audit/service.ts';
import { uniqueViolation } from '../persons/service.ts';
import { toJobDto, toSummary } from './dto.ts';
import { importFields, requiredFields } from './fields.ts';
import { type ColumnMapping, columnMapping, guessFormat, importFormats, readerFor } from './formats/index.ts';
import { type FileShape, fileShape, MalformedFile, readHead } from './parse.ts';
import {
  copyJobForCommit,
  findCommitOf,
  findJob,
  firstErrors,
  insertJob,
  type JobInfo,
  listJobs,
} from './repo.ts';
import { importModes } from './schemas.ts';
import type { Upload } from './upload.ts';

export interface ImportContext {
  db: Db;
  actor: Actor;
  lang: Lang;
}

export const ERRORS_SHOWN = 200;

const uploadFields = z.object({
  format: z.enum(importFormats),
  areaCode: z.string().regex(/^\d{6}$/, 'subdistrictCode'),
  mode: z.enum(importModes).default('dry-run'),
  mapping: z.string().max(20_000).optional(),
});

/** Stores the file with a queued job after checking what can be checked at once: rights, area, file, columns. */
export async function createImport(c: ImportContext, upload: Upload): Promise<JobInfo> {
  const fields = parseFields(uploadFields, upload.fields);
  ensureAllowed(c.actor, { action: 'import.create', areaCode: fields.areaCode });
  const [area] = await findAreas(c.db, [fields.areaCode]);
  if (area?.level !== 'subdistrict') throw invalid('areaCode', 'area_unknown', { code: fields.areaCode });
  const mapping = fields.format === 'mapped' ? parseMapping(fields.mapping) : null;
  const file = requireFile(upload);
  const { shape, headers } = await readFileHead(file.bytes);
  const reader = readerFor(fields.format, headers, mapping);
  if (!reader.ok) {
    const p = reader.problem;
    if (p.kind === 'missing') {
      throw invalid(fields.format === 'mapped' ? 'mapping' : 'file', 'import_missing_columns', {
        columns: p.columns.join(', '),
      });
    }
    throw new Problem(
      400,
      'validation',
      undefined,
      {},
      p.columns.map((x) => ({
        path: `mapping.${x.field}`,
        detail: 'import_mapping_column',
        params: { name: x.header },
      })),
    );
  }
  return c.db.transaction(async (tx) => {
    const job = await insertJob(tx, {
      mode: fields.mode,
      format: fields.format,
      areaCode: fields.areaCode,
      fileName: file.name,
      fileSha256: createHash('sha256').update(file.bytes).digest('hex'),
      content: file.bytes,
      mapping,
      encoding: shape.encoding,
      createdBy: c.actor.userId,
    });
    await audit(tx, c.actor, {
      action: 'import.create',
      entity: 'import',
      entityId: job.id,
      areaCode: job.areaCode,
      detail: { format: job.format, mode: job.mode, bytes: file.bytes.length },
    });
    return job;
  });
}

/** What the mapping step needs: encoding, a format guess, the headers and the first rows. */
export async function inspectFile(c: ImportContext, upload: Upload) {
  const areaCode = upload.fields.areaCode;
  if (areaCode) ensureAllowed(c.actor, { action: 'import.create', areaCode });
  else if (!mayImportSomewhere(c.actor)) throw new Problem(403, 'forbidden');
  const file = requireFile(upload);
  const { shape, headers, sample } = await readFileHead(file.bytes);
  const guess = guessFormat(headers);
  return {
    fileType: shape.type,
    encoding: shape.encoding,
    format: guess.format,
    headers,
    sampleRows: sample.map((r) => headers.map((_, i) => r.cells[i] ?? '')),
    suggestedMapping: guess.suggestedMapping as Record<string, string>,
    fields: importFields.map((f) => ({
      key: f.key,
      th: f.header,
      en: f.en,
      required: requiredFields.includes(f.key),
    })),
  };
}

export async function getImport(c: ImportContext, id: string) {
  const job = await visibleJob(c, id);
  const errors = await firstErrors(c.db, id, ERRORS_SHOWN);
  const preview = (job.preview as unknown[] | null) ?? [];
  // The preview shows names from the file: its reading is audited once the job is over (not every progress poll).
  if (preview.length > 0 && (job.status === 'done' || job.status === 'failed')) {
    await audit(c.db, c.actor, {
      action: 'import.read',
      entity: 'import',
      entityId: id,
      areaCode: job.areaCode,
      detail: { previewRows: preview.length },
    });
  }
  const commit = job.mode === 'dry-run' ? await findCommitOf(c.db, id) : undefined;
  return toJobDto(job, errors, c.lang, commit?.id ?? null);
}

export async function listImports(c: ImportContext, q: { limit: number; cursor?: string }) {
  const after = decodeCursor(q.cursor, 2) as [string, string] | null;
  const rows = await listJobs(c.db, c.actor.userId, after, q.limit);
  const page = pageOf(rows, q.limit, (last) => [last.createdAt, last.id]);
  return { items: page.items.map((j) => toSummary(j, c.lang)), nextCursor: page.nextCursor };
}

/**
 * A finished dry run becomes a commit job over the same stored file and options, once: committing
 * it again (a double click, a retry after a lost answer) returns the commit job it already has.
 */
export async function commitDryRun(
  c: ImportContext,
  id: string,
): Promise<{ job: JobInfo; created: boolean }> {
  const dryRun = await visibleJob(c, id);
  if (dryRun.mode !== 'dry-run' || dryRun.status !== 'done') throw ruleBroken('import_not_committable');
  ensureAllowed(c.actor, { action: 'import.create', areaCode: dryRun.areaCode });
  const earlier = await findCommitOf(c.db, id);
  if (earlier) return { job: earlier, created: false };
  try {
    const job = await c.db.transaction(async (tx) => {
      const job = await copyJobForCommit(tx, id, c.actor.userId);
      await audit(tx, c.actor, {
        action: 'import.commit',
        entity: 'import',
        entityId: job.id,
        areaCode: job.areaCode,
        detail: { dryRun: id },
      });
      return job;
    });
    return { job, created: true };
  } catch (err) {
    // Two commits of one dry run at the same moment: the unique index decides, the loser gets the winner's job.
    if (uniqueViolation(err)) {
      const winner = await findCommitOf(c.db, id);
      if (winner) return { job: winner, created: false };
    }
    throw err;
  }
}

/** Jobs hold people's data from the file: only whoever uploaded it, and operators, may see them. */
export async function visibleJob(c: ImportContext, id: string): Promise<JobInfo> {
  const job = await findJob(c.db, id);
  if (!job || !decide(c.actor, { action: 'import.read', createdBy: job.createdBy }).allow) throw notFound();
  return job;
}

/** Someone allowed to import into at least one area (an operator: anywhere). */
function mayImportSomewhere(actor: Actor): boolean {
  return decide(actor, { action: 'import.start' }).allow;
}

function requireFile(upload: Upload) {
  if (!upload.file) throw invalid('file', 'import_file_required');
  if (upload.file.bytes.length === 0) throw invalid('file', 'import_file_empty');
  return upload.file;
}

export async function readFileHead(bytes: Buffer): Promise<{
  shape: FileShape;
  headers: string[];
  sample: { row: number; cells: string[] }[];
}> {
  const shape = fileShape(bytes);
  if (!shape) throw invalid('file', 'import_file_type');
  try {
    const { header, sample } = await readHead(bytes, shape, 10);
    if (!header) throw invalid('file', 'import_file_empty');
    return { shape, headers: header.cells.map((h) => h.trim()), sample };
  } catch (err) {
    if (err instanceof MalformedFile) throw invalid('file', 'import_file_malformed', { row: err.row });
    throw err;
  }
}

function parseMapping(raw: string | undefined): ColumnMapping {
  if (!raw) return {};
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    throw invalid('mapping', 'invalid');
  }
  return parseFields(columnMapping, value, 'mapping');
}

/** Multipart fields get the same field errors as a JSON body would. */
function parseFields<T extends z.ZodType>(schema: T, value: unknown, prefix = ''): z.infer<T> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const errors: FieldError[] = parsed.error.issues.flatMap((issue) =>
    fieldErrorFromIssue({
      code: issue.code,
      path: [prefix, ...issue.path.map(String)].filter(Boolean).join('.'),
      message: issue.message,
      params: issue as unknown as Record<string, unknown>,
    }),
  );
  throw new Problem(400, 'validation', undefined, {}, errors);
}
