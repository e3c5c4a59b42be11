import type { FastifyRequest } from 'fastify';
import { thaiToday } from '../../../core/thai/birthDate.ts';
import type { AppContext } from '../../context.ts';
import { requireActor } from '../../http/auth.ts';
import { NationalIdVault } from './nationalIdVault.ts';
import type { PersonContext } from './service.ts';

const vaults = new WeakMap<AppContext, NationalIdVault>();

/** One vault per application (key derivation is not free); one context per request. */
export function vaultOf(ctx: AppContext): NationalIdVault {
  let vault = vaults.get(ctx);
  if (!vault) {
    vault = new NationalIdVault(ctx.secrets.encryptionKey);
    vaults.set(ctx, vault);
  }
  return vault;
}

export function personContext(ctx: AppContext, req: FastifyRequest): PersonContext {
  return { db: ctx.database.db, actor: requireActor(req), vault: vaultOf(ctx), today: thaiToday() };
}
