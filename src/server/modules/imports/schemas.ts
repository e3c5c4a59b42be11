import { z } from 'zod';
import { importFormats } from './formats/index.ts';

/** The API's import shapes (API.md "Import"); fields may be added, these names stay. */
export const importModes = ['dry-run', 'commit'] as const;
export const jobStatuses = ['queued', 'running', 'done', 'failed'] as const;

export const importError = z.object({
  row: z.number().int(),
  column: z.string().nullable(),
  /** The message code (e.g. `thai_id_check`), stable for programs; `message` follows Accept-Language. */
  code: z.string(),
  message: z.string(),
});

export const previewRow = z.object({
  row: z.number().int(),
  action: z.enum(['create', 'update', 'unchanged']),
  firstName: z.string(),
  lastName: z.string(),
  birthDate: z.string(),
  areaCode: z.string(),
});

export const importJobSummary = z.object({
  id: z.string(),
  status: z.enum(jobStatuses),
  mode: z.enum(importModes),
  format: z.enum(importFormats),
  fileName: z.string(),
  areaCode: z.string(),
  encoding: z.string().nullable(),
  total: z.number().int(),
  processed: z.number().int(),
  created: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  /** Rows refused (a row with two problems counts once; `errors` lists each problem). */
  errorCount: z.number().int(),
  /** Why a failed job stopped, in the reader's language. */
  failure: z.string().nullable(),
  createdAt: z.string(),
  startedAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
});

export const importJob = importJobSummary.extend({
  /** On a commit job made from a dry run: that dry run. */
  dryRunId: z.string().nullable(),
  /** On a dry run that was committed: the commit job (a dry run is committed once). */
  commitJobId: z.string().nullable(),
  /** The first 200 problems, by row. */
  errors: z.array(importError),
  /** The first 50 rows of a dry run, with what committing would do to each. */
  preview: z.array(previewRow),
});
export type ImportJobDto = z.infer<typeof importJob>;

export const templateQuery = z
  .object({
    format: z.literal('toemsuk-persons').default('toemsuk-persons'),
    type: z.enum(['csv', 'xlsx']).default('csv'),
  })
  .strict();

export const inspectResult = z.object({
  fileType: z.enum(['csv', 'xlsx']),
  encoding: z.enum(['utf-8', 'utf-8-bom', 'windows-874']),
  format: z.enum(importFormats),
  headers: z.array(z.string()),
  sampleRows: z.array(z.array(z.string())),
  suggestedMapping: z.record(z.string(), z.string()),
  /** The person fields a mapping may fill, with their labels, for the mapping step. */
  fields: z.array(z.object({ key: z.string(), th: z.string(), en: z.string(), required: z.boolean() })),
});
