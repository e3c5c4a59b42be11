import { and, desc, eq, lt, type SQL } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { page } from '../../../core/schemas/index.ts';
import type { AppContext } from '../../context.ts';
import { auditLog } from '../../db/schema.ts';
import { authorize } from '../../http/auth.ts';
import { decodeCursor, pageOf } from '../../http/cursor.ts';

const query = z
  .object({
    entity: z.string().max(50).optional(),
    entityId: z.string().max(100).optional(),
    actorId: z.uuid().optional(),
    action: z.string().max(100).optional(),
    limit: z.coerce.number().int().min(1).max(500).default(50),
    cursor: z.string().max(200).optional(),
  })
  .strict();

const entry = z.object({
  id: z.number(),
  at: z.string(),
  actorId: z.string().nullable(),
  action: z.string(),
  entity: z.string(),
  entityId: z.string().nullable(),
  areaCode: z.string().nullable(),
  outcome: z.string(),
  detail: z.unknown(),
});

/** The operator's view of the whole audit trail, newest first. */
export function auditRoutes(app: FastifyInstance, ctx: AppContext) {
  const db = ctx.database.db;
  app
    .withTypeProvider<ZodTypeProvider>()
    .get(
      '/api/v1/audit',
      { schema: { tags: ['audit'], querystring: query, response: { 200: page(entry) } } },
      async (req) => {
        authorize(req, { action: 'audit.read' });
        const q = req.query;
        const where: SQL[] = [];
        if (q.entity) where.push(eq(auditLog.entity, q.entity));
        if (q.entityId) where.push(eq(auditLog.entityId, q.entityId));
        if (q.actorId) where.push(eq(auditLog.actorId, q.actorId));
        if (q.action) where.push(eq(auditLog.action, q.action));
        const before = decodeCursor(q.cursor, 1);
        if (before) where.push(lt(auditLog.id, Number(before[0])));
        const rows = await db
          .select()
          .from(auditLog)
          .where(and(...where))
          .orderBy(desc(auditLog.id))
          .limit(q.limit + 1);
        const items = rows.map((r) => ({ ...r, at: new Date(r.at).toISOString() }));
        return pageOf(items, q.limit, (last) => [last.id]);
      },
    );
}
