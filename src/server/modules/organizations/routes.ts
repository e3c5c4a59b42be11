import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  idParams,
  organization,
  organizationCreate,
  organizationListItem,
  organizationListQuery,
  organizationPatch,
  page,
} from '../../../core/schemas/index.ts';
import type { AppContext } from '../../context.ts';
import { authorize, requireActor } from '../../http/auth.ts';
import * as organizations from './service.ts';

export function organizationRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const db = ctx.database.db;
  const tags = ['organizations'];

  r.get(
    '/api/v1/organizations',
    { schema: { tags, querystring: organizationListQuery, response: { 200: page(organizationListItem) } } },
    async (req) => {
      authorize(req, { action: 'organization.read' });
      return organizations.list(db, req.query);
    },
  );

  r.post(
    '/api/v1/organizations',
    { schema: { tags, body: organizationCreate, response: { 201: organization } } },
    async (req, reply) => reply.status(201).send(await organizations.create(db, requireActor(req), req.body)),
  );

  r.get(
    '/api/v1/organizations/:id',
    { schema: { tags, params: idParams, response: { 200: organization } } },
    async (req) => {
      authorize(req, { action: 'organization.read' });
      return organizations.get(db, req.params.id);
    },
  );

  r.patch(
    '/api/v1/organizations/:id',
    { schema: { tags, params: idParams, body: organizationPatch, response: { 200: organization } } },
    async (req) => organizations.update(db, requireActor(req), req.params.id, req.body),
  );
}
