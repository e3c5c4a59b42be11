import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  batchResponse,
  dueList as dueListShape,
  dueQuery,
  idParams,
  page,
  screening,
  screeningBatch,
  screeningCreate,
  screeningDetail,
  screeningListQuery,
  screeningRevisionCreate,
  timeline,
  timelineQuery,
  worseList as worseListShape,
  worseQuery,
} from '../../../core/schemas/index.ts';
import type { AppContext } from '../../context.ts';
import { createBatch } from './batch.ts';
import { screeningContext } from './context.ts';
import { dueList, worseList } from './follow.ts';
import { instrumentRoutes } from './instruments.ts';
import { createScreening, getScreening, listScreenings, reviseScreening } from './service.ts';
import { personTimeline } from './timeline.ts';

export function screeningRoutes(app: FastifyInstance, ctx: AppContext) {
  instrumentRoutes(app);
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['screenings'];
  const context = (req: FastifyRequest) => screeningContext(ctx, req);

  r.post(
    '/api/v1/persons/:id/screenings',
    {
      schema: { tags, params: idParams, body: screeningCreate, response: { 200: screening, 201: screening } },
    },
    async (req, reply) => {
      const { screening: s, created } = await createScreening(context(req), req.params.id, req.body);
      // A retry with the same clientId gets the stored screening with 200, never a duplicate.
      return reply.status(created ? 201 : 200).send(s);
    },
  );

  r.get(
    '/api/v1/persons/:id/screenings',
    {
      schema: { tags, params: idParams, querystring: screeningListQuery, response: { 200: page(screening) } },
    },
    async (req) => listScreenings(context(req), req.params.id, req.query),
  );

  r.get(
    '/api/v1/persons/:id/screenings/timeline',
    { schema: { tags, params: idParams, querystring: timelineQuery, response: { 200: timeline } } },
    async (req) => personTimeline(context(req), req.params.id, req.query),
  );

  r.get(
    '/api/v1/screenings/due',
    { schema: { tags, querystring: dueQuery, response: { 200: dueListShape } } },
    async (req) => dueList(context(req), req.query),
  );

  r.get(
    '/api/v1/screenings/worse',
    { schema: { tags, querystring: worseQuery, response: { 200: worseListShape } } },
    async (req) => worseList(context(req), req.query),
  );

  r.post(
    '/api/v1/screenings/batch',
    { schema: { tags, body: screeningBatch, response: { 200: batchResponse } } },
    async (req) => createBatch(context(req), req.body.items),
  );

  r.get(
    '/api/v1/screenings/:id',
    { schema: { tags, params: idParams, response: { 200: screeningDetail } } },
    async (req) => getScreening(context(req), req.params.id),
  );

  r.post(
    '/api/v1/screenings/:id/revisions',
    {
      schema: {
        tags,
        params: idParams,
        body: screeningRevisionCreate,
        response: { 200: screeningDetail, 201: screeningDetail },
      },
    },
    async (req, reply) => {
      const { screening: s, created } = await reviseScreening(context(req), req.params.id, req.body);
      return reply.status(created ? 201 : 200).send(s);
    },
  );
}
