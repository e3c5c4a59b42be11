import type { Db } from '../../db/client.ts';
import type { DetailCode } from '../../http/messages.ts';
import { Problem } from '../../http/problem.ts';
import { type ResolvedAddress, resolveAddress } from '../persons/address.ts';

export type AreaOutcome =
  | { ok: true; address: Omit<ResolvedAddress, 'houseNo' | 'postcode'> }
  | { ok: false; path: string; detail: DetailCode; params?: Record<string, string | number> };

/**
 * The registry's own address rules (persons/address.ts), asked once per
 * distinct subdistrict and village number: a 100k-row file names a handful of
 * areas, and a query per row would be most of the import's time.
 */
export class AreaResolver {
  private readonly cache = new Map<string, Promise<AreaOutcome>>();

  constructor(private readonly db: Db) {}

  resolve(areaCode: string, villageNo: number | undefined): Promise<AreaOutcome> {
    const key = `${areaCode}|${villageNo ?? ''}`;
    let hit = this.cache.get(key);
    if (!hit) {
      hit = this.lookup(areaCode, villageNo);
      this.cache.set(key, hit);
    }
    return hit;
  }

  private async lookup(areaCode: string, villageNo: number | undefined): Promise<AreaOutcome> {
    try {
      const {
        houseNo: _h,
        postcode: _p,
        ...address
      } = await resolveAddress(this.db, { areaCode, villageNo });
      return { ok: true, address };
    } catch (err) {
      const field = err instanceof Problem ? err.fieldErrors[0] : undefined;
      if (!field) throw err;
      return { ok: false, path: field.path, detail: field.detail, params: field.params };
    }
  }
}
