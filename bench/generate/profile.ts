import type {
  caregiverRelations,
  chronicConditions,
  disabilityTypes,
  educationLevels,
  healthCoverages,
  housingTypes,
  incomeBands,
  maritalStatuses,
  recordedVulnerabilities,
  religions,
  titles,
} from '../../src/core/schemas/person.ts';
import { ageOn } from './ages.ts';
import type { HouseholdRelation, SyntheticPerson } from './population.ts';
import { chance, digits, pick, pickWeighted, type Random } from './random.ts';
import { FEMALE_GIVEN_NAMES, MALE_GIVEN_NAMES, MUSLIM_NAMES, SURNAMES } from './thaiNames.ts';

export type Title = (typeof titles)[number];
export type Religion = (typeof religions)[number];
export type MaritalStatus = (typeof maritalStatuses)[number];
export type Education = (typeof educationLevels)[number];
export type IncomeBand = (typeof incomeBands)[number];
export type HealthCoverage = (typeof healthCoverages)[number];
export type HousingType = (typeof housingTypes)[number];
export type ChronicCondition = (typeof chronicConditions)[number];
export type DisabilityType = (typeof disabilityTypes)[number];
export type RecordedVulnerability = (typeof recordedVulnerabilities)[number];
export type CaregiverRelation = (typeof caregiverRelations)[number];

export interface Caregiver {
  relation: CaregiverRelation;
  name?: string;
  phone?: string;
  /** Set when the caregiver is a registered member of the same household. */
  personId?: string;
}

/** The registry items the population generator leaves out (items 8–13 and 16–19 of the 20). */
export interface PersonProfile {
  title: Title;
  religion: Religion;
  maritalStatus: MaritalStatus;
  education: Education;
  occupation: string | null;
  incomeBand: IncomeBand;
  healthCoverage: HealthCoverage;
  chronicConditions: ChronicCondition[];
  disabilityTypes: DisabilityType[];
  /** Recorded types only: `elderly` follows from age and is never stored. */
  vulnerability: RecordedVulnerability[];
  caregiver: Caregiver | null;
}

export interface HouseholdProfile {
  housingType: HousingType;
  religion: Religion;
  /** Holds the state welfare card (บัตรสวัสดิการแห่งรัฐ): the adults are registered as poor. */
  poor: boolean;
}

/*
 * Shares below are rounded from published national figures and leaned towards the rural South; they are
 * meant to give a demo and a benchmark a believable mix, not statistics to quote:
 * - hypertension about 25 % of adults and half of those 60+, diabetes about 9 % and 20 % (NHES);
 * - about 3 % of people hold a disability card, most of them older, half with a physical disability (DEP);
 * - about a fifth of households hold the state welfare card; about 1 in 6 households is one person;
 * - universal coverage (บัตรทอง) for three quarters, social security for employees, the civil servants'
 *   scheme for their families; Songkhla has a large Muslim minority, many with Thai names.
 */
const CONDITION_RATES: ReadonlyArray<
  readonly [minAge: number, rates: Partial<Record<ChronicCondition, number>>]
> = [
  [
    80,
    {
      hypertension: 0.58,
      diabetes: 0.18,
      heart_disease: 0.1,
      kidney_disease: 0.1,
      stroke: 0.08,
      copd_asthma: 0.07,
      cancer: 0.04,
      dementia: 0.15,
    },
  ],
  [
    60,
    {
      hypertension: 0.48,
      diabetes: 0.2,
      heart_disease: 0.06,
      kidney_disease: 0.07,
      stroke: 0.04,
      copd_asthma: 0.05,
      cancer: 0.03,
      dementia: 0.03,
      mental_illness: 0.01,
    },
  ],
  [
    35,
    {
      hypertension: 0.2,
      diabetes: 0.09,
      heart_disease: 0.02,
      kidney_disease: 0.02,
      stroke: 0.005,
      copd_asthma: 0.02,
      cancer: 0.01,
      mental_illness: 0.015,
    },
  ],
  [15, { hypertension: 0.02, diabetes: 0.01, copd_asthma: 0.03, mental_illness: 0.01 }],
  [0, { copd_asthma: 0.03 }],
];
const SERIOUS: ReadonlySet<ChronicCondition> = new Set([
  'heart_disease',
  'kidney_disease',
  'stroke',
  'copd_asthma',
  'cancer',
  'dementia',
]);

