import type { z } from 'zod';
import type { address } from '../../../core/schemas/person.ts';
import type { Db } from '../../db/client.ts';
import { invalid } from '../../http/problem.ts';
import { findAreas } from '../areas/repo.ts';

export interface ResolvedAddress {
  areaCode: string;
  villageCode: string | null;
  villageNo: number | null;
  houseNo: string | null;
  postcode: string | null;
}

/**
 * An address names a subdistrict (6 digits) or a village (8 digits). A village
 * number under a subdistrict is linked to the village when operators have
 * registered it, and kept as a number otherwise, so registration never waits
 * for the village list.
 */
export async function resolveAddress(
  db: Db,
  a: z.infer<typeof address>,
  path = 'address',
): Promise<ResolvedAddress> {
  const subdistrict = a.areaCode.slice(0, 6);
  const villageNo = a.areaCode.length === 8 ? Number(a.areaCode.slice(6)) : (a.villageNo ?? null);
  const candidates = [subdistrict, ...(villageNo ? [subdistrict + String(villageNo).padStart(2, '0')] : [])];
  const found = new Map((await findAreas(db, candidates)).map((x) => [x.code, x]));
  if (found.get(subdistrict)?.level !== 'subdistrict') {
    throw invalid(`${path}.areaCode`, 'area_unknown', { code: a.areaCode });
  }
  const villageCode = villageNo ? subdistrict + String(villageNo).padStart(2, '0') : null;
  if (a.areaCode.length === 8 && !found.has(a.areaCode)) throw invalid(`${path}.areaCode`, 'village_unknown');
  return {
    areaCode: subdistrict,
    villageCode: villageCode && found.has(villageCode) ? villageCode : null,
    villageNo,
    houseNo: a.houseNo ?? null,
    postcode: a.postcode ?? null,
  };
}
