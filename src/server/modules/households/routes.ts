import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  household,
  householdCreate,
  householdListQuery,
  householdPatch,
  idParams,
  page,
} from '../../../core/schemas/index.ts';
import type { AppContext } from '../../context.ts';
import { personContext } from '../persons/context.ts';
import { createHousehold, getHousehold, listHouseholds, updateHousehold } from './service.ts';

export function householdRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['households'];
  const context = (req: FastifyRequest) => personContext(ctx, req);

  r.get(
    '/api/v1/households',
    { schema: { tags, querystring: householdListQuery, response: { 200: page(household) } } },
    async (req) => listHouseholds(context(req), req.query),
  );
  r.post(
    '/api/v1/households',
    { schema: { tags, body: householdCreate, response: { 200: household, 201: household } } },
    async (req, reply) => {
      const { household: h, created } = await createHousehold(context(req), req.body);
      return reply.status(created ? 201 : 200).send(h);
    },
  );
  r.get(
    '/api/v1/households/:id',
    { schema: { tags, params: idParams, response: { 200: household } } },
    async (req) => getHousehold(context(req), req.params.id),
  );
  r.patch(
    '/api/v1/households/:id',
    { schema: { tags, params: idParams, body: householdPatch, response: { 200: household } } },
    async (req) => updateHousehold(context(req), req.params.id, req.body),
  );
}
