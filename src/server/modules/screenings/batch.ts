/**
 * Many screenings at once, from a phone that was offline. Each item stands
 * alone: it is checked, scored and stored in its own transaction, and a bad
 * item is reported in its result without stopping the others. Every item is
 * idempotent by its clientId, so the phone may send the whole batch again.
 */
import type { z } from 'zod';
import { type BatchResult, screeningBatchItem } from '../../../core/schemas/index.ts';
import { details, type Lang, problems, say } from '../../http/messages.ts';
import { type FieldError, Problem } from '../../http/problem.ts';
import { fieldErrorFromIssue } from '../../http/validation.ts';
import { audit } from '../audit/service.ts';
import type { ScreeningContext } from './context.ts';
import { findByClientIds, personsByIds } from './repo.ts';
import { createScreening } from './service.ts';

export async function createBatch(
  c: ScreeningContext,
  items: Record<string, unknown>[],
): Promise<{ results: BatchResult[] }> {
  const parsed = items.map((raw) => screeningBatchItem.safeParse(raw));
  const valid = parsed.flatMap((p) => (p.success ? [p.data] : []));
  // Two look-ups for the whole batch instead of two per item.
  const earlier = new Map(
    (await findByClientIds(c.db, [...new Set(valid.map((v) => v.clientId))])).map((r) => [r.clientId!, r]),
  );
  const people = new Map(
    (await personsByIds(c.db, [...new Set(valid.map((v) => v.personId))])).map((p) => [p.id, p]),
  );

  const seen = new Set<string>();
  const results: BatchResult[] = [];
  for (const [index, p] of parsed.entries()) {
    if (!p.success) {
      const clientId = items[index]?.clientId;
      results.push({
        clientId: typeof clientId === 'string' ? clientId : null,
        status: 400,
        errors: messages(issueErrors(p.error), c.lang),
      });
      continue;
    }
    const { personId, ...capture } = p.data;
    // A clientId repeated inside the batch is looked up afresh: its first occurrence may have stored it.
    const preloaded = seen.has(capture.clientId)
      ? { person: people.get(personId) ?? null }
      : { earlier: earlier.get(capture.clientId) ?? null, person: people.get(personId) ?? null };
    seen.add(capture.clientId);
    try {
      const { screening, created } = await createScreening(c, personId, capture, preloaded);
      results.push({ clientId: capture.clientId, status: created ? 201 : 200, id: screening.id });
    } catch (err) {
      if (!(err instanceof Problem)) throw err;
      results.push({ clientId: capture.clientId, status: statusOf(err), errors: problemErrors(err, c.lang) });
    }
  }

  const count = (status: number) => results.filter((r) => r.status === status).length;
  await audit(c.db, c.actor, {
    action: 'screening.batch',
    entity: 'screening',
    detail: {
      count: results.length,
      created: count(201),
      replayed: count(200),
      failed: results.length - count(201) - count(200),
    },
  });
  return { results };
}

function statusOf(p: Problem): BatchResult['status'] {
  const known = [400, 403, 404, 409, 422] as const;
  return known.find((s) => s === p.status) ?? 400;
}

function issueErrors(error: z.ZodError): FieldError[] {
  return error.issues.flatMap((issue) => {
    const { code, path, message, ...params } = issue;
    return fieldErrorFromIssue({ code, path: path.join('.'), message, params });
  });
}

function messages(errors: FieldError[], lang: Lang) {
  return errors.map((e) => ({ path: e.path, message: say(details[e.detail], lang, e.params) }));
}

/** A 404 names the person, as the item's only field that can be missing. */
function problemErrors(p: Problem, lang: Lang) {
  if (p.fieldErrors.length > 0) return messages(p.fieldErrors, lang);
  if (p.status === 404) return messages([{ path: 'personId', detail: 'person_unknown' }], lang);
  const message = p.detailCode ? say(details[p.detailCode], lang, p.params) : say(problems[p.code], lang);
  return [{ path: '', message }];
}