const DISABILITY_TYPES: readonly DisabilityType[] = [
  'physical',
  'hearing',
  'visual',
  'mental',
  'intellectual',
  'learning',
  'autism',
];
const ADULT_DISABILITY_WEIGHTS = [50, 18, 11, 9, 8, 2, 2];
const CHILD_DISABILITY_WEIGHTS = [20, 8, 5, 2, 30, 20, 15];

const WORKING_OCCUPATIONS: ReadonlyArray<readonly [string, number]> = [
  ['เกษตรกร', 24],
  ['ประมง', 9],
  ['รับจ้างทั่วไป', 25],
  ['ค้าขาย', 12],
  ['ลูกจ้างบริษัท/โรงงาน', 13],
  ['ธุรกิจส่วนตัว', 4],
  ['งานบ้าน', 8],
  ['ว่างงาน', 5],
];
const EMPLOYEE = 'ลูกจ้างบริษัท/โรงงาน';
const CIVIL_SERVANT = 'รับราชการ';
const OLDER_OCCUPATIONS: ReadonlyArray<readonly [string, number]> = [
  ['ไม่ได้ประกอบอาชีพ', 55],
  ['เกษตรกร', 25],
  ['ค้าขาย', 8],
  ['รับจ้างทั่วไป', 7],
  ['ประมง', 5],
];
const NOT_WORKING = 'ไม่ได้ประกอบอาชีพ';

const HOUSING: ReadonlyArray<readonly [HousingType, number]> = [
  ['own_house', 82],
  ['relative_house', 8],
  ['rented', 6],
  ['temporary', 3],
  ['other', 1],
];

function weighted<T>(random: Random, table: ReadonlyArray<readonly [T, number]>): T {
  return table[
    pickWeighted(
      random,
      table.map(([, w]) => w),
    )
  ]![0];
}

/** Generations relative to the head of household, to name who cares for whom. */
const GENERATION: Record<HouseholdRelation, number | null> = {
  parent: -1,
  head: 0,
  spouse: 0,
  sibling: 0,
  child: 1,
  grandchild: 2,
  relative: null,
};

/**
 * Profiles for one household's members (in the generator's order: head first), drawn from `random`.
 * Pure: the same stream and members give the same profiles.
 */
export function profileHousehold(
  random: Random,
  members: readonly SyntheticPerson[],
  asOf: string,
): { household: HouseholdProfile; people: PersonProfile[] } {
  const ages = members.map((m) => ageOn(m.birthDate, asOf));
  const muslimNames = members.some((m) => MUSLIM_NAMES.has(m.firstName) || MUSLIM_NAMES.has(m.lastName));
  const religion: Religion =
    muslimNames || chance(random, 0.07) ? 'islam' : chance(random, 0.01) ? 'christianity' : 'buddhism';
  const household: HouseholdProfile = {
    housingType: weighted(random, HOUSING),
    religion,
    poor: chance(random, 0.2),
  };
  // One working adult in about 8 % of households is a civil servant; the scheme covers spouse, parents, children under 20.
  const workingAge = members.map((_, i) => i).filter((i) => (ages[i] ?? 0) >= 22 && (ages[i] ?? 0) < 60);
  const civilServant = workingAge.length > 0 && chance(random, 0.08) ? pick(random, workingAge) : -1;
  const living = members.length;
  const hasSpouse = members.some((m) => m.relation === 'spouse');
  // Parents away at work, children left with grandparents: the skipped-generation homes of rural Thailand.
  const skippedGeneration =
    members.some((m, i) => m.relation === 'grandchild' && (ages[i] ?? 0) < 18) &&
    !members.some((m, i) => m.relation === 'child' && (ages[i] ?? 0) >= 18);

  const people = members.map((m, i): PersonProfile => {
    const age = ages[i] ?? 0;
    const conditions = drawConditions(random, age);
    const bedbound = chance(
      random,
      (age >= 80 ? 0.08 : age >= 60 ? 0.015 : 0.002) + (conditions.includes('stroke') ? 0.25 : 0),
    );
    const disabled = bedbound
      ? chance(random, 0.5)
      : chance(random, age >= 80 ? 0.12 : age >= 60 ? 0.06 : age >= 18 ? 0.02 : 0.01);
    const disabilityTypes = disabled ? drawDisabilities(random, age) : [];
    const pregnant = m.sex === 'female' && age >= 18 && age <= 44 && chance(random, age <= 35 ? 0.05 : 0.02);
    const orphan =
      age < 18 && chance(random, skippedGeneration ? 0.5 : m.relation === 'relative' ? 0.3 : 0.02);
    const chronicIll =
      conditions.some((c) => SERIOUS.has(c)) ||
      conditions.length >= 2 ||
      (conditions.length > 0 && chance(random, 0.3));

    const vulnerability: RecordedVulnerability[] = [];
    if (bedbound) vulnerability.push('bedbound');
    if (disabled) vulnerability.push('disabled');
    if (chronicIll) vulnerability.push('chronic_illness');
    if (household.poor && age >= 18) vulnerability.push('poor');
    if (orphan) vulnerability.push('child_orphan');
    if (pregnant) vulnerability.push('pregnant');
    if (living === 1 && age >= 18) vulnerability.push('living_alone');

    const occupation = occupationFor(random, age, i === civilServant, bedbound);
    const coverageFromFamily =
      civilServant >= 0 &&
      (i === civilServant ||
        m.relation === 'spouse' ||
        m.relation === 'parent' ||
        (m.relation === 'child' && age < 20));
    const healthCoverage: HealthCoverage = coverageFromFamily
      ? 'civil_servant'
      : occupation === EMPLOYEE
        ? 'social_security'
        : chance(random, 0.01)
          ? pick(random, ['other', 'none'] as const)
          : 'universal';
    return {
      title: titleOf(m.prefix),
      religion,
      maritalStatus: maritalFor(random, m.relation, age, hasSpouse),
      education: i === civilServant ? 'bachelor' : educationFor(random, age),
      occupation,
      incomeBand: incomeFor(random, age, occupation, household.poor),
      healthCoverage,
      chronicConditions: conditions,
      disabilityTypes,
      vulnerability,
      caregiver: null,
    };
  });

  // Who looks after those who need it: a household member when there is one, else a neighbour or the อสม.
  people.forEach((p, i) => {
    const age = ages[i] ?? 0;
    const needsCare =
      p.vulnerability.includes('bedbound') ||
      p.chronicConditions.includes('dementia') ||
      (p.vulnerability.includes('disabled') && (age >= 60 || age < 18)) ||
      age >= 80;
    if (!needsCare) return;
    p.caregiver = caregiverFor(random, i, members, ages, people);
  });
  return { household, people };
}

