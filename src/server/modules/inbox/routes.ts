import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { inboxReadAll, inboxReadAllResult, inboxTodo, inboxUnread } from '../../../core/schemas/inbox.ts';
import { idParams, inboxItem, inboxPage, inboxQuery } from '../../../core/schemas/index.ts';
import type { AppContext } from '../../context.ts';
import { requireActor } from '../../http/auth.ts';
import { inboxUnreadCount, listInbox, readAllInbox, readInboxItem } from './service.ts';
import { inboxTodo as todoOf } from './todo.ts';

export function inboxRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['inbox'];
  const context = (req: FastifyRequest) => ({ db: ctx.database.db, actor: requireActor(req) });

  r.get(
    '/api/v1/inbox',
    { schema: { tags, querystring: inboxQuery, response: { 200: inboxPage } } },
    async (req) => listInbox(context(req), req.query),
  );

  r.get('/api/v1/inbox/unread', { schema: { tags, response: { 200: inboxUnread } } }, async (req) =>
    inboxUnreadCount(context(req)),
  );

  r.get('/api/v1/inbox/todo', { schema: { tags, response: { 200: inboxTodo } } }, async (req) =>
    todoOf(context(req)),
  );

  r.post(
    '/api/v1/inbox/read-all',
    { schema: { tags, body: inboxReadAll, response: { 200: inboxReadAllResult } } },
    async (req) => readAllInbox(context(req), req.body),
  );

  r.post(
    '/api/v1/inbox/:id/read',
    { schema: { tags, params: idParams, response: { 200: inboxItem } } },
    async (req) => readInboxItem(context(req), req.params.id),
  );
}
