/**
 * Many screenings at once, from a phone that was offline. Each item stands
 * alone: it is checked and scored on its own, and a bad item is reported in
 * its result without stopping the others. The items that raise no alert and
 * are no ADL are stored together in one statement, each with its audit row;
 * should that statement fail, they are stored one by one instead, each in
 * its own transaction, like the others. Every item is idempotent by its
 * clientId, so the phone may send the whole batch again.
 */
import type { z } from 'zod';
import { type BatchResult, screeningBatchItem } from '../../../core/schemas/index.ts';
import { details, type Lang, problems, say } from '../../http/messages.ts';
import { type FieldError, Problem } from '../../http/problem.ts';
import { fieldErrorFromIssue } from '../../http/validation.ts';
import { audit } from '../audit/service.ts';
import type { ScreeningContext } from './context.ts';
import { findByClientIds, personsByIds } from './repo.ts';
import { type Admitted, admit, createScreening, isPlain, store, storePlainMany } from './service.ts';

type Capture = Omit<z.infer<typeof screeningBatchItem>, 'personId'>;
type New = Extract<Admitted, { kind: 'new' }>;

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

  const results: BatchResult[] = new Array(items.length);
  const failed = (index: number, clientId: string, err: unknown) => {
    if (!(err instanceof Problem)) throw err;
    results[index] = { clientId, status: statusOf(err), errors: problemErrors(err, c.lang) };
  };
  const seen = new Set<string>();
  /** A clientId repeated inside the batch: looked up afresh once the first occurrence is stored. */
  const repeated: { index: number; personId: string; capture: Capture }[] = [];
  const plain: { index: number; admitted: New }[] = [];
  for (const [index, p] of parsed.entries()) {
    if (!p.success) {
      const clientId = items[index]?.clientId;
      results[index] = {
        clientId: typeof clientId === 'string' ? clientId : null,
        status: 400,
        errors: messages(issueErrors(p.error), c.lang),
      };
      continue;
    }
    const { personId, ...capture } = p.data;
    if (seen.has(capture.clientId)) {
      repeated.push({ index, personId, capture });
      continue;
    }
    seen.add(capture.clientId);
    try {
      const preloaded = {
        earlier: earlier.get(capture.clientId) ?? null,
        person: people.get(personId) ?? null,
      };
      const admitted = await admit(c, personId, capture, preloaded);
      if (admitted.kind === 'replay') {
        results[index] = { clientId: capture.clientId, status: 200, id: admitted.screening.id };
      } else if (isPlain(admitted)) {
        plain.push({ index, admitted });
      } else {
        const { screening, created } = await store(c, admitted);
        results[index] = { clientId: capture.clientId, status: created ? 201 : 200, id: screening.id };
      }
    } catch (err) {
      failed(index, capture.clientId, err);
    }
  }

  let stored: Map<string, string> | null = null;
  try {
    stored = await storePlainMany(
      c,
      plain.map((x) => x.admitted.row),
    );
  } catch {
    // One of them was stored meanwhile (the same clientId from another request), or worse: one by one below.
  }
  for (const { index, admitted } of plain) {
    const clientId = admitted.row.clientId;
    const id = stored?.get(clientId);
    if (id) {
      results[index] = { clientId, status: 201, id };
      continue;
    }
    try {
      const { screening, created } = await store(c, admitted);
      results[index] = { clientId, status: created ? 201 : 200, id: screening.id };
    } catch (err) {
      failed(index, clientId, err);
    }
  }

  for (const { index, personId, capture } of repeated) {
    try {
      const { screening, created } = await createScreening(c, personId, capture);
      results[index] = { clientId: capture.clientId, status: created ? 201 : 200, id: screening.id };
    } catch (err) {
      failed(index, capture.clientId, err);
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
