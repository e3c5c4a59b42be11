import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context.ts';

const health = z.object({ status: z.literal('ok'), database: z.enum(['pglite', 'postgres']) });

export function healthRoutes(app: FastifyInstance, ctx: AppContext) {
  app
    .withTypeProvider<ZodTypeProvider>()
    .get('/api/health', { schema: { tags: ['health'], response: { 200: health } } }, async () => {
      // A health check that never touches the database would say ok while it is down.
      await ctx.database.db.execute(sql`select 1`);
      return { status: 'ok' as const, database: ctx.database.kind };
    });
}
