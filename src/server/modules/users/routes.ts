import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  idParams,
  page,
  passwordReset,
  user,
  userCreate,
  userListQuery,
  userPatch,
} from '../../../core/schemas/index.ts';
import type { AppContext } from '../../context.ts';
import { requireActor } from '../../http/auth.ts';
import * as users from './service.ts';

export function userRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const db = ctx.database.db;
  const tags = ['users'];

  r.get(
    '/api/v1/users',
    { schema: { tags, querystring: userListQuery, response: { 200: page(user) } } },
    async (req) => users.list(db, requireActor(req), req.query),
  );

  r.post(
    '/api/v1/users',
    { schema: { tags, body: userCreate, response: { 201: user } } },
    async (req, reply) => reply.status(201).send(await users.create(db, requireActor(req), req.body)),
  );

  r.get('/api/v1/users/:id', { schema: { tags, params: idParams, response: { 200: user } } }, async (req) =>
    users.get(db, requireActor(req), req.params.id),
  );

  r.patch(
    '/api/v1/users/:id',
    { schema: { tags, params: idParams, body: userPatch, response: { 200: user } } },
    async (req) => users.update(db, requireActor(req), req.params.id, req.body),
  );

  r.post(
    '/api/v1/users/:id/password',
    { schema: { tags, params: idParams, body: passwordReset } },
    async (req, reply) => {
      await users.resetPassword(db, requireActor(req), req.params.id, req.body.newPassword);
      return reply.status(204).send();
    },
  );
}
