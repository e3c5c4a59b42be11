import { createHmac } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import type { Actor } from '../../../core/policy/index.ts';
import { thaiToday } from '../../../core/thai/birthDate.ts';
import type { AppContext } from '../../context.ts';
import type { Db } from '../../db/client.ts';
import { requireActor } from '../../http/auth.ts';

export interface GroupContext {
  db: Db;
  actor: Actor;
  /** Today in Thailand (ISO date): a group is active from `startsOn` through `endsOn`. */
  today: string;
  now: Date;
  /** Key for the pseudonymous aliases of enrolled people (derived from the session secret). */
  aliasKey: Buffer;
}

const aliasKeys = new WeakMap<AppContext, Buffer>();

function aliasKeyOf(ctx: AppContext): Buffer {
  let key = aliasKeys.get(ctx);
  if (!key) {
    key = createHmac('sha256', ctx.secrets.sessionSecret).update('toemsuk:group-alias:v1').digest();
    aliasKeys.set(ctx, key);
  }
  return key;
}

export function groupContext(ctx: AppContext, req: FastifyRequest): GroupContext {
  const now = new Date();
  return {
    db: ctx.database.db,
    actor: requireActor(req),
    today: thaiToday(now),
    now,
    aliasKey: aliasKeyOf(ctx),
  };
}
