/**
 * The demo registry: about 500 fictional people in households of Singhanakhon district, most of them in
 * ป่าขาด (901508, the closed-group pilot of seed 000, where demo.admin and demo.volunteer work), the rest in
 * a few villages of every other subdistrict. Built deterministically from the synthetic population
 * generator (bench/generate: Thai names, an ageing rural pyramid, household relations, valid national IDs)
 * plus its registry profile (vulnerability types, chronic conditions, disability, coverage, caregivers), so
 * every demo installation holds the same people. National IDs go through the vault like any other.
 */
import { inArray, sql } from 'drizzle-orm';
import {
  populateVillages,
  type SyntheticPerson,
  type VillageQuota,
} from '../../../bench/generate/population.ts';
import { type Caregiver, type PersonProfile, profileHousehold } from '../../../bench/generate/profile.ts';
import {
  chance,
  intBetween,
  mulberry32,
  pick,
  type Random,
  seedFor,
} from '../../../bench/generate/random.ts';
import type { Db } from '../db/client.ts';
import { consents, households, personRevisions, persons } from '../db/schema.ts';
import type { NationalIdVault } from '../modules/persons/nationalIdVault.ts';
import { demoVillages, villageCode } from './demoData.ts';

export const DEMO_PEOPLE_SEED = 9015;
/** Ages are drawn as of this day; people then grow older with the calendar like anyone else. */
export const DEMO_AS_OF = '2026-06-01';
export const PILOT_SUBDISTRICT = '901508';

/** People per village of ป่าขาด; หมู่ 1 is demo.volunteer's village. */
const PILOT_QUOTAS: Readonly<Record<number, number>> = { 1: 100, 2: 60, 3: 60, 4: 50, 5: 50 };
/** Every other subdistrict: this many people over three of its villages (the first, a middle one, the last). */
const PEOPLE_PER_OTHER_SUBDISTRICT = 18;

/** Postcodes by subdistrict (thai-address-universal): the district has two post offices. */
const POSTCODES: Readonly<Record<string, string>> = {
  '901501': '90280',
  '901502': '90280',
  '901503': '90280',
  '901504': '90330',
  '901505': '90330',
  '901506': '90330',
  '901507': '90330',
  '901508': '90330',
  '901509': '90280',
  '901510': '90330',
  '901511': '90330',
};

const NO_ID_REASONS = [
  'ไม่ได้นำบัตรประชาชนมาแสดงในวันสำรวจ',
  'บัตรหาย อยู่ระหว่างทำบัตรใหม่',
  'ญาติให้ข้อมูลแทน จำเลขบัตรไม่ได้',
] as const;
const ID_SHARE = 0.85;

/** Registrations were entered between these days (Thai time), the pilot's first five months; every record, withdrawals included, predates 15 November 2026. */
const REGISTERED_FROM = Date.UTC(2026, 4, 4);
const REGISTRATION_DAYS = 140;

export type Recorder = 'admin' | 'volunteer' | 'socialworker';
/** The demo accounts that recorded the people (demoData.ts's demoUsers). */
export const RECORDER_USERNAMES: Readonly<Record<Recorder, string>> = {
  admin: 'demo.admin',
  volunteer: 'demo.volunteer',
  socialworker: 'demo.socialworker',
};
/** Agencies (demoData.ts's organisation keys) that bed-bound and disabled people agree to share with. */
export const SHARED_AGENCY_KEYS = ['pao_songkhla', 'hospital_singhanakhon'] as const;

export interface DemoConsent {
  purpose: 'collect' | 'share_group' | 'share_agencies';
  granted: boolean;
  method: 'paper' | 'verbal_witnessed';
  witnessName: string | null;
  /** Shared with the SHARED_AGENCY_KEYS organisations. */
  withAgencies: boolean;
  note: string | null;
  recordedAt: string;
}

export interface DemoHousehold {
  id: string;
  areaCode: string;
  villageCode: string;
  villageNo: number;
  houseNo: string;
  postcode: string;
  housingType: string;
  headPersonId: string;
  registeredAt: string;
  recorder: Recorder;
}

export interface DemoPerson {
  synthetic: SyntheticPerson;
  profile: PersonProfile;
  postcode: string;
  /** The Thai ID in the clear, or null when none was recorded (then `noIdReason`). */
  nationalId: string | null;
  noIdReason: string | null;
  birthDate: string;
  birthDateEstimated: boolean;
  source: 'import' | 'staff';
  recorder: Recorder;
  registeredAt: string;
  consents: DemoConsent[];
}

