import type { TFunction } from 'i18next';
import type { Area } from '../../../core/schemas/index.ts';
import type { AreaHit } from './api.ts';

type Named = Pick<Area, 'code' | 'level' | 'nameTh' | 'nameEn'>;

/** The area's own name in the reader's language (Thai when there is no English name). */
export function areaName(area: Named, lang: string): string {
  return lang === 'en' && area.nameEn ? area.nameEn : area.nameTh;
}

/** The name with its level: `ต.ชิงโค`, `หมู่ 3 บ้านหัวเขา`, `Village 3 Ban Hua Khao`. */
export function areaLabel(area: Named, t: TFunction, lang: string): string {
  const name = areaName(area, lang);
  if (area.level === 'village' && VILLAGE_WORD.test(name)) return name;
  const no = area.level === 'village' ? String(Number(area.code.slice(-2))) : '';
  if (area.code.startsWith(BANGKOK)) {
    if (area.level === 'district') return t('areas.prefix.bangkokDistrict', { name });
    if (area.level === 'subdistrict') return t('areas.prefix.bangkokSubdistrict', { name });
  }
  return t(`areas.prefix.${area.level}`, { name, no });
}

/** Village names that already say หมู่ที่ N / Village No. N need no prefix. */
const VILLAGE_WORD = /^(หมู่|village)/i;

/** Bangkok's districts are เขต and its subdistricts แขวง. */
const BANGKOK = '10';

const LEVELS = ['province', 'district', 'subdistrict'] as const;

/** The ancestors of a search hit, rebuilt from its `pathTh`/`pathEn` (codes nest by prefix). */
export function ancestorsFromPath(hit: AreaHit): Named[] | undefined {
  if (!hit.pathTh) return hit.level === 'province' ? [] : undefined;
  const th = hit.pathTh.split(' › ');
  const en = hit.pathEn?.split(' › ') ?? [];
  return th.map((nameTh, i) => ({
    code: hit.code.slice(0, 2 * (i + 1)),
    level: LEVELS[i] ?? 'subdistrict',
    nameTh,
    nameEn: en[i] ?? null,
  }));
}

/** Smallest first, the way Thai addresses read: `ต.ชิงโค อ.สิงหนคร จ.สงขลา`. */
export function areaPath(area: Named, ancestors: readonly Named[], t: TFunction, lang: string): string {
  const parts = [area, ...[...ancestors].reverse()].map((a) => areaLabel(a, t, lang));
  return parts.join(lang === 'en' ? ', ' : ' ');
}
