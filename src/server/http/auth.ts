import type { FastifyInstance, FastifyRequest } from 'fastify';
import { type Actor, decide, type Request as PolicyRequest } from '../../core/policy/index.ts';
import type { AppContext } from '../context.ts';
import { sameToken } from '../modules/auth/secrets.ts';
import { resolveApiToken, resolveSession } from '../modules/auth/sessions.ts';
import { actorOf, type UserRow } from '../modules/users/repo.ts';
import { type Lang, pickLang } from './messages.ts';
import { forbidden, notFound, Problem, unauthenticated } from './problem.ts';

export const SESSION_COOKIE = 'toemsuk_session';

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null;
    user: UserRow | null;
    session: { id: string; csrfToken: string } | null;
    lang: Lang;
  }
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
/** Logging in replaces whatever session the browser had, so it needs no token from it. */
const CSRF_EXEMPT = new Set(['/api/v1/auth/login']);

/**
 * Works out who is calling, once per API request: a session cookie (browser)
 * or a bearer token (integration). Cookie-authenticated writes must echo the
 * session's CSRF token in `x-csrf-token`; bearer calls cannot be forged by a
 * page, so they need none.
 */
export function registerAuthentication(app: FastifyInstance, ctx: AppContext): void {
  app.decorateRequest('actor', null);
  app.decorateRequest('user', null);
  app.decorateRequest('session', null);
  app.decorateRequest('lang', 'th');

  app.addHook('onRequest', async (req, reply) => {
    req.lang = pickLang(req.headers['accept-language']);
    if (!req.url.startsWith('/api/')) return;
    const { db } = ctx.database;
    const secret = ctx.secrets.sessionSecret;

    const bearer = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '')?.[1];
    if (bearer) {
      const user = await resolveApiToken(db, secret, bearer);
      if (!user) throw unauthenticated();
      req.user = user;
      req.actor = actorOf(user);
      return;
    }

    const cookie = req.cookies[SESSION_COOKIE];
    if (!cookie) return;
    const resolved = await resolveSession(db, secret, cookie);
    if (!resolved) {
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return;
    }
    req.user = resolved.user;
    req.actor = actorOf(resolved.user);
    req.session = { id: resolved.sessionId, csrfToken: resolved.csrfToken };

    if (!SAFE_METHODS.has(req.method) && !CSRF_EXEMPT.has(req.url)) {
      const sent = req.headers['x-csrf-token'];
      if (typeof sent !== 'string' || !sameToken(sent, resolved.csrfToken)) throw new Problem(403, 'csrf');
    }
  });
}

export function requireActor(req: FastifyRequest): Actor {
  if (!req.actor) throw unauthenticated();
  return req.actor;
}

/** Asks the policy; throws the status it chose (401 first if nobody is logged in). */
export function authorize(req: FastifyRequest, request: PolicyRequest): Actor {
  const actor = requireActor(req);
  const decision = decide(actor, request);
  if (!decision.allow) throw decision.status === 404 ? notFound() : forbidden();
  return actor;
}

/** The same for an actor already in hand (services). */
export function ensureAllowed(actor: Actor, request: PolicyRequest): void {
  const decision = decide(actor, request);
  if (!decision.allow) throw decision.status === 404 ? notFound() : forbidden();
}
