/**
 * The demo assistance ledger (issue 8 items 5 and 8): a year of help given to vulnerable demo people by the
 * district's partners — cash and survival bags from the SAOs and the community foundation, wheelchairs and air
 * mattresses from the PAO's rehabilitation fund, home repairs with the PAO and the university's volunteers,
 * Thai massage and physiotherapy at home from the SHPH and the hospital — most of it in ป่าขาด.
 *
 * Help follows each person's vulnerability (a bed-bound person gets an air mattress, a poor household a survival
 * bag) and respects the duplicate rule of `core/services/assistance.ts`: no two gifts of one kind to one person
 * inside the kind's window — except one case, a survival bag given by the SAO ten days after the foundation's,
 * which the recorder saw flagged and confirmed (the family had lost its income). Everything is drawn from a
 * seeded PRNG and every id is a `demoUuid`, so a demo installation holds the same ledger for the same "today".
 * Call inside the demo seed's transaction, after the people.
 */
import { and, asc, inArray, isNull, like, sql } from 'drizzle-orm';
import {
  intBetween,
  mulberry32,
  pick,
  type Random,
  seedFor,
  shuffled,
} from '../../../bench/generate/random.ts';
import type { AssistanceKind } from '../../core/schemas/assistance.ts';
import { bangkokDate } from '../../core/screenings/month.ts';
import { DEFAULT_DUPLICATE_DAYS, probableDuplicates, shiftDays } from '../../core/services/assistance.ts';
import type { Db } from '../db/client.ts';
import { assistance, persons, users } from '../db/schema.ts';
import { DEMO_DISTRICT_CODE } from './demoData.ts';
import { PILOT_SUBDISTRICT } from './demoPeople.ts';
import { demoUuid } from './demoScreenings.ts';

export const DEMO_ASSISTANCE_SEED = 'assistance-2569';
/** Helped people: this many in the pilot subdistrict, and this many elsewhere in the district. */
const PILOT_PEOPLE = 45;
const OTHER_PEOPLE = 20;
/** Help is spread over the year before "today". */
const SPAN_DAYS = 360;

export interface DemoAssistanceRefs {
  today: Date;
  /** Demo organisation ids by their demoOrganizations key. */
  orgIds: ReadonlyMap<string, string>;
}

export interface DemoAssistanceCounts {
  assistance: number;
  assistedPeople: number;
  duplicatesConfirmed: number;
}

/** One kind of help as the partners give it: who gives it, from which fund, and what it is worth. */
interface Template {
  kind: AssistanceKind;
  description: string;
  org: string;
  fundingSource: string | null;
  /** Baht; null for a service without a price. */
  value: readonly [min: number, max: number] | null;
  /** Who records it (a demo username). */
  recorder: string;
}

const FUND = {
  sao: 'งบประมาณ อบต. (สงเคราะห์ผู้ยากไร้)',
  lhsf: 'กองทุนหลักประกันสุขภาพตำบล (กปท.)',
  rehab: 'กองทุนฟื้นฟูสมรรถภาพที่จังหวัด',
  donation: 'เงินบริจาค',
  homeMod: 'งบปรับสภาพที่อยู่อาศัย (พมจ.)',
  university: 'โครงการบริการวิชาการแก่สังคม',
};

