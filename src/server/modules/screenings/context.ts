import type { FastifyRequest } from 'fastify';
import type { Actor } from '../../../core/policy/index.ts';
import { bangkokDate } from '../../../core/screenings/month.ts';
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

/** The context the person-access rules need: today in Thailand, for group periods. */
export function accessOf(c: ScreeningContext) {
  return { db: c.db, actor: c.actor, today: bangkokDate(c.now) };
}

export function screeningContext(ctx: AppContext, req: FastifyRequest): ScreeningContext {
  return { db: ctx.database.db, actor: requireActor(req), lang: req.lang, now: new Date() };
}
