import { ADULT_AGE, birthDateFor, femaleShareAt, MAX_AGE, sampleAgeBetween } from './ages.ts';
import { NationalIdAllocator } from './nationalId.ts';
import {
  chance,
  digits,
  intBetween,
  mulberry32,
  pick,
  pickWeighted,
  type Random,
  seedFor,
  shuffled,
  uuidFrom,
} from './random.ts';
import { type ReferenceArea, subdistrictsUnder } from './reference.ts';
import { FEMALE_GIVEN_NAMES, MALE_GIVEN_NAMES, SURNAMES, VILLAGE_NAMES } from './thaiNames.ts';

export type Sex = 'male' | 'female';
/** Relation to the head of household (เจ้าบ้าน), as on the house registration. */
export type HouseholdRelation =
  | 'head'
  | 'spouse'
  | 'child'
  | 'grandchild'
  | 'parent'
  | 'sibling'
  | 'relative';

export interface SyntheticVillage {
  /** 8 digits: the subdistrict code and the village number. */
  code: string;
  subdistrictCode: string;
  villageNo: number;
  nameTh: string;
}

export interface SyntheticHousehold {
  id: string;
  areaCode: string;
  villageCode: string;
  villageNo: number;
  houseNo: string;
  headPersonId: string;
  size: number;
}

export interface SyntheticPerson {
  id: string;
  householdId: string;
  /** The subdistrict (6 digits), as on every person-scoped table. */
  areaCode: string;
  villageCode: string;
  villageNo: number;
  houseNo: string;
  relation: HouseholdRelation;
  nationalId: string;
  prefix: string;
  firstName: string;
  lastName: string;
  sex: Sex;
  /** ISO date, Common Era. */
  birthDate: string;
  phone: string | null;
}

export interface Population {
  villages: SyntheticVillage[];
  households: SyntheticHousehold[];
  people: SyntheticPerson[];
}

export interface PopulationOptions {
  /** A province (2 digits), district (4) or subdistrict (6) code from the reference. */
  areaCode: string;
  seed: number;
  /** How many people in all, spread evenly over the subdistricts. */
  people: number;
  /** The day ages are counted on; fixed so output never depends on the clock. */
  asOf?: string;
}

export const DEFAULT_AS_OF = '2026-01-01';
/** Households of 1…8 people, weighted after Thailand's average of about three per household. */
const HOUSEHOLD_SIZE_WEIGHTS = [15, 22, 24, 19, 11, 6, 2, 1];
/** About one village per 450 people, as in rural Thailand; at most 20 per subdistrict. */
const PEOPLE_PER_VILLAGE = 450;
const MAX_VILLAGES = 20;
const ELDER_HEAD_SHARE = 0.4;

/** Villages, households and people for every subdistrict under `areaCode`. Pure: same input, same output. */
export function generatePopulation(areas: readonly ReferenceArea[], options: PopulationOptions): Population {
  if (!Number.isInteger(options.people) || options.people < 0)
    throw new Error('people must be a whole number ≥ 0');
  const subdistricts = subdistrictsUnder(areas, options.areaCode);
  const asOf = options.asOf ?? DEFAULT_AS_OF;
  const result: Population = { villages: [], households: [], people: [] };
  subdistricts.forEach((subdistrict, index) => {
    const share =
      Math.floor(options.people / subdistricts.length) +
      (index < options.people % subdistricts.length ? 1 : 0);
    // Each subdistrict has its own stream, so its rows do not depend on which others are generated.
    const random = mulberry32(seedFor(`${options.seed}:${subdistrict.code}`));
    const part = generateSubdistrict(random, subdistrict.code, share, asOf);
    result.villages.push(...part.villages);
    result.households.push(...part.households);
    for (const person of part.people) result.people.push(person);
  });
  return result;
}

