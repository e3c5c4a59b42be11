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

/**
 * Sessions resolved in the last moments, per database: a phone sending screenings one after another
 * would otherwise read the same session and account rows for every request. An entry lives
 * SESSION_CACHE_MS at most, so that a change made by another server process (or straight in the
 * database) is seen within that time; every change this process makes to a session or an account
 * forgets them all at once (`forgetCachedSessions`), so that a logout, a revocation, a disabled
 * account or new roles apply to the very next request.
 */
export const SESSION_CACHE_MS = 2000;
const SESSION_CACHE_MAX = 10_000;

interface CachedSession {
  resolved: ResolvedSession;
  loadedAt: number;
  generation: number;
  expiresAt: number;
  seenAt: number;
}

const sessionCaches = new WeakMap<Db, Map<string, CachedSession>>();
/** Bumped by every forget: an entry of an older generation, or loaded while one happened, is never used. */
let generation = 0;

/**
 * Drops every cached session of every database. Call it after any change to a session or an account
 * (roles, areas, organisation, disabled, password), and again after the transaction that made it
 * commits: a request that read the old rows meanwhile must not cache them.
 */
export function forgetCachedSessions(): void {
  generation += 1;
}

function cacheOf(db: Db): Map<string, CachedSession> {
  let cache = sessionCaches.get(db);
  if (!cache) {
    cache = new Map();
    sessionCaches.set(db, cache);
  }
  return cache;
}

export async function resolveSession(db: Db, secret: string, token: string): Promise<ResolvedSession | null> {
  const id = tokenDigest(secret, token);
  const cache = cacheOf(db);
  const now = Date.now();
  const hit = cache.get(id);
  if (hit) {
    if (hit.generation === generation && now - hit.loadedAt < SESSION_CACHE_MS) {
      if (now < hit.expiresAt && now - hit.seenAt <= SESSION_IDLE_MS) return hit.resolved;
      cache.delete(id);
      return null;
    }
    cache.delete(id);
  }

  const loadedIn = generation;
  const [row] = await db
    .select({ session: sessions, user: users })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.id, id), isNull(sessions.revokedAt), gt(sessions.expiresAt, sql`now()`)))
    .limit(1);
  if (!row || row.user.disabled) return null;
  let seen = new Date(row.session.lastSeenAt).getTime();
  if (Date.now() - seen > SESSION_IDLE_MS) return null;
  if (Date.now() - seen > TOUCH_EVERY_MS) {
    await db.update(sessions).set({ lastSeenAt: sql`now()` }).where(eq(sessions.id, id));
    seen = Date.now();
  }
  const resolved = { sessionId: id, csrfToken: row.session.csrfToken, user: row.user };
  if (loadedIn === generation) {
    if (cache.size >= SESSION_CACHE_MAX) cache.clear();
    cache.set(id, {
      resolved,
      loadedAt: now,
      generation: loadedIn,
      expiresAt: new Date(row.session.expiresAt).getTime(),
      seenAt: seen,
    });
  }
  return resolved;
}

export async function revokeSession(db: Db, sessionId: string): Promise<void> {
  forgetCachedSessions();
  try {
    await db.update(sessions).set({ revokedAt: sql`now()` }).where(eq(sessions.id, sessionId));
  } finally {
    forgetCachedSessions();
  }
}

/** Inside a transaction, call `forgetCachedSessions` again once it commits. */
export async function revokeAllSessions(db: Db, userId: string): Promise<void> {
  forgetCachedSessions();
  try {
    await db
      .update(sessions)
      .set({ revokedAt: sql`now()` })
      .where(and(eq(sessions.userId, userId), isNull(sessions.revokedAt)));
  } finally {
    forgetCachedSessions();
  }
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