export interface DemoRegistry {
  households: DemoHousehold[];
  people: DemoPerson[];
}

/** Where the demo people live: 320 in ป่าขาด, 18 in each of the ten other subdistricts. */
export function demoQuotas(): VillageQuota[] {
  const bySubdistrict = new Map<string, typeof demoVillages>();
  for (const v of demoVillages)
    bySubdistrict.set(v.parentCode, [...(bySubdistrict.get(v.parentCode) ?? []), v]);
  const quotas: VillageQuota[] = [];
  for (const [subdistrict, villages] of bySubdistrict) {
    const chosen =
      subdistrict === PILOT_SUBDISTRICT
        ? villages.map((v) => ({ v, people: PILOT_QUOTAS[v.villageNo] ?? 0 }))
        : spread(villages, PEOPLE_PER_OTHER_SUBDISTRICT);
    for (const { v, people } of chosen) {
      quotas.push({
        village: {
          code: villageCode(v),
          subdistrictCode: v.parentCode,
          villageNo: v.villageNo,
          nameTh: v.nameTh,
        },
        people,
      });
    }
  }
  return quotas;
}

function spread<T extends { villageNo: number }>(villages: readonly T[], people: number) {
  const sorted = [...villages].sort((a, b) => a.villageNo - b.villageNo);
  const picked = [...new Set([0, Math.floor((sorted.length - 1) / 2), sorted.length - 1])].map(
    (i) => sorted[i]!,
  );
  return picked.map((v, i) => ({
    v,
    people: Math.floor(people / picked.length) + (i < people % picked.length ? 1 : 0),
  }));
}

/** The whole demo registry, without I/O: the same every time. */
export function buildDemoRegistry(seed = DEMO_PEOPLE_SEED): DemoRegistry {
  const population = populateVillages(demoQuotas(), { seed, asOf: DEMO_AS_OF });
  // The registry's own draws come from a stream of their own, so the population stays the generator's.
  const random = mulberry32(seedFor(`${seed}:demo-registry`));
  const members = new Map<string, SyntheticPerson[]>();
  for (const p of population.people) members.set(p.householdId, [...(members.get(p.householdId) ?? []), p]);

  const out: DemoRegistry = { households: [], people: [] };
  for (const h of population.households) {
    const list = members.get(h.id) ?? [];
    const { household, people } = profileHousehold(random, list, DEMO_AS_OF);
    const pilot = h.areaCode === PILOT_SUBDISTRICT;
    // The volunteer registers their own village door to door; the pilot's other villages came in from the
    // SHPH's list (imported by the area admin); elsewhere the hospital's social worker registers referrals.
    const recorder: Recorder = !pilot ? 'socialworker' : h.villageNo === 1 ? 'volunteer' : 'admin';
    const source = recorder === 'admin' && chance(random, 0.8) ? 'import' : 'staff';
    const registeredAt = registrationTime(random);
    const postcode = POSTCODES[h.areaCode] ?? '90330';
    out.households.push({
      id: h.id,
      areaCode: h.areaCode,
      villageCode: h.villageCode,
      villageNo: h.villageNo,
      houseNo: h.houseNo,
      postcode,
      housingType: household.housingType,
      headPersonId: h.headPersonId,
      registeredAt,
      recorder,
    });
    list.forEach((person, i) => {
      const profile = people[i]!;
      const hasId = chance(random, ID_SHARE);
      const age = ageAt(person.birthDate);
      // Some of the very old know only their year of birth (the house registration says 1 January).
      const estimated = age >= 80 && chance(random, 0.2);
      out.people.push({
        synthetic: person,
        profile,
        postcode,
        nationalId: hasId ? person.nationalId : null,
        noIdReason: hasId ? null : pick(random, NO_ID_REASONS),
        birthDate: estimated ? `${person.birthDate.slice(0, 4)}-01-01` : person.birthDate,
        birthDateEstimated: estimated,
        source,
        recorder,
        registeredAt,
        consents: consentsFor(random, person, profile, age, registeredAt, recorder),
      });
    });
  }
  return out;
}

function ageAt(birthDate: string): number {
  const [y, m, d] = birthDate.split('-').map(Number) as [number, number, number];
  const [ry, rm, rd] = DEMO_AS_OF.split('-').map(Number) as [number, number, number];
  return ry - y - (rm > m || (rm === m && rd >= d) ? 0 : 1);
}

/** A working-hours moment (Thai time, stored as UTC) within the registration period. */
function registrationTime(random: Random): string {
  const day = REGISTERED_FROM + intBetween(random, 0, REGISTRATION_DAYS) * 86_400_000;
  const minutes = intBetween(random, 9 * 60, 16 * 60) - 7 * 60;
  return new Date(day + minutes * 60_000).toISOString();
}

