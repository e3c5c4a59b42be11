import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { activityCreate, activityListQuery, idParams, page } from '../../../core/schemas/index.ts';
import type { AppContext } from '../../context.ts';
import { requireActor } from '../../http/auth.ts';
import { createActivityGroup, getActivityGroup, listActivityGroups, recordAttendance } from './groups.ts';
import {
  activityDetailShape,
  activityEffectShape,
  activityGroupCreate,
  activityGroupDetail,
  activityGroupListQuery,
  activityGroupShape,
  activityShape,
  attendanceInput,
  attendanceResult,
} from './schemas.ts';
import {
  type ActivityContext,
  activityEffectOf,
  createActivity,
  getActivity,
  listLibrary,
} from './service.ts';

export function activityRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['activities'];
  const context = (req: FastifyRequest): ActivityContext => ({
    db: ctx.database.db,
    actor: requireActor(req),
    now: new Date(),
  });

  r.get(
    '/api/v1/activities',
    { schema: { tags, querystring: activityListQuery, response: { 200: page(activityShape) } } },
    async (req) => listLibrary(context(req), req.query),
  );

  r.post(
    '/api/v1/activities',
    { schema: { tags, body: activityCreate, response: { 201: activityShape } } },
    async (req, reply) => reply.status(201).send(await createActivity(context(req), req.body)),
  );

  r.get(
    '/api/v1/activities/:id',
    { schema: { tags, params: idParams, response: { 200: activityDetailShape } } },
    async (req) => getActivity(context(req), req.params.id),
  );

  r.get(
    '/api/v1/activities/:id/effect',
    { schema: { tags, params: idParams, response: { 200: activityEffectShape } } },
    async (req) => activityEffectOf(context(req), req.params.id),
  );

  r.post(
    '/api/v1/activity-groups',
    { schema: { tags, body: activityGroupCreate, response: { 201: activityGroupShape } } },
    async (req, reply) => reply.status(201).send(await createActivityGroup(context(req), req.body)),
  );

  r.get(
    '/api/v1/activity-groups',
    { schema: { tags, querystring: activityGroupListQuery, response: { 200: page(activityGroupShape) } } },
    async (req) => listActivityGroups(context(req), req.query),
  );

  r.get(
    '/api/v1/activity-groups/:id',
    { schema: { tags, params: idParams, response: { 200: activityGroupDetail } } },
    async (req) => getActivityGroup(context(req), req.params.id),
  );

  r.post(
    '/api/v1/activity-groups/:id/attendance',
    { schema: { tags, params: idParams, body: attendanceInput, response: { 200: attendanceResult } } },
    async (req) => recordAttendance(context(req), req.params.id, req.body),
  );
}
