import { and, eq, gt, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { apiTokens, sessions, users } from '../../db/schema.ts';
import type { UserRow } from '../users/repo.ts';
import { newToken, tokenDigest } from './secrets.ts';

/** A session lasts 30 days at most and ends after 14 idle days. */
export const SESSION_MAX_MS = 30 * 24 * 3600_000;
export const SESSION_IDLE_MS = 14 * 24 * 3600_000;
/** Seen-at is refreshed at most once a minute, so reads do not all become writes. */
const TOUCH_EVERY_MS = 60_000;

export interface OpenSession {
  token: string;
  csrfToken: string;
  expiresAt: Date;
}

export async function createSession(
  db: Db,
  secret: string,
  userId: string,
  meta: { ip: string; userAgent?: string },
): Promise<OpenSession> {
  const token = newToken();
  const csrfToken = newToken();
  const expiresAt = new Date(Date.now() + SESSION_MAX_MS);
  await db.insert(sessions).values({
    id: tokenDigest(secret, token),
    userId,
    csrfToken,
    expiresAt: expiresAt.toISOString(),
    ip: meta.ip,
    userAgent: meta.userAgent?.slice(0, 300) ?? null,
  });
  return { token, csrfToken, expiresAt };
}

export interface ResolvedSession {
  sessionId: string;
  csrfToken: string;
  user: UserRow;
}

export async function resolveSession(db: Db, secret: string, token: string): Promise<ResolvedSession | null> {
  const id = tokenDigest(secret, token);
  const [row] = await db
    .select({ session: sessions, user: users })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.id, id), isNull(sessions.revokedAt), gt(sessions.expiresAt, sql`now()`)))
    .limit(1);
  if (!row || row.user.disabled) return null;
  const seen = new Date(row.session.lastSeenAt).getTime();
  if (Date.now() - seen > SESSION_IDLE_MS) return null;
  if (Date.now() - seen > TOUCH_EVERY_MS) {
    await db.update(sessions).set({ lastSeenAt: sql`now()` }).where(eq(sessions.id, id));
  }
  return { sessionId: id, csrfToken: row.session.csrfToken, user: row.user };
}

export async function revokeSession(db: Db, sessionId: string): Promise<void> {
  await db.update(sessions).set({ revokedAt: sql`now()` }).where(eq(sessions.id, sessionId));
}

export async function revokeAllSessions(db: Db, userId: string): Promise<void> {
  await db
    .update(sessions)
    .set({ revokedAt: sql`now()` })
    .where(and(eq(sessions.userId, userId), isNull(sessions.revokedAt)));
}

export async function resolveApiToken(db: Db, secret: string, token: string): Promise<UserRow | null> {
  const digest = tokenDigest(secret, token);
  const [row] = await db
    .select({ token: apiTokens, user: users })
    .from(apiTokens)
    .innerJoin(users, eq(users.id, apiTokens.userId))
    .where(and(eq(apiTokens.tokenHash, digest), isNull(apiTokens.revokedAt)))
    .limit(1);
  if (!row || row.user.disabled) return null;
  const last = row.token.lastUsedAt ? new Date(row.token.lastUsedAt).getTime() : 0;
  if (Date.now() - last > TOUCH_EVERY_MS) {
    await db.update(apiTokens).set({ lastUsedAt: sql`now()` }).where(eq(apiTokens.id, row.token.id));
  }
  return row.user;
}
