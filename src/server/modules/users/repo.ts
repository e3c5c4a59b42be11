import { eq } from 'drizzle-orm';
import type { Actor } from '../../../core/policy/index.ts';
import type { User } from '../../../core/schemas/index.ts';
import type { Db } from '../../db/client.ts';
import { organizations, users } from '../../db/schema.ts';

export type UserRow = typeof users.$inferSelect;

export async function findUserById(db: Db, id: string): Promise<UserRow | undefined> {
  const [row] = await db.select().from(users).where(eq(users.id, id)).limit(1);
  return row;
}

export async function findUserByUsername(db: Db, username: string): Promise<UserRow | undefined> {
  const [row] = await db.select().from(users).where(eq(users.username, username)).limit(1);
  return row;
}

export function actorOf(row: UserRow): Actor {
  return {
    userId: row.id,
    roles: row.roles,
    organizationId: row.organizationId,
    areaCodes: row.areaCodes,
  };
}

export async function toUserDto(db: Db, row: UserRow): Promise<User> {
  let organizationName: string | null = null;
  if (row.organizationId) {
    const [org] = await db
      .select({ name: organizations.name })
      .from(organizations)
      .where(eq(organizations.id, row.organizationId));
    organizationName = org?.name ?? null;
  }
  return dto(row, organizationName);
}

export function dto(row: UserRow, organizationName: string | null): User {
  return {
    id: row.id,
    username: row.username,
    displayName: row.displayName,
    roles: row.roles,
    organizationId: row.organizationId,
    organizationName,
    areaCodes: row.areaCodes,
    disabled: row.disabled,
    mustChangePassword: row.mustChangePassword,
    createdAt: iso(row.createdAt),
    lastLoginAt: row.lastLoginAt ? iso(row.lastLoginAt) : null,
  };
}

/** Both drivers give timestamps as PostgreSQL text; the API speaks ISO 8601. */
export function iso(value: string): string {
  return new Date(value).toISOString();
}
