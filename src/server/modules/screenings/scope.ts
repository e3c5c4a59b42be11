import { type SQL, sql } from 'drizzle-orm';
import type { Actor } from '../../../core/policy/index.ts';
import { registryScope } from '../../../core/policy/index.ts';

/**
 * Where a list may look, in SQL: the actor's areas (as the policy says),
 * narrowed by an `area` filter. `null` means nowhere. Each row still goes
 * through `decide` afterwards; this only keeps the scan small.
 */
export function areaCondition(
  actor: Actor,
  area: string | undefined,
  columns: { areaCode: SQL; villageCode: SQL },
): SQL | null {
  const scopes = registryScope(actor);
  if (scopes !== 'all' && scopes.length === 0) return null;
  const parts: SQL[] = [];
  if (scopes !== 'all')
    parts.push(
      sql`(${sql.join(
        scopes.map((s) => codeCondition(s, columns)),
        sql` or `,
      )})`,
    );
  if (area) parts.push(codeCondition(area, columns));
  return parts.length === 0 ? sql`true` : sql.join(parts, sql` and `);
}

/**
 * A village code matches the village; a subdistrict its code; a province or
 * district a range of subdistrict codes (a range, not LIKE, so that the
 * b-tree indexes on area_code serve it under any collation).
 */
export function codeCondition(code: string, c: { areaCode: SQL; villageCode: SQL }): SQL {
  if (code.length === 8) return sql`${c.villageCode} = ${code}`;
  if (code.length === 6) return sql`${c.areaCode} = ${code}`;
  const next = String(Number(code) + 1).padStart(code.length, '0');
  if (next.length > code.length) return sql`${c.areaCode} >= ${code}`;
  return sql`(${c.areaCode} >= ${code} and ${c.areaCode} < ${next})`;
}
