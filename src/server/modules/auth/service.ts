import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import type { Actor } from '../../../core/policy/index.ts';
import type { AppContext } from '../../context.ts';
import { apiTokens, users } from '../../db/schema.ts';
import { Problem } from '../../http/problem.ts';
import { audit } from '../audit/service.ts';
import { actorOf, findUserById, findUserByUsername, iso, type UserRow } from '../users/repo.ts';
import { hashPassword, newToken, tokenDigest, verifyPassword } from './secrets.ts';
import { createSession, forgetCachedSessions, type OpenSession, revokeAllSessions } from './sessions.ts';
import { LoginThrottle } from './throttle.ts';

export class AuthService {
  readonly throttle = new LoginThrottle();

  constructor(private ctx: AppContext) {}

  private get db() {
    return this.ctx.database.db;
  }

  async login(
    username: string,
    password: string,
    meta: { ip: string; userAgent?: string },
  ): Promise<{ user: UserRow; session: OpenSession }> {
    const name = username.trim().toLowerCase();
    const wait = this.throttle.retryAfter(name, meta.ip);
    if (wait > 0) {
      await audit(this.db, null, { action: 'auth.login', entity: 'user', outcome: 'denied', ip: meta.ip });
      throw new Problem(429, 'rate_limited', 'retry_after', { seconds: wait }, [], {
        'retry-after': String(wait),
      });
    }
    const user = await findUserByUsername(this.db, name);
    const ok = await verifyPassword(user?.passwordHash ?? null, password);
    if (!user || !ok) {
      this.throttle.fail(name, meta.ip);
      await audit(this.db, null, {
        action: 'auth.login',
        entity: 'user',
        entityId: user?.id ?? null,
        outcome: 'failed',
        ip: meta.ip,
      });
      throw new Problem(401, 'bad_credentials');
    }
    if (user.disabled) {
      await audit(this.db, actorOf(user), {
        action: 'auth.login',
        entity: 'user',
        entityId: user.id,
        outcome: 'denied',
        ip: meta.ip,
      });
      throw new Problem(403, 'account_disabled');
    }
    this.throttle.succeed(name);
    const session = await createSession(this.db, this.ctx.secrets.sessionSecret, user.id, meta);
    const [updated] = await this.db
      .update(users)
      .set({ lastLoginAt: sql`now()` })
      .where(eq(users.id, user.id))
      .returning();
    // The account's other sessions show the new last login too.
    forgetCachedSessions();
    await audit(this.db, actorOf(user), {
      action: 'auth.login',
      entity: 'user',
      entityId: user.id,
      ip: meta.ip,
    });
    return { user: updated ?? user, session };
  }

  async changePassword(actor: Actor, current: string, next: string): Promise<void> {
    const user = await findUserById(this.db, actor.userId);
    if (!user || !(await verifyPassword(user.passwordHash, current))) {
      throw new Problem(400, 'validation', 'wrong_password', {}, [
        { path: 'currentPassword', detail: 'wrong_password' },
      ]);
    }
    const passwordHash = await hashPassword(next);
    try {
      await this.db.transaction(async (tx) => {
        await tx
          .update(users)
          .set({ passwordHash, mustChangePassword: false, updatedAt: sql`now()` })
          .where(eq(users.id, user.id));
        await audit(tx, actor, { action: 'auth.password.change', entity: 'user', entityId: user.id });
      });
    } finally {
      // The session's account must no longer say the password has to change.
      forgetCachedSessions();
    }
  }

  async logoutEverywhere(actor: Actor): Promise<void> {
    await revokeAllSessions(this.db, actor.userId);
    await audit(this.db, actor, { action: 'auth.logout_all', entity: 'user', entityId: actor.userId });
  }

  async listTokens(actor: Actor) {
    const rows = await this.db
      .select()
      .from(apiTokens)
      .where(and(eq(apiTokens.userId, actor.userId), isNull(apiTokens.revokedAt)))
      .orderBy(desc(apiTokens.createdAt));
    return rows.map((r) => ({
      id: r.id,
      name: r.name,
      createdAt: iso(r.createdAt),
      lastUsedAt: r.lastUsedAt ? iso(r.lastUsedAt) : null,
    }));
  }

  async createToken(actor: Actor, name: string) {
    const token = newToken('tsk_');
    const [row] = await this.db
      .insert(apiTokens)
      .values({ userId: actor.userId, name, tokenHash: tokenDigest(this.ctx.secrets.sessionSecret, token) })
      .returning();
    if (!row) throw new Problem(500, 'internal');
    await audit(this.db, actor, { action: 'auth.token.create', entity: 'api_token', entityId: row.id });
    return { id: row.id, name: row.name, token, createdAt: iso(row.createdAt) };
  }

  async revokeToken(actor: Actor, id: string): Promise<void> {
    const revoked = await this.db
      .update(apiTokens)
      .set({ revokedAt: sql`now()` })
      .where(and(eq(apiTokens.id, id), eq(apiTokens.userId, actor.userId), isNull(apiTokens.revokedAt)))
      .returning({ id: apiTokens.id });
    if (revoked.length === 0) throw new Problem(404, 'not_found');
    await audit(this.db, actor, { action: 'auth.token.revoke', entity: 'api_token', entityId: id });
  }
}
