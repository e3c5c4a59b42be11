import { type DetailCode, details, type Lang, type ProblemCode, problems, say } from './messages.ts';

export interface FieldError {
  path: string;
  /** A detail code with params, translated when the response is written. */
  detail: DetailCode;
  params?: Record<string, string | number>;
}

/** The one error type the server throws for anything a client did. */
export class Problem extends Error {
  constructor(
    readonly status: number,
    readonly code: ProblemCode,
    readonly detailCode?: DetailCode,
    readonly params: Record<string, string | number> = {},
    readonly fieldErrors: FieldError[] = [],
    readonly headers: Record<string, string> = {},
    /** Extension members (RFC 9457 §3.2), e.g. the existing record a duplicate points at. */
    readonly extensions: Record<string, unknown> = {},
  ) {
    super(code);
  }
}

export const notFound = () => new Problem(404, 'not_found');
export const forbidden = () => new Problem(403, 'forbidden');
export const unauthenticated = () => new Problem(401, 'unauthenticated');
export const conflict = (detail: DetailCode, params?: Record<string, string | number>, path?: string) =>
  new Problem(409, 'conflict', detail, params, path ? [{ path, detail, params }] : []);
export const invalid = (path: string, detail: DetailCode, params?: Record<string, string | number>) =>
  new Problem(400, 'validation', detail, params, [{ path, detail, params }]);
export const ruleBroken = (detail: DetailCode, params?: Record<string, string | number>, path?: string) =>
  new Problem(422, 'domain_rule', detail, params, path ? [{ path, detail, params }] : []);

export interface ProblemBody {
  type: string;
  title: string;
  status: number;
  detail?: string;
  errors?: { path: string; message: string }[];
  [extension: string]: unknown;
}

export function problemBody(p: Problem, lang: Lang): ProblemBody {
  const body: ProblemBody = {
    ...p.extensions,
    type: `/problems/${p.code}`,
    title: say(problems[p.code], lang),
    status: p.status,
  };
  if (p.detailCode) body.detail = say(details[p.detailCode], lang, p.params);
  else if (p.fieldErrors.length > 0)
    body.detail = p.fieldErrors.map((e) => `${e.path}: ${fieldMessage(e, lang)}`).join('; ');
  if (p.fieldErrors.length > 0) {
    body.errors = p.fieldErrors.map((e) => ({ path: e.path, message: fieldMessage(e, lang) }));
  }
  return body;
}

function fieldMessage(e: FieldError, lang: Lang): string {
  return say(details[e.detail], lang, e.params);
}
