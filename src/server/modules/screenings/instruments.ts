/**
 * Instrument definitions for phones to cache: they render and score a form
 * offline from these. Definitions live in core's registry, never in the
 * database, and a published version never changes.
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  getInstrument,
  type InstrumentDefinition,
  instrumentDefinition,
  instruments,
  instrumentVersions,
} from '../../../core/instruments/index.ts';
import { instrumentListQuery, instrumentParams, instrumentQuery } from '../../../core/schemas/index.ts';
import { authorize } from '../../http/auth.ts';
import { notFound } from '../../http/problem.ts';

const definitionList = z.object({ items: z.array(instrumentDefinition), nextCursor: z.null() });

export function instrumentRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['instruments'];

  // The registry is small and bounded (every published version of a dozen instruments): one page.
  r.get(
    '/api/v1/instruments',
    { schema: { tags, querystring: instrumentListQuery, response: { 200: definitionList } } },
    async (req) => {
      authorize(req, { action: 'instrument.read' });
      const items: InstrumentDefinition[] =
        req.query.all === 'true'
          ? instruments.flatMap((d) => instrumentVersions(d.code).map((v) => getInstrument(d.code, v)!))
          : [...instruments];
      return { items, nextCursor: null };
    },
  );

  r.get(
    '/api/v1/instruments/:code',
    {
      schema: {
        tags,
        params: instrumentParams,
        querystring: instrumentQuery,
        response: { 200: instrumentDefinition },
      },
    },
    async (req) => {
      authorize(req, { action: 'instrument.read' });
      const definition = getInstrument(req.params.code, req.query.version);
      if (!definition) throw notFound();
      return definition;
    },
  );
}
