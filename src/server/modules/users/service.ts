import { and, arrayOverlaps, asc, eq, gt, ilike, ne, or, type SQL, sql } from 'drizzle-orm';
import { type Actor, decide, hasRole } from '../../../core/policy/index.ts';
import type { Role, User, UserCreate, UserPatch } from '../../../core/schemas/index.ts';
import { unique } from '../../../core/util/unique.ts';
import type { Db } from '../../db/client.ts';
import { organizations, users } from '../../db/schema.ts';
import { ensureAllowed } from '../../http/auth.ts';
import { decodeCursor, pageOf } from '../../http/cursor.ts';
import { conflict, invalid, notFound, ruleBroken } from '../../http/problem.ts';
import { findAreas } from '../areas/repo.ts';
import { audit } from '../audit/service.ts';
import { hashPassword } from '../auth/secrets.ts';
import { forgetCachedSessions, revokeAllSessions } from '../auth/sessions.ts';
import { dto, findUserById, toUserDto } from './repo.ts';

export interface UserQuery {
  q?: string;
  role?: Role;
  organizationId?: string;
  disabled?: 'true' | 'false';
  limit: number;
  cursor?: string;
}

/** Operators see everyone; area admins see the accounts they manage (the policy decides per row). */
export async function list(db: Db, actor: Actor, query: UserQuery) {
  ensureAllowed(actor, { action: 'user.list' });
  const where: SQL[] = [];
  if (query.q) {
    const pattern = `%${query.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    where.push(or(ilike(users.username, pattern), ilike(users.displayName, pattern))!);
  }
  if (query.role) where.push(sql`${query.role} = any(${users.roles})`);
  if (query.organizationId) where.push(eq(users.organizationId, query.organizationId));
  if (query.disabled) where.push(eq(users.disabled, query.disabled === 'true'));
  if (!hasRole(actor, 'operator')) {
    // Narrow in SQL to accounts sharing an area prefix; the policy makes the exact call below.
    where.push(
      or(
        ...actor.areaCodes.map(
          (code) => sql`exists (select 1 from unnest(${users.areaCodes}) c where c like ${`${code}%`})`,
        ),
      )!,
    );
  }
  const after = decodeCursor(query.cursor, 2) as [string, string] | null;
  if (after)
    where.push(or(gt(users.username, after[0]), and(eq(users.username, after[0]), gt(users.id, after[1])))!);

  const rows = await db
    .select({ user: users, organizationName: organizations.name })
    .from(users)
    .leftJoin(organizations, eq(organizations.id, users.organizationId))
    .where(and(...where))
    .orderBy(asc(users.username), asc(users.id))
    .limit(query.limit + 1);
  const visible = rows.filter((r) => decide(actor, { action: 'user.read', target: r.user }).allow);
  const { items, nextCursor } = pageOf(rows, query.limit, (last) => [last.user.username, last.user.id]);
  const shown = new Set(visible.map((r) => r.user.id));
  // Accounts carry names and phone-book facts: reading them is audited like any personal data.
  await audit(db, actor, { action: 'user.list', entity: 'user', detail: { count: shown.size } });
  return {
    items: items.filter((r) => shown.has(r.user.id)).map((r) => dto(r.user, r.organizationName)),
    nextCursor,
  };
}

export async function get(db: Db, actor: Actor, id: string): Promise<User> {
  const row = await findUserById(db, id);
  if (!row) throw notFound();
  ensureAllowed(actor, { action: 'user.read', target: row });
  await audit(db, actor, { action: 'user.read', entity: 'user', entityId: id });
  return toUserDto(db, row);
}

export async function create(db: Db, actor: Actor, input: UserCreate): Promise<User> {
  ensureAllowed(actor, {
    action: 'user.create',
    target: { ...input, organizationId: input.organizationId ?? null },
  });
  await validateReferences(db, input.organizationId, input.areaCodes);
  const passwordHash = await hashPassword(input.password);
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(users)
      .values({
        username: input.username,
        passwordHash,
        displayName: input.displayName,
        roles: unique(input.roles),
        organizationId: input.organizationId ?? null,
        areaCodes: unique(input.areaCodes),
        mustChangePassword: true,
      })
      .onConflictDoNothing()
      .returning();
    if (!row) throw conflict('username_taken', {}, 'username');
    await audit(tx, actor, {
      action: 'user.create',
      entity: 'user',
      entityId: row.id,
      detail: { roles: row.roles, areaCodes: row.areaCodes },
    });
    return toUserDto(tx, row);
  });
}

export async function update(db: Db, actor: Actor, id: string, patch: UserPatch): Promise<User> {
  const current = await findUserById(db, id);
  if (!current) throw notFound();
  const next = {
    id,
    roles: patch.roles ?? (current.roles as Role[]),
    areaCodes: patch.areaCodes ?? current.areaCodes,
    organizationId: patch.organizationId === undefined ? current.organizationId : patch.organizationId,
  };
  ensureAllowed(actor, { action: 'user.update', target: current, next });
  if (patch.disabled && id === actor.userId) throw ruleBroken('cannot_disable_self', {}, 'disabled');
  await validateReferences(db, next.organizationId ?? undefined, patch.areaCodes ?? []);

  // Roles, areas, organisation or a disable apply to the account's next request: its cached
  // sessions go once the change has committed (or failed, which costs nothing).
  try {
    return await db.transaction(async (tx) => {
      const losesOperator =
        (patch.disabled || (patch.roles && !patch.roles.includes('operator'))) &&
        current.roles.includes('operator');
      if (losesOperator && (await activeOperators(tx, id)) === 0) throw ruleBroken('last_operator');
      const [row] = await tx
        .update(users)
        .set({
          ...patch,
          ...(patch.roles ? { roles: unique(patch.roles) } : {}),
          ...(patch.areaCodes ? { areaCodes: unique(patch.areaCodes) } : {}),
          updatedAt: sql`now()`,
        })
        .where(eq(users.id, id))
        .returning();
      // A disabled account must lose access at once, not when its sessions expire.
      if (patch.disabled) await revokeAllSessions(tx, id);
      await audit(tx, actor, {
        action: 'user.update',
        entity: 'user',
        entityId: id,
        detail: { fields: Object.keys(patch) },
      });
      return toUserDto(tx, row!);
    });
  } finally {
    forgetCachedSessions();
  }
}

export async function resetPassword(db: Db, actor: Actor, id: string, newPassword: string): Promise<void> {
  const current = await findUserById(db, id);
  if (!current) throw notFound();
  ensureAllowed(actor, { action: 'user.resetPassword', target: current });
  const passwordHash = await hashPassword(newPassword);
  try {
    await db.transaction(async (tx) => {
      await tx
        .update(users)
        .set({ passwordHash, mustChangePassword: true, updatedAt: sql`now()` })
        .where(eq(users.id, id));
      await revokeAllSessions(tx, id);
      await audit(tx, actor, { action: 'user.password.reset', entity: 'user', entityId: id });
    });
  } finally {
    forgetCachedSessions();
  }
}

async function activeOperators(db: Db, except: string): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(users)
    .where(and(ne(users.id, except), eq(users.disabled, false), arrayOverlaps(users.roles, ['operator'])));
  return row?.n ?? 0;
}

async function validateReferences(db: Db, organizationId: string | undefined, areaCodes: string[]) {
  if (organizationId) {
    const [org] = await db
      .select({ id: organizations.id })
      .from(organizations)
      .where(eq(organizations.id, organizationId));
    if (!org) throw invalid('organizationId', 'organization_unknown');
  }
  const codes = unique(areaCodes);
  const found = new Set((await findAreas(db, codes)).map((a) => a.code));
  const index = areaCodes.findIndex((c) => !found.has(c));
  if (index >= 0) throw invalid(`areaCodes.${index}`, 'area_unknown', { code: areaCodes[index]! });
}
