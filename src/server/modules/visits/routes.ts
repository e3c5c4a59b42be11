import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  assigneeOption,
  assigneeQuery,
  calendarQuery,
  calendarShape,
  idParams,
  page,
  visitCancel,
  visitCreate,
  visitListQuery,
  visitPatch,
  visitRecordInput,
  visitShape,
  visitSummary,
  visitWithWarnings,
} from '../../../core/schemas/index.ts';
import type { AppContext } from '../../context.ts';
import { requireActor } from '../../http/auth.ts';
import { readCalendar } from './calendar.ts';
import {
  cancelVisit,
  getVisit,
  listAssignees,
  listPersonVisits,
  patchVisit,
  recordVisit,
  scheduleVisit,
  type VisitContext,
} from './service.ts';

export function visitRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['visits'];
  const context = (req: FastifyRequest): VisitContext => ({
    db: ctx.database.db,
    actor: requireActor(req),
    lang: req.lang,
    now: new Date(),
  });

  r.post(
    '/api/v1/persons/:id/visits',
    {
      schema: {
        tags,
        params: idParams,
        body: visitCreate,
        response: { 200: visitWithWarnings, 201: visitWithWarnings },
      },
    },
    async (req, reply) => {
      const { visit, created } = await scheduleVisit(context(req), req.params.id, req.body);
      return reply.status(created ? 201 : 200).send(visit);
    },
  );

  r.get(
    '/api/v1/persons/:id/visits',
    {
      schema: { tags, params: idParams, querystring: visitListQuery, response: { 200: page(visitSummary) } },
    },
    async (req) => listPersonVisits(context(req), req.params.id, req.query),
  );

  r.get(
    '/api/v1/persons/:id/visits/assignees',
    {
      schema: {
        tags,
        params: idParams,
        querystring: assigneeQuery,
        response: { 200: z.object({ items: z.array(assigneeOption) }) },
      },
    },
    async (req) => listAssignees(context(req), req.params.id, req.query),
  );

  r.get(
    '/api/v1/visits/:id',
    { schema: { tags, params: idParams, response: { 200: visitShape } } },
    async (req) => getVisit(context(req), req.params.id),
  );

  r.patch(
    '/api/v1/visits/:id',
    { schema: { tags, params: idParams, body: visitPatch, response: { 200: visitWithWarnings } } },
    async (req) => patchVisit(context(req), req.params.id, req.body),
  );

  r.post(
    '/api/v1/visits/:id/record',
    { schema: { tags, params: idParams, body: visitRecordInput, response: { 200: visitShape } } },
    async (req) => (await recordVisit(context(req), req.params.id, req.body)).visit,
  );

  r.post(
    '/api/v1/visits/:id/cancel',
    { schema: { tags, params: idParams, body: visitCancel, response: { 200: visitShape } } },
    async (req) => cancelVisit(context(req), req.params.id, req.body),
  );

  r.get(
    '/api/v1/calendar',
    { schema: { tags, querystring: calendarQuery, response: { 200: calendarShape } } },
    async (req) => readCalendar(context(req), req.query),
  );
}