function laterBy(iso: string, days: number): string {
  return new Date(Date.parse(iso) + days * 86_400_000).toISOString();
}

/**
 * PDPA consent as the pilot records it: consent to collect, on paper for most (verbal before a witness for
 * some), at registration; consent to share within the closed group for most of those at risk and some
 * others, a few days later when the group meets; sharing with named agencies for some bed-bound and
 * disabled people; and a rare withdrawal, kept as history.
 */
function consentsFor(
  random: Random,
  person: SyntheticPerson,
  profile: PersonProfile,
  age: number,
  registeredAt: string,
  recorder: Recorder,
): DemoConsent[] {
  const out: DemoConsent[] = [];
  const minor = age < 18;
  const note = minor ? 'ผู้ปกครองลงนามแทน' : null;
  const record = (c: Omit<DemoConsent, 'witnessName' | 'withAgencies' | 'note'> & Partial<DemoConsent>) =>
    out.push({ witnessName: null, withAgencies: false, note, ...c });
  if (!chance(random, 0.9)) return out;
  const verbal = chance(random, recorder === 'volunteer' ? 0.15 : 0.05);
  record({
    purpose: 'collect',
    granted: true,
    method: verbal ? 'verbal_witnessed' : 'paper',
    witnessName: verbal ? 'ผู้ใหญ่บ้าน' : null,
    recordedAt: registeredAt,
  });
  const atRisk = profile.vulnerability.length > 0 || age >= 60;
  if (!chance(random, atRisk ? 0.8 : 0.35)) return out;
  const sharedAt = laterBy(registeredAt, intBetween(random, 1, 14));
  record({ purpose: 'share_group', granted: true, method: 'paper', recordedAt: sharedAt });
  const needsAgencies =
    profile.vulnerability.includes('bedbound') || profile.vulnerability.includes('disabled');
  if (needsAgencies && chance(random, 0.5)) {
    record({
      purpose: 'share_agencies',
      granted: true,
      method: 'paper',
      withAgencies: true,
      recordedAt: sharedAt,
      note: 'ส่งต่อ อบจ. (รถรับส่ง, ปรับสภาพบ้าน) และโรงพยาบาล',
    });
  }
  if (chance(random, 0.02)) {
    record({
      purpose: 'share_group',
      granted: false,
      method: 'paper',
      recordedAt: laterBy(sharedAt, intBetween(random, 10, 40)),
      note: `${person.relation === 'head' ? 'เจ้าตัว' : 'ญาติ'}ขอถอนความยินยอม`,
    });
  }
  return out;
}

export interface DemoPeopleRefs {
  /** User ids of the recording accounts; a missing one records as null. */
  users: Partial<Record<Recorder, string>>;
  /** Organisation ids for SHARED_AGENCY_KEYS; without them no share_agencies consent is written. */
  agencyIds: readonly string[];
}

export interface DemoPeopleCounts {
  households: number;
  people: number;
  consents: number;
}

const CHUNK = 250;

/**
 * Inserts the demo registry (households, people, version-1 revisions, consents) in a few multi-row
 * statements. Call inside the demo seed's transaction. Does nothing if the demo people are already there.
 */
