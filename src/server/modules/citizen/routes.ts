import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  claimAccount,
  linkAdd,
  linkCodeIssued,
  myDataQuery,
  myLink,
  personAuditEntry,
  personAuditQuery,
  personLinks,
} from '../../../core/schemas/citizen.ts';
import { idParams, linkCodeCreate, page, session } from '../../../core/schemas/index.ts';
import { thaiToday } from '../../../core/thai/birthDate.ts';
import type { AppContext } from '../../context.ts';
import { SESSION_COOKIE } from '../../http/auth.ts';
import { createSession, SESSION_MAX_MS } from '../auth/sessions.ts';
import { vaultOf } from '../persons/context.ts';
import { toUserDto } from '../users/repo.ts';
import { linkCodeThrottle } from './codes.ts';
import { myData } from './export.ts';
import {
  addLink,
  type CitizenContext,
  claimAccount as claim,
  issueLinkCode,
  myLinks,
  personAudit,
  personLinksOf,
  revokePersonLink,
  unlinkMine,
} from './service.ts';

const linkParams = z.object({ id: z.uuid(), linkId: z.uuid() }).strict();

/** The citizen's own account: link codes, claiming, the account's links, the export and the access log. */
export function citizenRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const db = ctx.database.db;
  const throttle = linkCodeThrottle();
  const context = (req: FastifyRequest): CitizenContext => ({
    db,
    actor: req.actor,
    vault: vaultOf(ctx),
    today: thaiToday(),
    secret: ctx.secrets.sessionSecret,
    ip: req.ip,
    throttle,
  });
  const tags = ['citizen'];

  r.post(
    '/api/v1/persons/:id/link-codes',
    { schema: { tags, params: idParams, body: linkCodeCreate, response: { 201: linkCodeIssued } } },
    async (req, reply) => reply.status(201).send(await issueLinkCode(context(req), req.params.id, req.body)),
  );

  r.get(
    '/api/v1/persons/:id/links',
    { schema: { tags, params: idParams, response: { 200: personLinks } } },
    async (req) => personLinksOf(context(req), req.params.id),
  );

  r.delete(
    '/api/v1/persons/:id/links/:linkId',
    { schema: { tags, params: linkParams } },
    async (req, reply) => {
      await revokePersonLink(context(req), req.params.id, req.params.linkId);
      return reply.status(204).send();
    },
  );

  r.get(
    '/api/v1/persons/:id/audit',
    {
      schema: {
        tags,
        params: idParams,
        querystring: personAuditQuery,
        response: { 200: page(personAuditEntry) },
      },
    },
    async (req) => personAudit(context(req), req.params.id, req.query),
  );

  r.post(
    '/api/v1/auth/claim',
    { schema: { tags: ['auth', ...tags], body: claimAccount, response: { 201: session } } },
    async (req, reply) => {
      const user = await claim(context(req), req.body);
      // Signed in at once, exactly as a login does.
      const s = await createSession(db, ctx.secrets.sessionSecret, user.id, {
        ip: req.ip,
        userAgent: req.headers['user-agent'],
      });
      reply.setCookie(SESSION_COOKIE, s.token, {
        path: '/',
        httpOnly: true,
        sameSite: 'lax',
        secure: req.protocol === 'https',
        maxAge: SESSION_MAX_MS / 1000,
      });
      return reply.status(201).send({ user: await toUserDto(db, user), csrfToken: s.csrfToken });
    },
  );

  r.get(
    '/api/v1/me/links',
    { schema: { tags, response: { 200: z.object({ items: z.array(myLink) }) } } },
    async (req) => myLinks(context(req)),
  );

  r.post(
    '/api/v1/me/links',
    { schema: { tags, body: linkAdd, response: { 201: myLink } } },
    async (req, reply) => reply.status(201).send(await addLink(context(req), req.body.code)),
  );

  r.delete('/api/v1/me/links/:id', { schema: { tags, params: idParams } }, async (req, reply) => {
    await unlinkMine(context(req), req.params.id);
    return reply.status(204).send();
  });

  r.get(
    '/api/v1/me/data',
    {
      schema: { tags, querystring: myDataQuery, description: 'Everything held about the person, as a file' },
    },
    async (req, reply) => {
      const data = await myData(context(req), req.query.personId);
      return reply
        .header('content-disposition', `attachment; filename="toemsuk-my-data-${thaiToday()}.json"`)
        .send(data);
    },
  );
}