function generateSubdistrict(
  random: Random,
  subdistrictCode: string,
  people: number,
  asOf: string,
): Population {
  const villageCount = Math.min(MAX_VILLAGES, Math.max(1, Math.round(people / PEOPLE_PER_VILLAGE)));
  const names = shuffled(random, VILLAGE_NAMES);
  const villages = Array.from(
    { length: villageCount },
    (_, i): SyntheticVillage => ({
      code: subdistrictCode + String(i + 1).padStart(2, '0'),
      subdistrictCode,
      villageNo: i + 1,
      nameTh: `บ้าน${names[i % names.length]}`,
    }),
  );
  const ids = new NationalIdAllocator(random, subdistrictCode);
  const out: Population = { villages, households: [], people: [] };

  villages.forEach((village, index) => {
    const count = Math.floor(people / villageCount) + (index < people % villageCount ? 1 : 0);
    fillVillage(random, ids, village, count, asOf, out);
  });
  return out;
}

/** Households for one village until `people` are placed (the last household may come out smaller). */
function fillVillage(
  random: Random,
  ids: NationalIdAllocator,
  village: SyntheticVillage,
  people: number,
  asOf: string,
  out: Population,
): void {
  let remaining = people;
  const houseNumbers = new HouseNumbers(random);
  while (remaining > 0) {
    const size = Math.min(remaining, pickWeighted(random, HOUSEHOLD_SIZE_WEIGHTS) + 1);
    const household = generateHousehold(random, ids, village, houseNumbers.next(), size, asOf);
    out.households.push(household.household);
    for (const person of household.members) out.people.push(person);
    remaining -= size;
  }
}

export interface VillageQuota {
  village: SyntheticVillage;
  /** People to place in this village. */
  people: number;
}

/**
 * Households and people for villages chosen by the caller (an installation's own villages, with their
 * real names and numbers) instead of villages the generator makes up. Pure and deterministic like
 * `generatePopulation`: each subdistrict has its own stream (keyed apart from `generatePopulation`'s),
 * so one subdistrict's rows do not depend on the quotas of the others.
 */
export function populateVillages(
  quotas: readonly VillageQuota[],
  options: { seed: number; asOf?: string },
): Population {
  const asOf = options.asOf ?? DEFAULT_AS_OF;
  const bySubdistrict = new Map<string, VillageQuota[]>();
  for (const quota of quotas) {
    if (!Number.isInteger(quota.people) || quota.people < 0)
      throw new Error(`people must be a whole number ≥ 0 (village ${quota.village.code})`);
    const list = bySubdistrict.get(quota.village.subdistrictCode) ?? [];
    list.push(quota);
    bySubdistrict.set(quota.village.subdistrictCode, list);
  }
  const result: Population = { villages: [], households: [], people: [] };
  for (const subdistrictCode of [...bySubdistrict.keys()].sort()) {
    const random = mulberry32(seedFor(`${options.seed}:${subdistrictCode}:villages`));
    const ids = new NationalIdAllocator(random, subdistrictCode);
    const list = [...(bySubdistrict.get(subdistrictCode) ?? [])].sort((a, b) =>
      a.village.code.localeCompare(b.village.code),
    );
    for (const { village, people } of list) {
      result.villages.push(village);
      fillVillage(random, ids, village, people, asOf, result);
    }
  }
  return result;
}

/** Thai house numbers: mostly rising, sometimes a sub-number (45/1) for a house built on the same plot. */
class HouseNumbers {
  private base: number;
  private sub = 0;

  constructor(private random: Random) {
    this.base = intBetween(random, 0, 20);
  }

  next(): string {
    if (this.base > 0 && chance(this.random, 0.12)) {
      this.sub += 1;
      return `${this.base}/${this.sub}`;
    }
    this.base += intBetween(this.random, 1, 5);
    this.sub = 0;
    return String(this.base);
  }
}

interface Member {
  age: number;
  sex: Sex;
  relation: HouseholdRelation;
}

