import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { page } from '../../../core/schemas/common.ts';
import {
  reportPeopleQuery,
  reportPersonRow,
  reportQuery,
  wellbeingReport,
} from '../../../core/schemas/report.ts';
import type { AppContext } from '../../context.ts';
import { groupContext } from '../groups/context.ts';
import { ReportRollup } from './rollup.ts';
import { wellbeingReport as buildReport, type ReportContext, reportPeople } from './service.ts';

export function reportRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['reports'];
  // One rollup per app: it runs beside requests while the app is up (PGlite: smaller steps).
  const rollup = new ReportRollup(ctx.database.db, app.log.child({ module: 'reports' }), {
    peoplePerStep: ctx.database.kind === 'pglite' ? 200 : 1000,
  });
  app.addHook('onReady', async () => rollup.start());
  app.addHook('onClose', async () => rollup.stop());
  const context = (req: FastifyRequest): ReportContext => ({ ...groupContext(ctx, req), rollup, ip: req.ip });

  r.get(
    '/api/v1/reports/wellbeing',
    { schema: { tags, querystring: reportQuery, response: { 200: wellbeingReport } } },
    async (req) => buildReport(context(req), req.query),
  );

  r.get(
    '/api/v1/reports/wellbeing/people',
    { schema: { tags, querystring: reportPeopleQuery, response: { 200: page(reportPersonRow) } } },
    async (req) => reportPeople(context(req), req.query),
  );
}
