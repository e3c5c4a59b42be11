import type { Actor } from '../../../core/policy/index.ts';
import type { Area, AreaDetail, VillageCreate } from '../../../core/schemas/index.ts';
import type { Db } from '../../db/client.ts';
import { ensureAllowed } from '../../http/auth.ts';
import { decodeCursor, encodeCursor, pageOf } from '../../http/cursor.ts';
import { conflict, invalid, notFound } from '../../http/problem.ts';
import { audit } from '../audit/service.ts';
import { ancestorCodes, findAreas, insertVillage, listChildren, searchAreas } from './repo.ts';

export interface AreaQuery {
  parent?: string;
  q?: string;
  level?: Area['level'];
  limit: number;
  cursor?: string;
}

export async function listAreas(db: Db, query: AreaQuery) {
  if (query.q) {
    const [offset] = (decodeCursor(query.cursor, 1) as [number] | null) ?? [0];
    const rows = await searchAreas(db, query.q, query.level, Number(offset), query.limit);
    const items = await withPaths(db, rows.slice(0, query.limit));
    return {
      items,
      nextCursor: rows.length > query.limit ? encodeCursor([Number(offset) + query.limit]) : null,
    };
  }
  if (query.parent) await getArea(db, query.parent);
  const [after] = (decodeCursor(query.cursor, 1) as [string] | null) ?? [null];
  const rows = await listChildren(db, query.parent ?? null, after, query.limit);
  return pageOf(rows, query.limit, (last) => [last.code]);
}

export async function getArea(db: Db, code: string): Promise<AreaDetail> {
  const [area] = await findAreas(db, [code]);
  if (!area) throw notFound();
  return { ...area, ancestors: await findAreas(db, ancestorCodes(code)) };
}

export async function createVillage(db: Db, actor: Actor, input: VillageCreate): Promise<Area> {
  const [parent] = await findAreas(db, [input.parentCode]);
  if (!parent) throw invalid('parentCode', 'area_unknown', { code: input.parentCode });
  if (parent.level !== 'subdistrict') throw invalid('parentCode', 'area_not_subdistrict');
  ensureAllowed(actor, { action: 'area.createVillage', areaCode: input.parentCode });

  const code = input.parentCode + String(input.villageNo).padStart(2, '0');
  return db.transaction(async (tx) => {
    const inserted = await insertVillage(tx, {
      code,
      parentCode: input.parentCode,
      villageNo: input.villageNo,
      nameTh: input.nameTh,
      nameEn: input.nameEn ?? null,
    });
    if (!inserted) throw conflict('village_exists', {}, 'villageNo');
    await audit(tx, actor, { action: 'area.village.create', entity: 'area', entityId: code, areaCode: code });
    const [area] = await findAreas(tx, [code]);
    return area!;
  });
}

/** Adds "province › district › subdistrict" so a search hit can be told apart from its namesakes. */
async function withPaths(db: Db, rows: Area[]): Promise<Area[]> {
  const codes = [...new Set(rows.flatMap((r) => ancestorCodes(r.code)))];
  const byCode = new Map((await findAreas(db, codes)).map((a) => [a.code, a]));
  return rows.map((r) => {
    const chain = ancestorCodes(r.code).map((c) => byCode.get(c));
    return {
      ...r,
      pathTh: chain.map((a) => a?.nameTh ?? '?').join(' › '),
      pathEn: chain.every((a) => a?.nameEn) ? chain.map((a) => a?.nameEn).join(' › ') : null,
    };
  });
}