function generateHousehold(
  random: Random,
  ids: NationalIdAllocator,
  village: SyntheticVillage,
  houseNo: string,
  size: number,
  asOf: string,
): { household: SyntheticHousehold; members: SyntheticPerson[] } {
  const members = composeHousehold(random, size);
  const familyName = pick(random, SURNAMES);
  const householdId = uuidFrom(random);
  const hasSpouse = members.some((m) => m.relation === 'spouse');

  const people = members.map((member): SyntheticPerson => {
    const { relation } = member;
    const birthDate = birthDateFor(random, member.age, asOf);
    // Spouses and other relatives often keep a surname of their own.
    const ownSurname =
      (relation === 'spouse' && chance(random, 0.3)) || (relation === 'relative' && chance(random, 0.5));
    const married = relation === 'spouse' || (relation === 'head' && hasSpouse);
    return {
      id: uuidFrom(random),
      householdId,
      areaCode: village.subdistrictCode,
      villageCode: village.code,
      villageNo: village.villageNo,
      houseNo,
      relation,
      nationalId: ids.next(Number(birthDate.slice(0, 4))),
      prefix: titleFor(member, married),
      firstName: pick(random, member.sex === 'female' ? FEMALE_GIVEN_NAMES : MALE_GIVEN_NAMES),
      lastName: ownSurname ? pick(random, SURNAMES) : familyName,
      sex: member.sex,
      birthDate,
      phone: phoneFor(random, member.age),
    };
  });
  const household: SyntheticHousehold = {
    id: householdId,
    areaCode: village.subdistrictCode,
    villageCode: village.code,
    villageNo: village.villageNo,
    houseNo,
    headPersonId: people[0]!.id,
    size,
  };
  return { household, members: people };
}

/**
 * An adult head, often a spouse, then children, grandchildren, a parent, siblings or other relatives,
 * each aged from the pyramid within a range that fits the relation. Head first, then eldest first.
 */
function composeHousehold(random: Random, size: number): Member[] {
  // About 40 % of Thai household heads are 60 or over: elders head the multi-generation homes.
  const headAge = chance(random, ELDER_HEAD_SHARE)
    ? sampleAgeBetween(random, 60, MAX_AGE)
    : sampleAgeBetween(random, 22, 59);
  const head: Member = { age: headAge, sex: randomSex(random, headAge), relation: 'head' };
  const others: Member[] = [];
  if (size >= 2 && chance(random, 0.75)) {
    const age = sampleAgeBetween(random, Math.max(ADULT_AGE, headAge - 10), headAge + 5);
    others.push({ age, sex: head.sex === 'male' ? 'female' : 'male', relation: 'spouse' });
  }
  while (others.length < size - 1) {
    const relation = pickRelation(random, headAge);
    const [min, max] = ageRangeFor(relation, headAge);
    const age = sampleAgeBetween(random, min, max);
    others.push({ age, sex: randomSex(random, age), relation });
  }
  others.sort((a, b) => b.age - a.age);
  return [head, ...others];
}

const OTHER_RELATIONS: readonly HouseholdRelation[] = [
  'child',
  'grandchild',
  'parent',
  'sibling',
  'relative',
];

function pickRelation(random: Random, headAge: number): HouseholdRelation {
  const weights = [
    60,
    headAge >= 40 ? (headAge >= 55 ? 45 : 20) : 0,
    headAge + 16 <= MAX_AGE && headAge < 60 ? 14 : 0,
    6,
    6,
  ];
  return OTHER_RELATIONS[pickWeighted(random, weights)] ?? 'relative';
}

/** Plausible ages (inclusive) for a relation to a head of the given age. */
function ageRangeFor(relation: HouseholdRelation, headAge: number): [number, number] {
  switch (relation) {
    case 'child':
      return [Math.max(0, headAge - 40), headAge - 18];
    case 'grandchild':
      return [0, headAge - 36];
    case 'parent':
      return [headAge + 16, MAX_AGE];
    case 'sibling':
      return [Math.max(0, headAge - 12), Math.min(MAX_AGE, headAge + 12)];
    default:
      return [0, MAX_AGE];
  }
}

function randomSex(random: Random, age: number): Sex {
  return chance(random, femaleShareAt(age)) ? 'female' : 'male';
}

/** นาย / นาง / นางสาว for adults (นาง for married women), เด็กชาย / เด็กหญิง under 15. */
function titleFor(member: Member, married: boolean): string {
  if (member.age < 15) return member.sex === 'male' ? 'เด็กชาย' : 'เด็กหญิง';
  if (member.sex === 'male') return 'นาย';
  return married ? 'นาง' : 'นางสาว';
}

/** Mobile numbers 06/08/09 + 8 digits; young children have none, and not every elder. */
function phoneFor(random: Random, age: number): string | null {
  const share = age < 12 ? 0 : age < 18 ? 0.6 : age < 70 ? 0.92 : 0.65;
  if (!chance(random, share)) return null;
  return `0${pick(random, ['6', '8', '9'])}${digits(random, 8)}`;
}
