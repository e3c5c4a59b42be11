import { type DetailCode, details, type Lang, say } from '../../http/messages.ts';
import { iso } from '../users/repo.ts';
import type { PreviewRow } from './apply.ts';
import type { JobInfo } from './repo.ts';
import type { ImportJobDto } from './schemas.ts';

/** Stored as a code and its params; rendered in whichever language reads it. */
export function renderMessage(code: string, params: unknown, lang: Lang): string {
  const text = details[(code in details ? code : 'invalid') as DetailCode];
  return say(text, lang, (params ?? {}) as Record<string, string | number>);
}

export function parseParams(stored: string | null): Record<string, string | number> {
  try {
    const v: unknown = JSON.parse(stored ?? '{}');
    return v && typeof v === 'object' ? (v as Record<string, string | number>) : {};
  } catch {
    return {};
  }
}

export function toSummary(job: JobInfo, lang: Lang) {
  const failure = job.failure ? parseFailure(job.failure) : null;
  return {
    id: job.id,
    status: job.status as ImportJobDto['status'],
    mode: job.mode as ImportJobDto['mode'],
    format: job.format as ImportJobDto['format'],
    fileName: job.fileName,
    areaCode: job.areaCode,
    encoding: job.encoding,
    total: job.total,
    processed: job.processed,
    created: job.created,
    updated: job.updated,
    unchanged: job.unchanged,
    errorCount: job.errorCount,
    failure: failure ? renderMessage(failure.code, failure.params, lang) : null,
    createdAt: iso(job.createdAt),
    startedAt: job.startedAt ? iso(job.startedAt) : null,
    finishedAt: job.finishedAt ? iso(job.finishedAt) : null,
  };
}

export function toJobDto(
  job: JobInfo,
  errors: { row: number; column: string | null; code: string; message: string }[],
  lang: Lang,
  commitJobId: string | null = null,
): ImportJobDto {
  return {
    ...toSummary(job, lang),
    dryRunId: job.dryRunId,
    commitJobId,
    errors: errors.map((e) => ({
      row: e.row,
      column: e.column,
      code: e.code,
      message: renderMessage(e.code, parseParams(e.message), lang),
    })),
    preview: (job.preview as PreviewRow[] | null) ?? [],
  };
}

/** `import_job.failure` holds `{code, params}` as JSON, like the row errors. */
function parseFailure(stored: string): { code: string; params?: unknown } {
  try {
    const v = JSON.parse(stored) as { code?: unknown; params?: unknown };
    if (typeof v?.code === 'string') return { code: v.code, params: v.params };
  } catch {
    // fall through: not written by this module
  }
  return { code: 'import_failed' };
}
