/**
 * Demo data for Singhanakhon district (อำเภอสิงหนคร, 9015), Songkhla: the district of the partners' meeting of
 * 8 January 2024 in shared/seeds/000, which introduced the "เติมสุขโมเดล" service plan. Pure data, no I/O; the
 * server's demo seeding inserts it.
 *
 * Only facts from the seed documents or from published sources are used: where a village name, a tier or
 * a location is not known, it is left out rather than guessed (hence "หมู่ที่ N" villages, and the district
 * code for the hospital and one SHPH). The people are fictional.
 */
import type { AreaLevel } from '../../core/schemas/area.ts';
import type {
  OrganizationType,
  organizationServices,
  organizationTiers,
} from '../../core/schemas/organization.ts';
import type { Role } from '../../core/schemas/user.ts';

export type OrganizationService = (typeof organizationServices)[number];
export type OrganizationTier = (typeof organizationTiers)[number];

export interface DemoVillage {
  /** 6-digit DOPA subdistrict code. */
  parentCode: string;
  villageNo: number;
  nameTh: string;
  nameEn?: string;
}

export interface DemoOrganization {
  /** Stable handle for demoUsers.organizationKey; not stored. */
  key: string;
  name: string;
  nameEn: string;
  type: OrganizationType;
  areaCode: string;
  tier?: OrganizationTier;
  services: OrganizationService[];
  phone?: string;
  /** Villages it serves (8-digit codes), each in the demo district. */
  catchmentVillageCodes?: string[];
  openingHours?: { day: number; opens: string; closes: string }[];
}

export interface DemoUser {
  username: string;
  displayName: string;
  roles: Exclude<Role, 'operator'>[];
  organizationKey?: string;
  areaCodes: string[];
}

export const DEMO_DISTRICT_CODE = '9015';
export const DEMO_PROVINCE_CODE = '90';

/** The 8-digit village code: subdistrict code + two-digit village number (หมู่ที่). */
export function villageCode(village: Pick<DemoVillage, 'parentCode' | 'villageNo'>): string {
  return village.parentCode + String(village.villageNo).padStart(2, '0');
}

/** Area level of a DOPA-style code, by its length. */
export function areaLevelOf(code: string): AreaLevel | null {
  const byLength: Record<number, AreaLevel> = {
    2: 'province',
    4: 'district',
    6: 'subdistrict',
    8: 'village',
  };
  return /^\d+$/.test(code) ? (byLength[code.length] ?? null) : null;
}

/**
 * Number of villages (หมู่บ้าน) per subdistrict, 77 in all, as listed for the district's administration in
 * 2012 (Wikipedia, Amphoe Singhanakhon); ทำนบ 7 and ชะแล้ 5 agree with the subdistricts' own pages.
 */
const VILLAGE_COUNTS: ReadonlyArray<readonly [subdistrictCode: string, villages: number]> = [
  ['901501', 10], // ชิงโค
  ['901502', 6], // สทิงหม้อ
  ['901503', 7], // ทำนบ
  ['901504', 7], // รำแดง
  ['901505', 8], // วัดขนุน
  ['901506', 5], // ชะแล้
  ['901507', 6], // ปากรอ
  ['901508', 5], // ป่าขาด
  ['901509', 8], // หัวเขา
  ['901510', 5], // บางเขียด
  ['901511', 10], // ม่วงงาม
];

/**
 * Village names confirmed by a published source, in หมู่ที่ order: Ram Daeng from the SAO's own site
 * (ramdang.go.th), Chalae from the subdistrict learning centre's profile (sk.nfe.go.th). Two villages may share
 * a name (หมู่ 3 and 6 of Ram Daeng are both บ้านรำแดง); the number tells them apart.
 */
const KNOWN_VILLAGE_NAMES: Readonly<
  Record<string, ReadonlyArray<readonly [nameTh: string, nameEn: string]>>
