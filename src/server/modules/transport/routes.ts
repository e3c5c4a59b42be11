import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  idParams,
  page,
  personTransportQuery,
  transportCreate,
  transportListQuery,
  transportRequest,
  transportTransitionInput,
} from '../../../core/schemas/index.ts';
import { bangkokDate } from '../../../core/screenings/month.ts';
import type { AppContext } from '../../context.ts';
import { requireActor } from '../../http/auth.ts';
import {
  createTransport,
  getTransport,
  listPersonTransport,
  listTransport,
  type TransportContext,
  transitionTransport,
} from './service.ts';

/** Patient transport requests (issue 8): ask for a ride, the provider's queue, the status moves. */
export function transportRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['transport'];
  const context = (req: FastifyRequest): TransportContext => {
    const now = new Date();
    return { db: ctx.database.db, actor: requireActor(req), now, today: bangkokDate(now) };
  };

  r.post(
    '/api/v1/persons/:id/transport',
    {
      schema: {
        tags,
        params: idParams,
        body: transportCreate,
        response: { 200: transportRequest, 201: transportRequest },
      },
    },
    async (req, reply) => {
      const { request, created } = await createTransport(context(req), req.params.id, req.body);
      return reply.status(created ? 201 : 200).send(request);
    },
  );

  r.get(
    '/api/v1/persons/:id/transport',
    {
      schema: {
        tags,
        params: idParams,
        querystring: personTransportQuery,
        response: { 200: page(transportRequest) },
      },
    },
    async (req) => listPersonTransport(context(req), req.params.id, req.query),
  );

  r.get(
    '/api/v1/transport',
    { schema: { tags, querystring: transportListQuery, response: { 200: page(transportRequest) } } },
    async (req) => listTransport(context(req), req.query),
  );

  r.get(
    '/api/v1/transport/:id',
    { schema: { tags, params: idParams, response: { 200: transportRequest } } },
    async (req) => getTransport(context(req), req.params.id),
  );

  r.post(
    '/api/v1/transport/:id/transitions',
    {
      schema: { tags, params: idParams, body: transportTransitionInput, response: { 200: transportRequest } },
    },
    async (req) => transitionTransport(context(req), req.params.id, req.body),
  );
}
