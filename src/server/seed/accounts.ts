import { sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { users } from '../db/schema.ts';
import { audit } from '../modules/audit/service.ts';
import { hashPassword, randomPassword } from '../modules/auth/secrets.ts';

export interface OperatorSeed {
  username: string;
  /** Set only when we made the password up and must show it once. */
  generatedPassword?: string;
}

/** On an empty database, the platform operator comes from ADMIN_USERNAME / ADMIN_PASSWORD. */
export async function seedOperator(
  db: Db,
  username: string,
  password: string | undefined,
): Promise<OperatorSeed | null> {
  const [existing] = await db.select({ n: sql<number>`count(*)::int` }).from(users);
  if ((existing?.n ?? 0) > 0) return null;
  const chosen = password ?? randomPassword();
  const [row] = await db
    .insert(users)
    .values({
      username,
      passwordHash: await hashPassword(chosen),
      displayName: 'ผู้ดูแลระบบ (Platform operator)',
      roles: ['operator'],
      mustChangePassword: password === undefined,
    })
    .returning({ id: users.id });
  await audit(db, null, {
    action: 'user.create',
    entity: 'user',
    entityId: row!.id,
    detail: { roles: ['operator'], seed: true },
  });
  return password === undefined ? { username, generatedPassword: chosen } : { username };
}
