import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  area,
  areaCode,
  areaDetail,
  areaListQuery,
  page,
  villageCreate,
} from '../../../core/schemas/index.ts';
import type { AppContext } from '../../context.ts';
import { authorize, requireActor } from '../../http/auth.ts';
import { createVillage, getArea, listAreas } from './service.ts';

export function areaRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const db = ctx.database.db;
  const tags = ['areas'];

  r.get(
    '/api/v1/areas',
    { schema: { tags, querystring: areaListQuery, response: { 200: page(area) } } },
    async (req) => {
      authorize(req, { action: 'area.read' });
      return listAreas(db, req.query);
    },
  );

  r.get(
    '/api/v1/areas/:code',
    { schema: { tags, params: z.object({ code: areaCode }).strict(), response: { 200: areaDetail } } },
    async (req) => {
      authorize(req, { action: 'area.read' });
      return getArea(db, req.params.code);
    },
  );

  r.post(
    '/api/v1/areas',
    { schema: { tags, body: villageCreate, response: { 201: area } } },
    async (req, reply) => reply.status(201).send(await createVillage(db, requireActor(req), req.body)),
  );
}
