import { z } from 'zod';

export const areaLevels = ['province', 'district', 'subdistrict', 'village'] as const;
export type AreaLevel = (typeof areaLevels)[number];

/** DOPA codes: province 2, district 4, subdistrict 6, village 8 digits. */
export const areaCode = z.string().regex(/^\d{2}(\d{2}){0,3}$/, 'areaCode');
export const subdistrictCode = z.string().regex(/^\d{6}$/, 'subdistrictCode');

export const area = z.object({
  code: z.string(),
  level: z.enum(areaLevels),
  nameTh: z.string(),
  nameEn: z.string().nullable(),
  parentCode: z.string().nullable(),
  childCount: z.number().int().optional(),
  /** Names of the enclosing areas, largest first (search results), e.g. "สงขลา › สิงหนคร". */
  pathTh: z.string().optional(),
  pathEn: z.string().nullable().optional(),
});
export type Area = z.infer<typeof area>;

export const areaDetail = area.extend({ ancestors: z.array(area) });
export type AreaDetail = z.infer<typeof areaDetail>;

export const areaListQuery = z
  .object({
    parent: areaCode.optional(),
    q: z.string().trim().min(1).max(100).optional(),
    level: z.enum(areaLevels).optional(),
    limit: z.coerce.number().int().min(1).max(500).default(50),
    cursor: z.string().max(200).optional(),
  })
  .strict();

/** A village (หมู่ที่ N) that an operator or area admin adds under a subdistrict. */
export const villageCreate = z
  .object({
    parentCode: subdistrictCode,
    villageNo: z.number().int().min(1).max(99),
    nameTh: z.string().trim().min(1).max(200),
    nameEn: z.string().trim().min(1).max(200).optional(),
  })
  .strict();
export type VillageCreate = z.infer<typeof villageCreate>;
