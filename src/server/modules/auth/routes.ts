import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParams, login, passwordChange, session, tokenCreate } from '../../../core/schemas/index.ts';
import type { AppContext } from '../../context.ts';
import { requireActor, SESSION_COOKIE } from '../../http/auth.ts';
import { audit } from '../audit/service.ts';
import { toUserDto } from '../users/repo.ts';
import { AuthService } from './service.ts';
import { revokeSession, SESSION_MAX_MS } from './sessions.ts';

const tokenItem = z.object({
  id: z.string(),
  name: z.string(),
  createdAt: z.string(),
  lastUsedAt: z.string().nullable(),
});

export function authRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const auth = new AuthService(ctx);
  const db = ctx.database.db;
  const tags = ['auth'];

  r.post(
    '/api/v1/auth/login',
    { schema: { tags, body: login, response: { 200: session } } },
    async (req, reply) => {
      const meta = { ip: req.ip, userAgent: req.headers['user-agent'] };
      const { user, session: s } = await auth.login(req.body.username, req.body.password, meta);
      reply.setCookie(SESSION_COOKIE, s.token, {
        path: '/',
        httpOnly: true,
        sameSite: 'lax',
        secure: req.protocol === 'https',
        maxAge: SESSION_MAX_MS / 1000,
      });
      return { user: await toUserDto(db, user), csrfToken: s.csrfToken };
    },
  );

  r.get('/api/v1/auth/me', { schema: { tags, response: { 200: session } } }, async (req) => {
    requireActor(req);
    return { user: await toUserDto(db, req.user!), csrfToken: req.session?.csrfToken ?? '' };
  });

  r.post('/api/v1/auth/logout', { schema: { tags } }, async (req, reply) => {
    const actor = requireActor(req);
    if (req.session) {
      await revokeSession(db, req.session.id);
      await audit(db, actor, { action: 'auth.logout', entity: 'user', entityId: actor.userId });
    }
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return reply.status(204).send();
  });

  r.post('/api/v1/auth/logout-all', { schema: { tags } }, async (req, reply) => {
    await auth.logoutEverywhere(requireActor(req));
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return reply.status(204).send();
  });

  r.post('/api/v1/auth/password', { schema: { tags, body: passwordChange } }, async (req, reply) => {
    await auth.changePassword(requireActor(req), req.body.currentPassword, req.body.newPassword);
    return reply.status(204).send();
  });

  r.get(
    '/api/v1/auth/tokens',
    { schema: { tags, response: { 200: z.object({ items: z.array(tokenItem) }) } } },
    async (req) => ({ items: await auth.listTokens(requireActor(req)) }),
  );

  r.post(
    '/api/v1/auth/tokens',
    {
      schema: {
        tags,
        body: tokenCreate,
        response: { 201: tokenItem.omit({ lastUsedAt: true }).extend({ token: z.string() }) },
      },
    },
    async (req, reply) => reply.status(201).send(await auth.createToken(requireActor(req), req.body.name)),
  );

  r.delete('/api/v1/auth/tokens/:id', { schema: { tags, params: idParams } }, async (req, reply) => {
    await auth.revokeToken(requireActor(req), req.params.id);
    return reply.status(204).send();
  });
}
