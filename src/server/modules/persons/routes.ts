import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  consentCreate,
  idParams,
  page,
  person,
  personCreate,
  personListQuery,
  personPatch,
} from '../../../core/schemas/index.ts';
import type { AppContext } from '../../context.ts';
import { consentHistory, recordConsent } from './consents.ts';
import { personContext } from './context.ts';
import { personHistory } from './history.ts';
import { mergePersons } from './merge.ts';
import { createPerson, getPerson, listPersons, updatePerson } from './service.ts';

const mergeBody = z.object({ intoId: z.uuid(), reason: z.string().trim().min(3).max(300) }).strict();

export function personRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['persons'];
  const context = (req: FastifyRequest) => personContext(ctx, req);

  r.get(
    '/api/v1/persons',
    { schema: { tags, querystring: personListQuery, response: { 200: page(person) } } },
    async (req) => listPersons(context(req), req.query),
  );

  r.post(
    '/api/v1/persons',
    { schema: { tags, body: personCreate, response: { 200: person, 201: person } } },
    async (req, reply) => {
      const { person: p, created } = await createPerson(context(req), req.body);
      // A retry with the same clientId gets the stored record with 200, never a duplicate.
      return reply.status(created ? 201 : 200).send(p);
    },
  );

  r.get(
    '/api/v1/persons/:id',
    { schema: { tags, params: idParams, response: { 200: person } } },
    async (req) => getPerson(context(req), req.params.id),
  );

  r.patch(
    '/api/v1/persons/:id',
    { schema: { tags, params: idParams, body: personPatch, response: { 200: person } } },
    async (req) => updatePerson(context(req), req.params.id, req.body),
  );

  r.post(
    '/api/v1/persons/:id/consents',
    { schema: { tags, params: idParams, body: consentCreate } },
    async (req, reply) => {
      const { body, created } = await recordConsent(context(req), req.params.id, req.body);
      // A retry with the same clientId gets the stored record with 200, never a second one.
      return reply.status(created ? 201 : 200).send(body);
    },
  );

  r.get('/api/v1/persons/:id/consents', { schema: { tags, params: idParams } }, async (req) =>
    consentHistory(context(req), req.params.id),
  );

  r.get('/api/v1/persons/:id/history', { schema: { tags, params: idParams } }, async (req) =>
    personHistory(context(req), req.params.id),
  );

  r.post(
    '/api/v1/persons/:id/merge',
    { schema: { tags, params: idParams, body: mergeBody, response: { 200: person } } },
    async (req) => mergePersons(context(req), req.params.id, req.body.intoId, req.body.reason),
  );
}