function drawConditions(random: Random, age: number): ChronicCondition[] {
  const rates = CONDITION_RATES.find(([min]) => age >= min)?.[1] ?? {};
  const out: ChronicCondition[] = [];
  for (const [condition, rate] of Object.entries(rates) as [ChronicCondition, number][]) {
    if (chance(random, rate)) out.push(condition);
  }
  return out;
}

function drawDisabilities(random: Random, age: number): DisabilityType[] {
  const weights = age < 18 ? CHILD_DISABILITY_WEIGHTS : ADULT_DISABILITY_WEIGHTS;
  const first = DISABILITY_TYPES[pickWeighted(random, weights)]!;
  // About one in eight has a second type (a stroke survivor who also lost speech or hearing…).
  if (!chance(random, 0.12)) return [first];
  const second = DISABILITY_TYPES[pickWeighted(random, weights)]!;
  return second === first ? [first] : [first, second];
}

function occupationFor(random: Random, age: number, civilServant: boolean, bedbound: boolean): string | null {
  if (age < 6) return null;
  if (bedbound) return NOT_WORKING;
  if (age < 18) return 'นักเรียน';
  if (civilServant) return CIVIL_SERVANT;
  if (age < 23 && chance(random, 0.4)) return 'นักศึกษา';
  return age >= 60 ? weighted(random, OLDER_OCCUPATIONS) : weighted(random, WORKING_OCCUPATIONS);
}

function incomeFor(random: Random, age: number, occupation: string | null, poor: boolean): IncomeBand {
  if (age < 18 || occupation === 'นักศึกษา') return 'none';
  if (poor) return chance(random, 0.7) ? 'lt3000' : '3000_5999';
  if (occupation === NOT_WORKING || occupation === 'ว่างงาน') return chance(random, 0.6) ? 'lt3000' : 'none'; // the monthly old-age allowance is 600–1,000 baht
  if (occupation === CIVIL_SERVANT) return pick(random, ['15000_29999', '15000_29999', 'gte30000'] as const);
  if (occupation === EMPLOYEE) return pick(random, ['10000_14999', '10000_14999', '15000_29999'] as const);
  return pick(random, ['3000_5999', '6000_9999', '6000_9999', '10000_14999', '15000_29999'] as const);
}

