import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  assistanceCreate,
  assistanceListQuery,
  assistancePage,
  assistanceRecent,
  assistanceRecentQuery,
  assistanceRecord,
  assistanceTotalsQuery,
  assistanceTotals as totalsShape,
} from '../../../core/schemas/assistance.ts';
import { idParams } from '../../../core/schemas/common.ts';
import { duplicateWindows } from '../../../core/services/assistance.ts';
import { thaiToday } from '../../../core/thai/birthDate.ts';
import type { AppContext } from '../../context.ts';
import { requireActor } from '../../http/auth.ts';
import { type AssistanceContext, listAssistance, recentAssistance, recordAssistance } from './service.ts';
import { assistanceTotals } from './totals.ts';

/** The assistance ledger (issue 8 item 5; API.md "Assistance"). */
export function assistanceRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['assistance'];
  const windows = duplicateWindows(ctx.config.assistanceDuplicateDays);
  const context = (req: FastifyRequest): AssistanceContext => ({
    db: ctx.database.db,
    actor: requireActor(req),
    lang: req.lang,
    today: thaiToday(),
    windows,
  });

  r.post(
    '/api/v1/assistance',
    { schema: { tags, body: assistanceCreate, response: { 200: assistanceRecord, 201: assistanceRecord } } },
    async (req, reply) => {
      const { record, created } = await recordAssistance(context(req), req.body);
      return reply.status(created ? 201 : 200).send(record);
    },
  );

  r.get(
    '/api/v1/persons/:id/assistance',
    {
      schema: { tags, params: idParams, querystring: assistanceListQuery, response: { 200: assistancePage } },
    },
    async (req) => listAssistance(context(req), req.params.id, req.query),
  );

  r.get(
    '/api/v1/persons/:id/assistance/recent',
    {
      schema: {
        tags,
        params: idParams,
        querystring: assistanceRecentQuery,
        response: { 200: assistanceRecent },
      },
    },
    async (req) => recentAssistance(context(req), req.params.id, req.query),
  );

  r.get(
    '/api/v1/assistance/totals',
    { schema: { tags, querystring: assistanceTotalsQuery, response: { 200: totalsShape } } },
    async (req) => assistanceTotals(context(req), req.query),
  );
}