const TEMPLATES = {
  cashSao: {
    kind: 'cash',
    description: 'เงินสงเคราะห์ผู้ยากไร้',
    org: 'sao_pa_khat',
    fundingSource: FUND.sao,
    value: [1000, 3000],
    recorder: 'demo.admin',
  },
  cashFoundation: {
    kind: 'cash',
    description: 'ทุนช่วยเหลือค่าเดินทางไปโรงพยาบาล',
    org: 'foundation_songkhla_community',
    fundingSource: FUND.donation,
    value: [500, 1500],
    recorder: 'demo.agency',
  },
  bagFoundation: {
    kind: 'goods',
    description: 'ถุงยังชีพ (ข้าวสาร 5 กก. น้ำมันพืช ปลากระป๋อง)',
    org: 'foundation_songkhla_community',
    fundingSource: FUND.donation,
    value: [350, 500],
    recorder: 'demo.volunteer',
  },
  bagSao: {
    kind: 'goods',
    description: 'ถุงยังชีพ (ข้าวสาร ไข่ไก่ ของใช้จำเป็น)',
    org: 'sao_pa_khat',
    fundingSource: FUND.sao,
    value: [400, 400],
    recorder: 'demo.admin',
  },
  diapers: {
    kind: 'goods',
    description: 'ผ้าอ้อมผู้ใหญ่และแผ่นรองซับ',
    org: 'shph_pa_khat',
    fundingSource: FUND.lhsf,
    value: [600, 900],
    recorder: 'demo.volunteer',
  },
  milk: {
    kind: 'goods',
    description: 'นมและอาหารเสริมสำหรับผู้ป่วยเรื้อรัง',
    org: 'shph_pa_khat',
    fundingSource: FUND.lhsf,
    value: [300, 450],
    recorder: 'demo.volunteer',
  },
  wheelchair: {
    kind: 'equipment',
    description: 'รถเข็นนั่ง (วีลแชร์)',
    org: 'pao_songkhla',
    fundingSource: FUND.rehab,
    value: [3500, 4500],
    recorder: 'demo.agency',
  },
  mattress: {
    kind: 'equipment',
    description: 'ที่นอนลมป้องกันแผลกดทับ',
    org: 'pao_songkhla',
    fundingSource: FUND.rehab,
    value: [2500, 3200],
    recorder: 'demo.agency',
  },
  walker: {
    kind: 'equipment',
    description: 'ไม้เท้าสามขาและโครงหัดเดิน (ศูนย์แบ่งปันของมือสอง)',
    org: 'foundation_songkhla_community',
    fundingSource: FUND.donation,
    // Second-hand, valued at what the sharing centre would have paid.
    value: [300, 800],
    recorder: 'demo.volunteer',
  },
  bathroom: {
    kind: 'home_repair',
    description: 'ปรับปรุงห้องน้ำ ติดราวจับ ปูพื้นกันลื่น',
    org: 'pao_songkhla',
    fundingSource: FUND.homeMod,
    value: [12000, 20000],
    recorder: 'demo.agency',
  },
  roof: {
    kind: 'home_repair',
    description: 'ซ่อมหลังคารั่วและฝาบ้าน โดยนักศึกษาจิตอาสา',
    org: 'university_songkhla_rajabhat',
    fundingSource: FUND.university,
    value: [5000, 9000],
    recorder: 'demo.admin',
  },
  ramp: {
    kind: 'home_repair',
    description: 'ทำทางลาดสำหรับรถเข็นหน้าบ้าน',
    org: 'sao_pa_khat',
    fundingSource: FUND.sao,
    value: [4000, 7000],
    recorder: 'demo.admin',
  },
  massage: {
    kind: 'service',
    description: 'นวดแผนไทยและประคบสมุนไพรที่บ้าน',
    org: 'shph_pa_khat',
    fundingSource: FUND.lhsf,
    value: null,
    recorder: 'demo.volunteer',
  },
  physio: {
    kind: 'service',
    description: 'กายภาพบำบัดที่บ้าน',
    org: 'hospital_singhanakhon',
    fundingSource: null,
    value: null,
    recorder: 'demo.socialworker',
  },
  haircut: {
    kind: 'service',
    description: 'ตัดผม สระผม ตัดเล็บ โดยจิตอาสา',
    org: 'shph_pa_khat',
    fundingSource: null,
    value: null,
    recorder: 'demo.volunteer',
  },
} satisfies Record<string, Template>;
type TemplateKey = keyof typeof TEMPLATES;

