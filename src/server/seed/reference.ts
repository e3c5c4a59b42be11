import { sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { readAreaReference } from '../db/reference/readAreas.ts';
import { areas } from '../db/schema.ts';

/** Loads the DOPA tree once, in one statement (unnest is several times faster than batched inserts). */
export async function seedAreas(db: Db): Promise<number> {
  const [existing] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(areas)
    .where(sql`${areas.level} <> 'village'`);
  if ((existing?.n ?? 0) > 0) return 0;
  const rows = await readAreaReference();
  await db.execute(sql`
    insert into ${areas} (code, level, parent_code, name_th, name_en)
    select * from unnest(
      ${sql.param(rows.map((r) => r.code))}::text[],
      ${sql.param(rows.map((r) => r.level))}::text[],
      ${sql.param(rows.map((r) => r.parentCode))}::text[],
      ${sql.param(rows.map((r) => r.nameTh))}::text[],
      ${sql.param(rows.map((r) => r.nameEn))}::text[]
    )
    on conflict (code) do nothing`);
  return rows.length;
}
