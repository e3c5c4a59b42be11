import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { constants as zlib } from 'node:zlib';
import compress from '@fastify/compress';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, {
  type FastifyInstance,
  type FastifyReply,
  type FastifyRequest,
  LogController,
} from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import type { AppContext } from './context.ts';
import { registerAuthentication } from './http/auth.ts';
import { registerErrorHandling, sendProblem } from './http/errors.ts';
import { Problem } from './http/problem.ts';
import { activityRoutes } from './modules/activities/routes.ts';
import { areaRoutes } from './modules/areas/routes.ts';
import { assistanceRoutes } from './modules/assistance/routes.ts';
import { auditRoutes } from './modules/audit/routes.ts';
import { authRoutes } from './modules/auth/routes.ts';
import { careTimelineRoutes } from './modules/careTimeline/routes.ts';
import { citizenRoutes } from './modules/citizen/routes.ts';
import { groupRoutes } from './modules/groups/routes.ts';
import { healthRoutes } from './modules/health/routes.ts';
import { householdRoutes } from './modules/households/routes.ts';
import { importRoutes } from './modules/imports/routes.ts';
import { inboxRoutes } from './modules/inbox/routes.ts';
import { organizationRoutes } from './modules/organizations/routes.ts';
import { personRoutes } from './modules/persons/routes.ts';
import { planRoutes } from './modules/plans/routes.ts';
import { referralRoutes } from './modules/referrals/routes.ts';
import { reportRoutes } from './modules/reports/routes.ts';
import { screeningRoutes } from './modules/screenings/routes.ts';
import { transportRoutes } from './modules/transport/routes.ts';
import { userRoutes } from './modules/users/routes.ts';
import { visitRoutes } from './modules/visits/routes.ts';

export const BODY_LIMIT = 1_048_576;

/**
 * One log line per request, when it completes (method, path without the query string, status, time),
 * instead of Fastify's two: a phone's captures are a hot path. Failures still log at error level.
 */
class OneLineRequestLog extends LogController {
  override incomingRequest(): void {}

  override requestCompleted(
    error: Error | null | undefined,
    request: FastifyRequest,
    reply: FastifyReply,
  ): void {
    if (this.isLogDisabled(request)) return;
    const line = {
      method: request.method,
      path: request.url.split('?')[0],
      statusCode: reply.statusCode,
      responseTime: Math.round(reply.elapsedTime * 10) / 10,
    };
    if (error) reply.log.error({ ...line, err: error }, 'request errored');
    else reply.log.info(line, 'request completed');
  }
}

/** Builds the whole application; main.ts listens, tests inject. */
export async function buildApp(
  ctx: AppContext,
  options: { logStream?: NodeJS.WritableStream } = {},
): Promise<FastifyInstance> {
  const app = Fastify({
    bodyLimit: BODY_LIMIT,
    trustProxy: true,
    logger: {
      level: ctx.config.logLevel,
      ...(options.logStream ? { stream: options.logStream } : {}),
      // Requests are logged by method and path only: a query string can hold a name or a national ID
      // (?q=…), and headers hold credentials. Bodies are never logged.
      serializers: {
        req: (req: { method: string; url: string; id: string }) => ({
          id: req.id,
          method: req.method,
          path: req.url.split('?')[0],
        }),
      },
    },
    ajv: { customOptions: { coerceTypes: false } },
    logController: new OneLineRequestLog(),
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerErrorHandling(app);

  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        upgradeInsecureRequests: null,
      },
    },
  });
  await app.register(cookie);
  // A phone on 3G waits for bytes, not for the server's CPU: every answer over 1 kB (the app's
  // scripts, a month's calendar, a village table) goes Brotli or gzip-compressed when the client
  // accepts it, about ten times smaller. Brotli at quality 4 costs about what gzip does; its default
  // (11) takes seconds on a large answer. The referral stream takes its response over and stays plain.
  await app.register(compress, {
    encodings: ['br', 'gzip'],
    threshold: 1024,
    brotliOptions: { params: { [zlib.BROTLI_PARAM_QUALITY]: 4 } },
  });
  await app.register(swagger, {
    openapi: {
      info: {
        title: 'Toemsuk API',
        version: '1.0.0',
        description: 'เติมสุข — care coordination for Thai communities',
      },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs', staticCSP: true });
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  app.addHook('onSend', async (req, reply) => {
    if (req.url.startsWith('/api/')) reply.header('cache-control', 'no-store');
  });

  registerAuthentication(app, ctx);
  healthRoutes(app, ctx);
  authRoutes(app, ctx);
  areaRoutes(app, ctx);
  organizationRoutes(app, ctx);
  userRoutes(app, ctx);
  auditRoutes(app, ctx);
  personRoutes(app, ctx);
  importRoutes(app, ctx);
  householdRoutes(app, ctx);
  screeningRoutes(app, ctx);
  inboxRoutes(app, ctx);
  groupRoutes(app, ctx);
  citizenRoutes(app, ctx);
  activityRoutes(app, ctx);
  planRoutes(app, ctx);
  reportRoutes(app, ctx);
  referralRoutes(app, ctx);
  assistanceRoutes(app, ctx);
  visitRoutes(app, ctx);
  transportRoutes(app, ctx);
  careTimelineRoutes(app, ctx);
  const hasWeb = await serveWeb(app, ctx.config.webDir);
  app.setNotFoundHandler((req, reply) => {
    if (hasWeb && req.method === 'GET' && !req.url.startsWith('/api/')) {
      return reply.header('cache-control', 'no-cache').sendFile('index.html');
    }
    return sendProblem(req, reply, new Problem(404, 'not_found'));
  });
  return app;
}

/** The built single-page app; unknown non-API paths get index.html so client routes survive a reload. */
async function serveWeb(app: FastifyInstance, webDir: string): Promise<boolean> {
  const root = resolve(webDir);
  if (!existsSync(resolve(root, 'index.html'))) return false;
  await app.register(fastifyStatic, {
    root,
    wildcard: false,
    setHeaders(reply, path) {
      const hashed = /[/\\]assets[/\\]/.test(path);
      reply.header('cache-control', hashed ? 'public, max-age=31536000, immutable' : 'no-cache');
    },
  });
  return true;
}