> = {
  '901504': [
    ['บ้านหนองโด', 'Ban Nong Do'],
    ['บ้านขมวน', 'Ban Khamuan'],
    ['บ้านรำแดง', 'Ban Ram Daeng'],
    ['บ้านหนองโอย', 'Ban Nong Oi'],
    ['บ้านนอก', 'Ban Nok'],
    ['บ้านรำแดง', 'Ban Ram Daeng'],
    ['บ้านป่าขวาง', 'Ban Pa Khwang'],
  ],
  '901506': [
    ['บ้านปากช่อง', 'Ban Pak Chong'],
    ['บ้านสว่างอารมณ์', 'Ban Sawang Arom'],
    ['บ้านกลาง', 'Ban Klang'],
    ['บ้านชะแล้', 'Ban Chalae'],
    ['บ้านเขาผี', 'Ban Khao Phi'],
  ],
};

export const demoVillages: DemoVillage[] = VILLAGE_COUNTS.flatMap(([parentCode, count]) =>
  Array.from({ length: count }, (_, index): DemoVillage => {
    const villageNo = index + 1;
    const known = KNOWN_VILLAGE_NAMES[parentCode]?.[index];
    return known
      ? { parentCode, villageNo, nameTh: known[0], nameEn: known[1] }
      : { parentCode, villageNo, nameTh: `หมู่ที่ ${villageNo}`, nameEn: `Village No. ${villageNo}` };
  }),
);

/** The villages of a subdistrict by number (all of them when none are given), as 8-digit codes. */
function villagesOf(parentCode: string, numbers?: number[]): string[] {
  const count = VILLAGE_COUNTS.find(([code]) => code === parentCode)?.[1] ?? 0;
  const wanted = numbers ?? Array.from({ length: count }, (_, i) => i + 1);
  return wanted.map((villageNo) => villageCode({ parentCode, villageNo }));
}

/**
 * Government office hours, Monday to Friday 08:30–16:30: an assumption (the sources give no hours),
 * so that the directory's "open now" has something to show.
 */
const OFFICE_HOURS = [1, 2, 3, 4, 5].map((day) => ({ day, opens: '08:30', closes: '16:30' }));

/**
 * The partners named in seed 000. Service-centre tiers and capabilities are the ones the meeting assigned:
 * S: ป่าขาด Thai traditional medicine, ชะแล้ learning centre for students, สว่างอารมณ์ elderly clinic;
 * S-plus: รำแดง happiness centre, repair centre and palliative care home (สถานชีวาภิบาล);
 * L: วัดขนุน dental care, ชิงโค dental care and LTC. The other SHPHs attended without an assigned role.
 * SHPH subdistricts follow the district health office's list of its SHPHs (2013), which puts บ้านสว่างอารมณ์
 * in ป่าขาด and บ้านสถิตย์ in สทิงหม้อ. No phone numbers: none are given in the sources. Catchments (issue 8) are
 * each SHPH's own subdistrict's villages; the two SHPHs of ป่าขาด split its five villages (an illustrative
 * split, 1–3 and 4–5: the sources do not say which village each serves).
 */
