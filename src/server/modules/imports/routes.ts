import multipart from '@fastify/multipart';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { idParams, listQuery, page } from '../../../core/schemas/index.ts';
import type { AppContext } from '../../context.ts';
import { requireActor } from '../../http/auth.ts';
import { audit } from '../audit/service.ts';
import { toJobDto } from './dto.ts';
import { errorsCsv } from './errorsCsv.ts';
import { rememberContext, workerOf } from './registry.ts';
import { allErrors, jobContent } from './repo.ts';
import { importJob, importJobSummary, inspectResult, templateQuery } from './schemas.ts';
import {
  commitDryRun,
  createImport,
  getImport,
  type ImportContext,
  inspectFile,
  listImports,
  visibleJob,
} from './service.ts';
import { templateCsv, templateXlsx } from './templateFile.ts';
import { MAX_UPLOAD_BYTES, readUpload, tooLarge } from './upload.ts';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Bulk import of people (issue 3 item 7). Routes parse and answer; service.ts decides; worker.ts imports. */
export function importRoutes(app: FastifyInstance, ctx: AppContext) {
  rememberContext(app, ctx);
  // Whatever started the worker, closing the app stops it before the database goes away.
  app.addHook('onClose', async () => {
    await workerOf(app)?.stop();
  });
  const context = (req: FastifyRequest): ImportContext => ({
    db: ctx.database.db,
    actor: requireActor(req),
    lang: req.lang,
  });
  const tags = ['imports'];

  // Multipart only here, so no other route accepts uploads; the app's 1 MB body limit stays for JSON.
  app.register(async (scope) => {
    await scope.register(multipart, {
      limits: { fileSize: MAX_UPLOAD_BYTES, files: 1, fields: 20, fieldSize: 100_000 },
    });
    const r = scope.withTypeProvider<ZodTypeProvider>();

    r.get(
      '/api/v1/imports/template',
      { schema: { tags, querystring: templateQuery } },
      async (req, reply) => {
        requireActor(req);
        const xlsx = req.query.type === 'xlsx';
        return reply
          .type(xlsx ? XLSX_TYPE : 'text/csv; charset=utf-8')
          .header('content-disposition', `attachment; filename="toemsuk-persons-template.${req.query.type}"`)
          .send(xlsx ? await templateXlsx() : templateCsv());
      },
    );

    r.post(
      '/api/v1/imports/inspect',
      { schema: { tags, consumes: ['multipart/form-data'], response: { 200: inspectResult } } },
      async (req) => {
        const c = context(req);
        return inspectFile(c, await readUpload(req));
      },
    );

    r.post(
      '/api/v1/imports',
      { schema: { tags, consumes: ['multipart/form-data'], response: { 202: importJob } } },
      async (req, reply) => {
        const c = context(req);
        // A declared length over the limit is refused before a byte is read.
        if (Number(req.headers['content-length'] ?? 0) > MAX_UPLOAD_BYTES + 1_048_576) throw tooLarge();
        const job = await createImport(c, await readUpload(req));
        workerOf(app)?.kick();
        return reply.status(202).send(toJobDto(job, [], c.lang));
      },
    );

    r.get(
      '/api/v1/imports',
      { schema: { tags, querystring: listQuery, response: { 200: page(importJobSummary) } } },
      async (req) => listImports(context(req), req.query),
    );

    r.get(
      '/api/v1/imports/:id',
      { schema: { tags, params: idParams, response: { 200: importJob } } },
      async (req) => getImport(context(req), req.params.id),
    );

    r.get('/api/v1/imports/:id/errors.csv', { schema: { tags, params: idParams } }, async (req, reply) => {
      const c = context(req);
      const job = await visibleJob(c, req.params.id);
      const errors = await allErrors(c.db, job.id);
      await audit(c.db, c.actor, {
        action: 'import.errors.read',
        entity: 'import',
        entityId: job.id,
        areaCode: job.areaCode,
        detail: { count: errors.length },
      });
      const content = (await jobContent(c.db, job.id))!;
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="import-${job.id}-errors.csv"`)
        .send(errorsCsv(content, errors, c.lang));
    });

    r.post(
      '/api/v1/imports/:id/commit',
      { schema: { tags, params: idParams, response: { 200: importJob, 202: importJob } } },
      async (req, reply) => {
        const c = context(req);
        const { job, created } = await commitDryRun(c, req.params.id);
        if (!created) return reply.status(200).send(toJobDto(job, [], c.lang));
        workerOf(app)?.kick();
        return reply.status(202).send(toJobDto(job, [], c.lang));
      },
    );
  });
}
