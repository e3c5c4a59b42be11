import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { pickLang } from './messages.ts';
import { type FieldError, Problem, problemBody } from './problem.ts';
import { fieldErrorFromIssue, pointerToPath } from './validation.ts';

/** Maps everything thrown in a request to problem+json; a stack trace never leaves the server. */
export function registerErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((err: FastifyError, req, reply) => {
    const problem = toProblem(err);
    if (problem.status >= 500) req.log.error({ err }, 'request failed');
    return sendProblem(req, reply, problem);
  });
}

export function sendProblem(req: FastifyRequest, reply: FastifyReply, problem: Problem) {
  const lang = pickLang(req.headers['accept-language']);
  for (const [k, v] of Object.entries(problem.headers)) reply.header(k, v);
  return reply
    .status(problem.status)
    .header('content-language', lang)
    .type('application/problem+json; charset=utf-8')
    .send(problemBody(problem, lang));
}

function toProblem(err: FastifyError): Problem {
  if (err instanceof Problem) return err;
  if (hasZodFastifySchemaValidationErrors(err)) {
    const where = contextName(err.validationContext);
    const fields: FieldError[] = err.validation.flatMap((v) =>
      fieldErrorFromIssue({
        code: v.keyword,
        path: prefixed(where, pointerToPath(v.instancePath)),
        message: v.message ?? '',
        params: v.params as Record<string, unknown>,
      }),
    );
    return new Problem(400, 'validation', undefined, {}, fields);
  }
  switch (err.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new Problem(413, 'too_large', 'body_limit', { limit: 1_048_576 });
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return new Problem(415, 'unsupported_media_type');
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return new Problem(400, 'malformed_json');
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return new Problem(400, 'bad_request');
  }
  if (err instanceof SyntaxError || err.statusCode === 400) return new Problem(400, 'malformed_json');
  if (err.statusCode === 429) return new Problem(429, 'rate_limited');
  // Multipart limits (file too large, too many parts) arrive as plain 413s.
  if (err.statusCode === 413) return new Problem(413, 'too_large');
  if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500)
    return new Problem(err.statusCode, 'bad_request');
  return new Problem(500, 'internal');
}

function prefixed(where: string, path: string): string {
  if (!where) return path;
  return path ? `${where}.${path}` : where;
}

function contextName(context: string | undefined): string {
  if (!context || context === 'body') return '';
  return context === 'querystring' ? 'query' : context;
}