/** What fits whom: by vulnerability, then something for anyone else the volunteers look after. */
const BY_VULNERABILITY: Readonly<Record<string, readonly TemplateKey[]>> = {
  poor: ['cashSao', 'bagFoundation', 'bagSao', 'cashFoundation', 'roof'],
  bedbound: ['mattress', 'wheelchair', 'diapers', 'physio', 'massage'],
  disabled: ['wheelchair', 'ramp', 'bathroom', 'walker', 'physio'],
  living_alone: ['bagFoundation', 'roof', 'haircut', 'bathroom'],
  chronic_illness: ['milk', 'cashFoundation', 'massage'],
};
const ANYONE: readonly TemplateKey[] = ['haircut', 'massage', 'bagFoundation', 'milk'];

/**
 * Outside the pilot the local SAO or municipality and the local SHPH give what Pa Khat's give in the pilot;
 * where the demo has none, that help is not given. Outside the pilot the district's social worker records.
 */
const LOCAL: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  sao_pa_khat: {
    '901501': 'sao_ching_kho',
    '901503': 'sao_thamnop',
    '901505': 'sao_wat_khanun',
    '901511': 'tm_muang_ngam',
  },
  shph_pa_khat: {
    '901501': 'shph_ching_kho',
    '901502': 'shph_ban_sathit',
    '901503': 'shph_thamnop',
    '901504': 'shph_ram_daeng',
    '901505': 'shph_wat_khanun',
    '901506': 'shph_chalae',
  },
};
const OUTSIDE_RECORDER = 'demo.socialworker';

function giverOf(t: Template, areaCode: string): { org: string; recorder: string } | null {
  if (areaCode === PILOT_SUBDISTRICT) return { org: t.org, recorder: t.recorder };
  const local = LOCAL[t.org];
  const org = local ? local[areaCode] : t.org;
  return org ? { org, recorder: OUTSIDE_RECORDER } : null;
}

interface Candidate {
  id: string;
  areaCode: string;
  villageCode: string | null;
  vulnerability: string[];
}

type Row = typeof assistance.$inferInsert;

export async function seedDemoAssistance(db: Db, refs: DemoAssistanceRefs): Promise<DemoAssistanceCounts> {
  const random = mulberry32(seedFor(DEMO_ASSISTANCE_SEED));
  const today = bangkokDate(refs.today);
  const recorders = await recorderIds(db);
  const people = await helpedPeople(db, random);
  const rows: Row[] = [];

  for (const person of people) {
    const choices = [...new Set(person.vulnerability.flatMap((v) => BY_VULNERABILITY[v] ?? []))];
    const pool = choices.length > 0 ? choices : ANYONE;
    const gifts = intBetween(random, 1, Math.min(4, pool.length + 1));
    const given: Row[] = [];
    for (let i = 0; i < gifts; i++) {
      const template = TEMPLATES[pick(random, pool)];
      const givenOn = shiftDays(today, -intBetween(random, 1, SPAN_DAYS));
      // The partners do not give the same kind twice inside its window (the one exception is below).
      const earlier = given.map((g) => ({ kind: g.kind, givenOn: g.givenOn }));
      if (probableDuplicates({ kind: template.kind, givenOn }, earlier, DEFAULT_DUPLICATE_DAYS).length > 0)
        continue;
      const row = rowOf(person, template, givenOn, random, refs.orgIds, recorders, `${person.id}:${i}`);
      if (row) given.push(row);
    }
    rows.push(...given);
  }

  const confirmed = confirmedDuplicate(people, rows, today, refs.orgIds, recorders);
  rows.push(...confirmed);
  // Ids are fixed (demoUuid): seeding twice adds nothing.
  for (let i = 0; i < rows.length; i += 500) {
    await db
      .insert(assistance)
      .values(rows.slice(i, i + 500))
      .onConflictDoNothing();
  }
  return {
    assistance: rows.length,
    assistedPeople: new Set(rows.map((r) => r.personId)).size,
    duplicatesConfirmed: confirmed.filter((r) => r.duplicateConfirmed).length,
  };
}

