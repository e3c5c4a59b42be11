import type { FastifyRequest } from 'fastify';
import type { Actor } from '../../../core/policy/index.ts';
import type { AppContext } from '../../context.ts';
import type { Db } from '../../db/client.ts';
import { requireActor } from '../../http/auth.ts';
import type { Lang } from '../../http/messages.ts';

export interface ScreeningContext {
  db: Db;
  actor: Actor;
  /** For messages that end up inside a 2xx body (batch results). */
  lang: Lang;
  now: Date;
}

export function screeningContext(ctx: AppContext, req: FastifyRequest): ScreeningContext {
  return { db: ctx.database.db, actor: requireActor(req), lang: req.lang, now: new Date() };
}