export const demoOrganizations: DemoOrganization[] = [
  {
    key: 'pao_songkhla',
    name: 'องค์การบริหารส่วนจังหวัดสงขลา',
    nameEn: 'Songkhla Provincial Administrative Organization',
    type: 'pao',
    areaCode: DEMO_PROVINCE_CODE,
    // The province-level services of the plan: patient transport, elder-care staff, home modification (with
    // พมจ.), building on the PAO's rehabilitation fund.
    services: ['patient_transport', 'long_term_care', 'home_modification', 'rehabilitation'],
  },
  {
    key: 'hospital_singhanakhon',
    name: 'โรงพยาบาลสิงหนคร',
    nameEn: 'Singhanakhon Hospital',
    type: 'hospital',
    // District hospital; its subdistrict is not stated in the sources.
    areaCode: DEMO_DISTRICT_CODE,
    services: [],
  },
  {
    key: 'dho_singhanakhon',
    name: 'สำนักงานสาธารณสุขอำเภอสิงหนคร',
    nameEn: 'Singhanakhon District Public Health Office',
    type: 'district_health_office',
    areaCode: DEMO_DISTRICT_CODE,
    services: [],
  },
  {
    key: 'tm_muang_ngam',
    name: 'เทศบาลเมืองม่วงงาม',
    nameEn: 'Muang Ngam Town Municipality',
    type: 'lao',
    areaCode: '901511',
    services: [],
  },
  {
    key: 'sao_pa_khat',
    name: 'องค์การบริหารส่วนตำบลป่าขาด',
    nameEn: 'Pa Khat Subdistrict Administrative Organization',
    type: 'lao',
    areaCode: '901508',
    services: [],
  },
  {
    key: 'sao_ching_kho',
    name: 'องค์การบริหารส่วนตำบลชิงโค',
    nameEn: 'Ching Kho Subdistrict Administrative Organization',
    type: 'lao',
    areaCode: '901501',
    services: [],
  },
  {
    key: 'sao_thamnop',
    name: 'องค์การบริหารส่วนตำบลทำนบ',
    nameEn: 'Thamnop Subdistrict Administrative Organization',
    type: 'lao',
    areaCode: '901503',
    services: [],
  },
  {
    key: 'sao_wat_khanun',
    name: 'องค์การบริหารส่วนตำบลวัดขนุน',
    nameEn: 'Wat Khanun Subdistrict Administrative Organization',
    type: 'lao',
    areaCode: '901505',
    services: [],
  },
  {
    key: 'foundation_songkhla_community',
    name: 'มูลนิธิชุมชนสงขลา',
    nameEn: 'Songkhla Community Foundation',
    type: 'foundation',
    areaCode: DEMO_PROVINCE_CODE,
    // Runs the iMed@home closed-group system, a second-hand sharing centre and fund-raising (seeds 001, 002).
    services: ['social_assistance'],
  },
  {
    key: 'university_songkhla_rajabhat',
    name: 'มหาวิทยาลัยราชภัฏสงขลา',
    nameEn: 'Songkhla Rajabhat University',
    type: 'university',
    // The campus is in Mueang Songkhla, outside the demo district.
    areaCode: DEMO_PROVINCE_CODE,
    services: [],
  },
  {
    key: 'shph_pa_khat',
    name: 'โรงพยาบาลส่งเสริมสุขภาพตำบลป่าขาด',
    nameEn: 'Pa Khat Subdistrict Health Promoting Hospital',
    type: 'shph',
    areaCode: '901508',
    tier: 'S',
    services: ['thai_traditional_medicine'],
    catchmentVillageCodes: villagesOf('901508', [1, 2, 3]),
    openingHours: OFFICE_HOURS,
  },
  {
    key: 'shph_chalae',
    name: 'โรงพยาบาลส่งเสริมสุขภาพตำบลชะแล้',
    nameEn: 'Chalae Subdistrict Health Promoting Hospital',
    type: 'shph',
    areaCode: '901506',
    tier: 'S',
    services: ['learning_centre'],
    catchmentVillageCodes: villagesOf('901506'),
    openingHours: OFFICE_HOURS,
  },
  {
    key: 'shph_sawang_arom',
    name: 'โรงพยาบาลส่งเสริมสุขภาพตำบลบ้านสว่างอารมณ์',
    nameEn: 'Ban Sawang Arom Subdistrict Health Promoting Hospital',
    type: 'shph',
    areaCode: '901508',
    tier: 'S',
    services: ['elderly_clinic'],
    catchmentVillageCodes: villagesOf('901508', [4, 5]),
    openingHours: OFFICE_HOURS,
  },
  {
    key: 'shph_ram_daeng',
    name: 'โรงพยาบาลส่งเสริมสุขภาพตำบลรำแดง',
    nameEn: 'Ram Daeng Subdistrict Health Promoting Hospital',
    type: 'shph',
    areaCode: '901504',
    tier: 'S+',
    services: ['happiness_centre', 'repair_centre', 'palliative_care'],
    catchmentVillageCodes: villagesOf('901504'),
    openingHours: OFFICE_HOURS,
  },
  {
    key: 'shph_wat_khanun',
    name: 'โรงพยาบาลส่งเสริมสุขภาพตำบลวัดขนุน',
    nameEn: 'Wat Khanun Subdistrict Health Promoting Hospital',
    type: 'shph',
    areaCode: '901505',
    tier: 'L',
    services: ['dental'],
    catchmentVillageCodes: villagesOf('901505'),
    openingHours: OFFICE_HOURS,
  },
  {
    key: 'shph_ching_kho',
    name: 'โรงพยาบาลส่งเสริมสุขภาพตำบลชิงโค',
    nameEn: 'Ching Kho Subdistrict Health Promoting Hospital',
    type: 'shph',
    areaCode: '901501',
    tier: 'L',
    services: ['dental', 'long_term_care'],
    catchmentVillageCodes: villagesOf('901501'),
    openingHours: OFFICE_HOURS,
  },
  {
    key: 'shph_ban_sathit',
    name: 'โรงพยาบาลส่งเสริมสุขภาพตำบลบ้านสถิตย์',
    nameEn: 'Ban Sathit Subdistrict Health Promoting Hospital',
    type: 'shph',
    areaCode: '901502',
    services: [],
    catchmentVillageCodes: villagesOf('901502'),
    openingHours: OFFICE_HOURS,
  },
  {
    key: 'shph_thamnop',
    name: 'โรงพยาบาลส่งเสริมสุขภาพตำบลทำนบ',
    nameEn: 'Thamnop Subdistrict Health Promoting Hospital',
    type: 'shph',
    areaCode: '901503',
    services: [],
    catchmentVillageCodes: villagesOf('901503'),
    openingHours: OFFICE_HOURS,
  },
  {
    key: 'shph_ban_bo_sai',
    name: 'โรงพยาบาลส่งเสริมสุขภาพตำบลบ้านบ่อทราย',
    nameEn: 'Ban Bo Sai Subdistrict Health Promoting Hospital',
    type: 'shph',
    // Not in the 2013 list of the district's SHPHs, so its subdistrict is unknown.
    areaCode: DEMO_DISTRICT_CODE,
    services: [],
  },
];