function rowOf(
  person: Candidate,
  t: Template,
  givenOn: string,
  random: Random,
  orgIds: ReadonlyMap<string, string>,
  recorders: ReadonlyMap<string, string>,
  key: string,
  duplicateConfirmed = false,
): Row | null {
  const giver = giverOf(t, person.areaCode);
  const organizationId = giver && orgIds.get(giver.org);
  if (!giver || !organizationId) return null;
  // Round prices to 50 baht, as receipts are.
  const value = t.value ? Math.round(intBetween(random, t.value[0], t.value[1]) / 50) * 50 : null;
  return {
    id: demoUuid(`assistance:${key}`),
    personId: person.id,
    areaCode: person.areaCode,
    villageCode: person.villageCode,
    kind: t.kind,
    description: t.description,
    value,
    givenOn,
    organizationId,
    fundingSource: t.fundingSource,
    duplicateConfirmed,
    recordedBy: recorders.get(giver.recorder) ?? null,
    createdAt: `${givenOn}T03:30:00.000Z`,
  };
}

/**
 * The confirmed probable duplicate: a poor person of the pilot who got the foundation's survival bag gets
 * the SAO's ten days later, recorded after the warning. If the draw gave nobody a foundation bag, one is given.
 */
function confirmedDuplicate(
  people: readonly Candidate[],
  rows: Row[],
  today: string,
  orgIds: ReadonlyMap<string, string>,
  recorders: ReadonlyMap<string, string>,
): Row[] {
  const random = mulberry32(seedFor(`${DEMO_ASSISTANCE_SEED}:duplicate`));
  const bag = TEMPLATES.bagFoundation;
  const pilot = people.filter((p) => p.areaCode === PILOT_SUBDISTRICT);
  const withBag = rows.find(
    (r) =>
      r.description === bag.description &&
      r.givenOn <= shiftDays(today, -15) &&
      pilot.some((p) => p.id === r.personId) &&
      !rows.some((o) => o.personId === r.personId && o.description === TEMPLATES.bagSao.description),
  );
  const extra: Row[] = [];
  let first = withBag;
  if (!first) {
    const person = pilot[0] ?? people[0];
    if (!person) return [];
    first =
      rowOf(person, bag, shiftDays(today, -45), random, orgIds, recorders, `${person.id}:bag`) ?? undefined;
    if (!first) return [];
    extra.push(first);
  }
  const person = people.find((p) => p.id === first.personId)!;
  const second = rowOf(
    person,
    TEMPLATES.bagSao,
    shiftDays(first.givenOn, 10),
    random,
    orgIds,
    recorders,
    `${person.id}:confirmed`,
    true,
  );
  return second ? [...extra, second] : extra;
}

/** Vulnerable people of the district, most of them in the pilot subdistrict, in a seeded order. */
async function helpedPeople(db: Db, random: Random): Promise<Candidate[]> {
  const rows = await db
    .select({
      id: persons.id,
      areaCode: persons.areaCode,
      villageCode: persons.villageCode,
      vulnerability: persons.vulnerability,
    })
    .from(persons)
    .where(
      and(
        like(persons.areaCode, `${DEMO_DISTRICT_CODE}%`),
        isNull(persons.mergedInto),
        sql`cardinality(${persons.vulnerability}) > 0`,
      ),
    )
    .orderBy(asc(persons.id));
  const candidates = rows.map((r) => ({ ...r, vulnerability: r.vulnerability ?? [] }));
  const pilot = shuffled(
    random,
    candidates.filter((c) => c.areaCode === PILOT_SUBDISTRICT),
  ).slice(0, PILOT_PEOPLE);
  const others = shuffled(
    random,
    candidates.filter((c) => c.areaCode !== PILOT_SUBDISTRICT),
  ).slice(0, OTHER_PEOPLE);
  return [...pilot, ...others];
}

async function recorderIds(db: Db): Promise<Map<string, string>> {
  const names = [...new Set([...Object.values(TEMPLATES).map((t) => t.recorder), OUTSIDE_RECORDER])];
  const rows = await db
    .select({ id: users.id, username: users.username })
    .from(users)
    .where(inArray(users.username, names));
  return new Map(rows.map((r) => [r.username, r.id]));
}
