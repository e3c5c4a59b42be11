import type { Actor } from '../../../core/policy/index.ts';
import type { Db } from '../../db/client.ts';
import { auditLog } from '../../db/schema.ts';

export interface AuditEntry {
  action: string;
  entity: string;
  entityId?: string | null;
  areaCode?: string | null;
  groupId?: string | null;
  outcome?: 'ok' | 'denied' | 'failed';
  ip?: string | null;
  /** Field names and counts only: never a name, a national ID or a health answer. */
  detail?: Record<string, unknown>;
  /** The people a read returned or a write touched (ids only). */
  subjectIds?: string[];
}

/** Writes one audit row; pass the transaction so the record and the change commit together. */
export async function audit(db: Db, actor: Actor | null, entry: AuditEntry): Promise<void> {
  await db.insert(auditLog).values({
    actorId: actor?.userId ?? null,
    action: entry.action,
    entity: entry.entity,
    entityId: entry.entityId ?? null,
    areaCode: entry.areaCode ?? null,
    groupId: entry.groupId ?? null,
    outcome: entry.outcome ?? 'ok',
    ip: entry.ip ?? null,
    detail: entry.detail ?? null,
    subjectIds: entry.subjectIds ?? null,
  });
}
