import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { careTimelinePage, careTimelineQuery, idParams } from '../../../core/schemas/index.ts';
import type { AppContext } from '../../context.ts';
import { groupContext } from '../groups/context.ts';
import { personCareTimeline } from './service.ts';

export function careTimelineRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/v1/persons/:id/care-timeline',
    {
      schema: {
        tags: ['persons'],
        params: idParams,
        querystring: careTimelineQuery,
        response: { 200: careTimelinePage },
      },
    },
    async (req) => personCareTimeline(groupContext(ctx, req), req.params.id, req.query),
  );
}