/**
 * One account per role except operator (operators are created at installation). The people are fictional;
 * every surname is "ตัวอย่าง" ("example") so that nobody takes them for real staff. The admin, volunteer,
 * caregiver and citizen sit in ป่าขาด, the subdistrict chosen as the closed-group pilot in seed 000.
 */
export const demoUsers: DemoUser[] = [
  {
    username: 'demo.admin',
    displayName: 'กานดา ตัวอย่าง',
    roles: ['area_admin'],
    organizationKey: 'shph_pa_khat',
    areaCodes: ['901508'],
  },
  {
    username: 'demo.agency',
    displayName: 'ประเสริฐ ตัวอย่าง',
    roles: ['agency_member'],
    organizationKey: 'pao_songkhla',
    // The PAO covers the province, but its demo member works the demo district's cases.
    areaCodes: [DEMO_DISTRICT_CODE],
  },
  {
    username: 'demo.socialworker',
    displayName: 'วันเพ็ญ ตัวอย่าง',
    roles: ['social_worker'],
    organizationKey: 'hospital_singhanakhon',
    areaCodes: [DEMO_DISTRICT_CODE],
  },
  {
    username: 'demo.volunteer',
    displayName: 'สมศรี ตัวอย่าง',
    roles: ['volunteer'],
    // อสม. are attached to their SHPH and look after one village.
    organizationKey: 'shph_pa_khat',
    areaCodes: ['90150801'],
  },
  {
    username: 'demo.caregiver',
    displayName: 'มาลี ตัวอย่าง',
    roles: ['caregiver'],
    areaCodes: ['901508'],
  },
  {
    username: 'demo.committee',
    displayName: 'สมชาย ตัวอย่าง',
    roles: ['committee_viewer'],
    // The district health office is the secretariat of the district quality-of-life committee (พชอ.).
    organizationKey: 'dho_singhanakhon',
    areaCodes: [DEMO_DISTRICT_CODE],
  },
  {
    username: 'demo.citizen',
    displayName: 'บุญมี ตัวอย่าง',
    roles: ['citizen'],
    areaCodes: ['90150801'],
  },
];
