import type { FastifyRequest } from 'fastify';
import { Problem } from '../../http/problem.ts';

/** The largest file we take; bigger lists are split, or loaded with the CLI. */
export const MAX_UPLOAD_MB = 50;
export const MAX_UPLOAD_BYTES = MAX_UPLOAD_MB * 1024 * 1024;

export interface Upload {
  file: { name: string; bytes: Buffer } | null;
  fields: Record<string, string>;
}

/** Reads a multipart form: the `file` part into memory (bounded), every other part as a text field. */
export async function readUpload(req: FastifyRequest): Promise<Upload> {
  if (!req.isMultipart()) throw new Problem(415, 'unsupported_media_type');
  const out: Upload = { file: null, fields: {} };
  for await (const part of req.parts()) {
    if (part.type === 'file') {
      if (part.fieldname !== 'file' || out.file) {
        part.file.resume();
        continue;
      }
      try {
        out.file = { name: safeName(part.filename), bytes: await part.toBuffer() };
      } catch (err) {
        if ((err as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') throw tooLarge();
        throw err;
      }
    } else {
      out.fields[part.fieldname] = String(part.value ?? '');
    }
  }
  return out;
}

export const tooLarge = () => new Problem(413, 'too_large', 'import_file_limit', { limit: MAX_UPLOAD_MB });

/** Only the base name, printable, bounded: it is shown back in lists and in a download's name. */
function safeName(name: string | undefined): string {
  const base = (name ?? '').split(/[\\/]/).pop() ?? '';
  // biome-ignore lint/suspicious/noControlCharactersInRegex: stripping control characters is the point
  const clean = base.replace(/[\u0000-\u001f\u007f]/g, '').trim();
  return (clean || 'upload').slice(0, 200);
}