export async function seedDemoPeople(
  db: Db,
  vault: NationalIdVault,
  refs: DemoPeopleRefs,
): Promise<DemoPeopleCounts> {
  const registry = buildDemoRegistry();
  const first = registry.people[0];
  if (!first) return { households: 0, people: 0, consents: 0 };
  const [already] = await db
    .select({ id: persons.id })
    .from(persons)
    .where(sql`${persons.id} = ${first.synthetic.id}`);
  if (already) return { households: 0, people: 0, consents: 0 };

  const hashes = registry.people.map((p) =>
    p.nationalId ? vault.lookupHash('thai_id', p.nationalId) : null,
  );
  // A synthetic ID that happens to be a registered person's stays out: the demo never blocks a real record.
  const taken = new Set(
    (
      await db
        .select({ hash: persons.nationalIdHash })
        .from(persons)
        .where(
          inArray(
            persons.nationalIdHash,
            hashes.filter((h): h is string => h !== null),
          ),
        )
    ).map((r) => r.hash),
  );
  const userOf = (r: Recorder) => refs.users[r] ?? null;

  const householdRows: (typeof households.$inferInsert)[] = registry.households.map((h) => ({
    id: h.id,
    areaCode: h.areaCode,
    villageCode: h.villageCode,
    villageNo: h.villageNo,
    houseNo: h.houseNo,
    postcode: h.postcode,
    housingType: h.housingType,
    headPersonId: h.headPersonId,
    createdBy: userOf(h.recorder),
    createdAt: h.registeredAt,
    updatedAt: h.registeredAt,
  }));

  const personRows: (typeof persons.$inferInsert)[] = registry.people.map((p, i) => {
    const s = p.synthetic;
    const hash = hashes[i] ?? null;
    const id = hash && !taken.has(hash) ? p.nationalId : null;
    return {
      id: s.id,
      areaCode: s.areaCode,
      villageCode: s.villageCode,
      villageNo: s.villageNo,
      houseNo: s.houseNo,
      postcode: p.postcode,
      householdId: s.householdId,
      relationToHead: s.relation,
      idType: id ? 'thai_id' : 'none',
      nationalIdEnc: id ? vault.encrypt(id) : null,
      nationalIdHash: id ? hash : null,
      noIdReason: id ? null : (p.noIdReason ?? NO_ID_REASONS[0]),
      title: p.profile.title,
      firstName: s.firstName,
      lastName: s.lastName,
      sex: s.sex,
      birthDate: p.birthDate,
      birthDateEstimated: p.birthDateEstimated,
      nationality: 'TH',
      religion: p.profile.religion,
      maritalStatus: p.profile.maritalStatus,
      education: p.profile.education,
      occupation: p.profile.occupation,
      incomeBand: p.profile.incomeBand,
      healthCoverage: p.profile.healthCoverage,
      phone: s.phone,
      chronicConditions: p.profile.chronicConditions,
      disabilityTypes: p.profile.disabilityTypes,
      vulnerability: p.profile.vulnerability,
      caregiver: caregiverJson(p.profile.caregiver),
      createdBy: userOf(p.recorder),
      createdAt: p.registeredAt,
      updatedAt: p.registeredAt,
    };
  });

  const revisionRows: (typeof personRevisions.$inferInsert)[] = registry.people.map((p, i) => ({
    personId: p.synthetic.id,
    areaCode: p.synthetic.areaCode,
    version: 1,
    changedBy: userOf(p.recorder),
    changedAt: p.registeredAt,
    source: p.source,
    changes: { created: filledFields(personRows[i]!) },
  }));

  const consentRows: (typeof consents.$inferInsert)[] = registry.people.flatMap((p) =>
    p.consents
      .filter((c) => !c.withAgencies || refs.agencyIds.length > 0)
      .map((c) => ({
        personId: p.synthetic.id,
        areaCode: p.synthetic.areaCode,
        purpose: c.purpose,
        granted: c.granted,
        method: c.method,
        witnessName: c.witnessName,
        agencies: c.withAgencies ? [...refs.agencyIds] : [],
        note: c.note,
        recordedBy: userOf(p.recorder),
        recordedAt: c.recordedAt,
      })),
  );

  for (const rows of chunks(householdRows)) await db.insert(households).values(rows);
  for (const rows of chunks(personRows)) await db.insert(persons).values(rows);
  for (const rows of chunks(revisionRows)) await db.insert(personRevisions).values(rows);
  for (const rows of chunks(consentRows)) await db.insert(consents).values(rows);
  return { households: householdRows.length, people: personRows.length, consents: consentRows.length };
}

function caregiverJson(c: Caregiver | null) {
  return c ? { relation: c.relation, name: c.name, phone: c.phone, personId: c.personId } : null;
}

/** The API names of the items a registration filled in, as createPerson records them. */
function filledFields(row: typeof persons.$inferInsert): string[] {
  const fields = ['idType', 'title', 'firstName', 'lastName', 'sex', 'birthDate', 'address', 'householdId'];
  if (row.relationToHead) fields.push('relationToHead');
  if (row.noIdReason) fields.push('noIdReason');
  if (row.birthDateEstimated) fields.push('birthDateEstimated');
  for (const key of [
    'religion',
    'maritalStatus',
    'education',
    'occupation',
    'incomeBand',
    'healthCoverage',
    'phone',
  ] as const) {
    if (row[key]) fields.push(key);
  }
  if (row.chronicConditions?.length) fields.push('chronicConditions');
  if (row.disabilityTypes?.length) fields.push('disability');
  if (row.vulnerability?.length) fields.push('vulnerability');
  if (row.caregiver) fields.push('caregiver');
  return fields;
}

function chunks<T>(rows: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += CHUNK) out.push(rows.slice(i, i + CHUNK));
  return out;
}
