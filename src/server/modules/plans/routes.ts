import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  idParams,
  page,
  planCreate,
  planDraftRequest,
  planPatch,
  planProgressInput,
} from '../../../core/schemas/index.ts';
import type { AppContext } from '../../context.ts';
import { requireActor } from '../../http/auth.ts';
import { draftForPerson } from './draft.ts';
import { listProgress, reportProgress } from './progress.ts';
import {
  planDraftResponse,
  planListQuery,
  planShape,
  planVersionQuery,
  planVersionShape,
  progressEntryShape,
  progressListQuery,
  progressResult,
  taskListQuery,
  taskShape,
} from './schemas.ts';
import { createPlan, getPlan, listPlans, listVersions, type PlanContext, patchPlan } from './service.ts';
import { listTasks } from './tasks.ts';

export function planRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['plans'];
  const context = (req: FastifyRequest): PlanContext => ({
    db: ctx.database.db,
    actor: requireActor(req),
    lang: req.lang,
    now: new Date(),
  });

  r.post(
    '/api/v1/persons/:id/plans/draft',
    {
      schema: {
        tags,
        params: idParams,
        // An empty body is allowed (API.md): no body at all is the same as `{}`.
        body: planDraftRequest.nullish(),
        response: { 200: planDraftResponse },
      },
    },
    async (req) => draftForPerson(context(req), req.params.id, req.body ?? {}),
  );

  r.get(
    '/api/v1/persons/:id/plans',
    { schema: { tags, params: idParams, querystring: planListQuery, response: { 200: page(planShape) } } },
    async (req) => listPlans(context(req), req.params.id, req.query),
  );

  r.post(
    '/api/v1/persons/:id/plans',
    { schema: { tags, params: idParams, body: planCreate, response: { 200: planShape, 201: planShape } } },
    async (req, reply) => {
      const { plan, created } = await createPlan(context(req), req.params.id, req.body);
      return reply.status(created ? 201 : 200).send(plan);
    },
  );

  r.get(
    '/api/v1/plans/:id',
    { schema: { tags, params: idParams, querystring: planVersionQuery, response: { 200: planShape } } },
    async (req) => getPlan(context(req), req.params.id, req.query.version),
  );

  r.get(
    '/api/v1/plans/:id/versions',
    { schema: { tags, params: idParams, response: { 200: z.object({ items: z.array(planVersionShape) }) } } },
    async (req) => listVersions(context(req), req.params.id),
  );

  r.patch(
    '/api/v1/plans/:id',
    { schema: { tags, params: idParams, body: planPatch, response: { 200: planShape } } },
    async (req) => patchPlan(context(req), req.params.id, req.body),
  );

  r.post(
    '/api/v1/plans/:id/progress',
    {
      schema: {
        tags,
        params: idParams,
        body: planProgressInput,
        response: { 200: progressResult, 201: progressResult },
      },
    },
    async (req, reply) => {
      const { result, created } = await reportProgress(context(req), req.params.id, req.body);
      return reply.status(created ? 201 : 200).send(result);
    },
  );

  r.get(
    '/api/v1/plans/:id/progress',
    {
      schema: {
        tags,
        params: idParams,
        querystring: progressListQuery,
        response: { 200: page(progressEntryShape) },
      },
    },
    async (req) => listProgress(context(req), req.params.id, req.query),
  );

  r.get(
    '/api/v1/plan-activities',
    { schema: { tags, querystring: taskListQuery, response: { 200: page(taskShape) } } },
    async (req) => listTasks(context(req), req.query),
  );
}
