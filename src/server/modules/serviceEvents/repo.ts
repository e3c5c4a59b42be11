import { and, asc, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { serviceEvents, users } from '../../db/schema.ts';

/** What a status history belongs to: a referral, a transport request or a visit. */
export type ServiceSubject = 'referral' | 'transport' | 'visit';
export type ServiceEventRow = typeof serviceEvents.$inferSelect;

export interface ServiceMove {
  subjectId: string;
  /** Null for the row written when the subject is made. */
  fromStatus: string | null;
  toStatus: string;
  note?: string | null;
  actorId: string;
}

/** One status move, inside the caller's transaction. */
export async function recordMove(db: Db, subject: ServiceSubject, move: ServiceMove): Promise<void> {
  await db.insert(serviceEvents).values({ subject, ...move, note: move.note ?? null });
}

/** A subject's moves, oldest first, each with the name of the account that made it. */
export async function movesOf(
  db: Db,
  subject: ServiceSubject,
  subjectId: string,
): Promise<{ event: ServiceEventRow; actorName: string | null }[]> {
  return db
    .select({ event: serviceEvents, actorName: users.displayName })
    .from(serviceEvents)
    .leftJoin(users, eq(users.id, serviceEvents.actorId))
    .where(and(eq(serviceEvents.subjectId, subjectId), eq(serviceEvents.subject, subject)))
    .orderBy(asc(serviceEvents.at), asc(serviceEvents.id));
}