function educationFor(random: Random, age: number): Education {
  if (age < 6) return 'none';
  if (age < 12) return 'primary';
  if (age < 15) return 'lower_secondary';
  if (age < 18) return 'upper_secondary';
  const table: ReadonlyArray<readonly [Education, number]> =
    age >= 70
      ? [
          ['none', 20],
          ['primary', 75],
          ['lower_secondary', 3],
          ['unknown', 2],
        ]
      : age >= 50
        ? [
            ['none', 2],
            ['primary', 60],
            ['lower_secondary', 15],
            ['upper_secondary', 12],
            ['vocational', 5],
            ['bachelor', 6],
          ]
        : age >= 25
          ? [
              ['primary', 15],
              ['lower_secondary', 20],
              ['upper_secondary', 28],
              ['vocational', 15],
              ['bachelor', 20],
              ['above_bachelor', 2],
            ]
          : [
              ['lower_secondary', 10],
              ['upper_secondary', 45],
              ['vocational', 20],
              ['bachelor', 25],
            ];
  return weighted(random, table);
}

function maritalFor(
  random: Random,
  relation: HouseholdRelation,
  age: number,
  hasSpouse: boolean,
): MaritalStatus {
  if (relation === 'spouse' || (relation === 'head' && hasSpouse)) return 'married';
  if (age < 18) return 'single';
  const table: ReadonlyArray<readonly [MaritalStatus, number]> =
    age >= 60
      ? [
          ['widowed', 65],
          ['married', 10],
          ['divorced', 10],
          ['single', 15],
        ]
      : age >= 25
        ? [
            ['single', 50],
            ['married', 30],
            ['divorced', 10],
            ['separated', 10],
          ]
        : [
            ['single', 90],
            ['married', 10],
          ];
  return weighted(random, table);
}

function titleOf(prefix: string): Title {
  const byPrefix: Record<string, Title> = {
    นาย: 'nai',
    นาง: 'nang',
    นางสาว: 'nangsao',
    เด็กชาย: 'dek_chai',
    เด็กหญิง: 'dek_ying',
  };
  return byPrefix[prefix] ?? 'other';
}

function caregiverFor(
  random: Random,
  index: number,
  members: readonly SyntheticPerson[],
  ages: readonly number[],
  profiles: readonly PersonProfile[],
): Caregiver {
  const self = members[index]!;
  const able = members
    .map((m, i) => ({ m, i }))
    .filter(
      ({ i }) =>
        i !== index &&
        (ages[i] ?? 0) >= 18 &&
        (ages[i] ?? 0) < 76 &&
        !profiles[i]!.vulnerability.includes('bedbound') &&
        !profiles[i]!.chronicConditions.includes('dementia'),
    );
  // A spouse first, then the younger generation, then anyone else at home.
  const rank = ({ m }: { m: SyntheticPerson }) => {
    const relation = relationBetween(self.relation, m.relation);
    return relation === 'spouse' ? 0 : relation === 'child' || relation === 'grandchild' ? 1 : 2;
  };
  const chosen = able.sort((a, b) => rank(a) - rank(b) || a.i - b.i)[0];
  if (chosen) {
    const c = chosen.m;
    return {
      relation: relationBetween(self.relation, c.relation),
      name: `${c.firstName} ${c.lastName}`,
      ...(c.phone ? { phone: c.phone } : {}),
      personId: c.id,
    };
  }
  const female = chance(random, 0.7);
  return {
    relation: chance(random, 0.6) ? 'neighbour' : 'volunteer',
    name: `${pick(random, female ? FEMALE_GIVEN_NAMES : MALE_GIVEN_NAMES)} ${pick(random, SURNAMES)}`,
    phone: `0${pick(random, ['6', '8', '9'])}${digits(random, 8)}`,
  };
}

/** What `other` is to `self`, both given by their relation to the head of household. */
export function relationBetween(self: HouseholdRelation, other: HouseholdRelation): CaregiverRelation {
  if ((self === 'head' && other === 'spouse') || (self === 'spouse' && other === 'head')) return 'spouse';
  const a = GENERATION[self];
  const b = GENERATION[other];
  if (a === null || b === null) return 'relative';
  const gap = b - a;
  if (gap === 1) return 'child';
  if (gap === 2) return 'grandchild';
  if (gap === -1) return 'parent';
  // A sibling of the head is an in-law to the spouse.
  if (gap === 0) return self === 'spouse' || other === 'spouse' ? 'relative' : 'sibling';
  return 'relative';
}
