/**
 * Why a `services` read is slow (PostgreSQL only): runs the endpoint's own service function in this
 * process on a capturing drizzle client, then EXPLAIN ANALYZEs every read statement it sent, exactly as
 * the server sends it. The service writes its audit row as the endpoint does; only reads are explained.
 */
import type { Logger } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/node-postgres';
import type pg from 'pg';
import type { Actor } from '../../src/core/policy/index.ts';
import { assistanceTotalsQuery } from '../../src/core/schemas/assistance.ts';
import { careTimelineQuery } from '../../src/core/schemas/careTimeline.ts';
import { referralListQuery } from '../../src/core/schemas/referral.ts';
import type { Role } from '../../src/core/schemas/user.ts';
import { calendarQuery } from '../../src/core/schemas/visit.ts';
import { DEFAULT_DUPLICATE_DAYS } from '../../src/core/services/assistance.ts';
import { thaiToday } from '../../src/core/thai/birthDate.ts';
import type { Db } from '../../src/server/db/client.ts';
import * as schema from '../../src/server/db/schema.ts';
import { assistanceTotals } from '../../src/server/modules/assistance/totals.ts';
import { personCareTimeline } from '../../src/server/modules/careTimeline/service.ts';
import { inboxTodo } from '../../src/server/modules/inbox/todo.ts';
import { ReferralBus } from '../../src/server/modules/referrals/bus.ts';
import { listReferrals } from '../../src/server/modules/referrals/service.ts';
import { readCalendar } from '../../src/server/modules/visits/calendar.ts';
import { type CapturedQuery, explainAnalyze, keyPlanLines } from './explain.ts';
import type { SqlClient } from './registryData.ts';

export interface ExplainedRead {
  /** Statements the service sent (reads and writes). */
  statements: number;
  /** Sum of the reads' execution times, by EXPLAIN ANALYZE. */
  readMs: number;
  /** The slowest reads, slowest first. */
  slowest: { sql: string; executionMs: number; planningMs: number; plan: string[] }[];
}

async function actorOf(client: pg.Client, username: string): Promise<Actor> {
  const { rows } = await client.query<{
    id: string;
    roles: Role[];
    organization_id: string | null;
    area_codes: string[];
  }>('select id, roles, organization_id, area_codes from app_user where username = $1', [username]);
  const row = rows[0];
  if (!row) throw new Error(`no user ${username}`);
  return { userId: row.id, roles: row.roles, organizationId: row.organization_id, areaCodes: row.area_codes };
}

/** The service call behind a measured GET, from its URL; null for an endpoint this does not know. */
function serviceCall(url: string): ((db: Db, actor: Actor) => Promise<unknown>) | null {
  const u = new URL(url);
  const query = Object.fromEntries(u.searchParams);
  const now = new Date();
  const today = thaiToday(now);
  if (u.pathname === '/api/v1/referrals') {
    const q = referralListQuery.parse(query);
    return (db, actor) => listReferrals({ db, actor, now, bus: new ReferralBus() }, q);
  }
  if (u.pathname === '/api/v1/calendar') {
    const q = calendarQuery.parse(query);
    return (db, actor) => readCalendar({ db, actor, lang: 'th', now }, q);
  }
  if (u.pathname === '/api/v1/inbox/todo') return (db, actor) => inboxTodo({ db, actor }, now);
  const timeline = /^\/api\/v1\/persons\/([0-9a-f-]{36})\/care-timeline$/.exec(u.pathname);
  if (timeline) {
    const q = careTimelineQuery.parse(query);
    return (db, actor) => personCareTimeline({ db, actor, today }, timeline[1]!, q);
  }
  if (u.pathname === '/api/v1/assistance/totals') {
    const q = assistanceTotalsQuery.parse(query);
    return (db, actor) =>
      assistanceTotals({ db, actor, lang: 'th', today, windows: DEFAULT_DUPLICATE_DAYS }, q);
  }
  return null;
}

export async function explainRead(
  client: pg.Client,
  username: string,
  url: string,
  top = 3,
): Promise<ExplainedRead | null> {
  const call = serviceCall(url);
  if (!call) return null;
  const actor = await actorOf(client, username);
  const captured: CapturedQuery[] = [];
  const logger: Logger = { logQuery: (sql, params) => captured.push({ sql, params }) };
  const db = drizzle(client, { schema, logger }) as unknown as Db;
  await call(db, actor);
  const reads = captured.filter((q) => /^\s*(select|with)\b/i.test(q.sql));
  const explained = [];
  for (const q of reads) explained.push(await explainAnalyze(client as unknown as SqlClient, q));
  explained.sort((a, b) => b.executionMs - a.executionMs);
  return {
    statements: captured.length,
    readMs: explained.reduce((s, e) => s + e.executionMs, 0),
    slowest: explained.slice(0, top).map((e) => ({
      sql: e.sql.replace(/\s+/g, ' ').slice(0, 400),
      executionMs: e.executionMs,
      planningMs: e.planningMs,
      plan: keyPlanLines(e.plan, 18).map((line) => (line.length > 300 ? `${line.slice(0, 300)}…` : line)),
    })),
  };
}
