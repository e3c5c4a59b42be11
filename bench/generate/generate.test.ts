import { beforeAll, describe, expect, it } from 'vitest';
import { isValidNationalId } from '../../src/core/thai/nationalId.ts';
import { ageOn, birthDateFor } from './ages.ts';
import {
  DEFAULT_AS_OF,
  generatePopulation,
  type Population,
  populateVillages,
  type SyntheticPerson,
} from './population.ts';
import { profileHousehold, relationBetween } from './profile.ts';
import { mulberry32 } from './random.ts';
import { loadReferenceAreas, type ReferenceArea } from './reference.ts';
import { FEMALE_GIVEN_NAMES, MALE_GIVEN_NAMES, SURNAMES } from './thaiNames.ts';

// Singhanakhon district, Songkhla: the demo district; 11 subdistricts.
const DISTRICT = '9015';
let areas: ReferenceArea[];
let population: Population;

beforeAll(async () => {
  areas = await loadReferenceAreas();
  population = generatePopulation(areas, { areaCode: DISTRICT, seed: 42, people: 20_000 });
});

/** Written out from the rule, independently of the generator: Σ d[i]·(13 − i), check = (11 − Σ mod 11) mod 10. */
function checkDigitByHand(id: string): number {
  let sum = 0;
  for (let i = 0; i < 12; i++) sum += Number(id[i]) * (13 - i);
  return (11 - (sum % 11)) % 10;
}

describe('random stream', () => {
  it('repeats for a seed and differs between seeds', () => {
    const draw = (seed: number) => Array.from({ length: 5 }, mulberry32(seed));
    expect(draw(7)).toEqual(draw(7));
    expect(draw(7)).not.toEqual(draw(8));
  });
});

describe('national ID', () => {
  it('checks digits by hand as core does', () => {
    // 1·13 + 1·12 + 0 + 1·10 + 7·9 + 0 + 0 + 2·6 + 3·5 + 0 + 7·3 + 0 = 146; 146 mod 11 = 3; 11 − 3 = 8.
    expect(checkDigitByHand('1101700230708')).toBe(8);
    expect(isValidNationalId('1101700230708')).toBe(true);
    expect(isValidNationalId('1101700230709')).toBe(false);
  });

  it('gives every person a unique, valid 13-digit ID', () => {
    const ids = population.people.map((p) => p.nationalId);
    for (const id of ids) {
      expect(id).toMatch(/^[13]\d{12}$/);
      expect(Number(id[12])).toBe(checkDigitByHand(id));
      expect(isValidNationalId(id)).toBe(true);
    }
    expect(new Set(ids).size).toBe(ids.length);
  });
});

describe('generatePopulation', () => {
  it('is deterministic: same seed, same rows; another seed, other rows', () => {
    const again = generatePopulation(areas, { areaCode: DISTRICT, seed: 42, people: 20_000 });
    expect(again).toEqual(population);
    const other = generatePopulation(areas, { areaCode: DISTRICT, seed: 43, people: 20_000 });
    expect(other.people[0]).not.toEqual(population.people[0]);
  });

  it('gives a subdistrict the same rows whether generated alone or with its district', () => {
    const alone = generatePopulation(areas, { areaCode: '901501', seed: 42, people: 1000 });
    const inDistrict = generatePopulation(areas, { areaCode: DISTRICT, seed: 42, people: 11_000 });
    expect(inDistrict.people.filter((p) => p.areaCode === '901501')).toEqual(alone.people);
  });

  it('makes exactly the number of people asked for', () => {
    expect(population.people).toHaveLength(20_000);
    expect(generatePopulation(areas, { areaCode: '901508', seed: 1, people: 0 }).people).toHaveLength(0);
  });

  it('uses only subdistricts of the reference, under the requested district', () => {
    const subdistricts = new Set(areas.filter((a) => a.level === 'subdistrict').map((a) => a.code));
    const used = new Set(population.people.map((p) => p.areaCode));
    expect(used.size).toBe(11);
    for (const code of used) {
      expect(subdistricts.has(code)).toBe(true);
      expect(code.startsWith(DISTRICT)).toBe(true);
    }
    for (const village of population.villages) {
      expect(village.code).toBe(village.subdistrictCode + String(village.villageNo).padStart(2, '0'));
      expect(subdistricts.has(village.subdistrictCode)).toBe(true);
    }
    expect(() => generatePopulation(areas, { areaCode: '9999', seed: 1, people: 10 })).toThrow(
      /no subdistricts/,
    );
  });

  it('builds households with one head, house numbers and members in their village', () => {
    const villages = new Set(population.villages.map((v) => v.code));
    const byHousehold = new Map<string, SyntheticPerson[]>();
    for (const p of population.people)
      byHousehold.set(p.householdId, [...(byHousehold.get(p.householdId) ?? []), p]);
    expect(byHousehold.size).toBe(population.households.length);
    for (const household of population.households) {
      const members = byHousehold.get(household.id) ?? [];
      expect(members).toHaveLength(household.size);
      expect(members.filter((m) => m.relation === 'head').map((m) => m.id)).toEqual([household.headPersonId]);
      expect(household.houseNo).toMatch(/^\d+(\/\d+)?$/);
      expect(villages.has(household.villageCode)).toBe(true);
      for (const m of members) expect(m.villageCode).toBe(household.villageCode);
    }
    const averageSize = population.people.length / population.households.length;
    expect(averageSize).toBeGreaterThan(2.6);
    expect(averageSize).toBeLessThan(3.8);
  });

  it('has an ageing pyramid: about a sixth children, a quarter elders', () => {
    const ages = population.people.map((p) => ageOn(p.birthDate, DEFAULT_AS_OF));
    const share = (test: (age: number) => boolean) => ages.filter(test).length / ages.length;
    expect(share((a) => a < 15)).toBeGreaterThan(0.12);
    expect(share((a) => a < 15)).toBeLessThan(0.21);
    expect(share((a) => a >= 60)).toBeGreaterThan(0.2);
    expect(share((a) => a >= 60)).toBeLessThan(0.29);
    expect(share((a) => a >= 80)).toBeGreaterThan(0.015);
    expect(share((a) => a >= 80)).toBeLessThan(0.06);
    expect(Math.min(...ages)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...ages)).toBeLessThan(100);
    // Heads of household are adults.
    for (const p of population.people) {
      if (p.relation === 'head') expect(ageOn(p.birthDate, DEFAULT_AS_OF)).toBeGreaterThanOrEqual(18);
    }
  });

  it('gives Thai names that fit the sex, titles that fit age and sex, and mobile numbers', () => {
    const women = new Set(FEMALE_GIVEN_NAMES);
    const men = new Set(MALE_GIVEN_NAMES);
    const surnames = new Set(SURNAMES);
    for (const p of population.people) {
      expect((p.sex === 'female' ? women : men).has(p.firstName)).toBe(true);
      expect(surnames.has(p.lastName)).toBe(true);
      const age = ageOn(p.birthDate, DEFAULT_AS_OF);
      const titles = age < 15 ? ['เด็กชาย', 'เด็กหญิง'] : p.sex === 'male' ? ['นาย'] : ['นาง', 'นางสาว'];
      expect(titles).toContain(p.prefix);
      if (p.phone !== null) expect(p.phone).toMatch(/^0[689]\d{8}$/);
    }
    const womenShare = population.people.filter((p) => p.sex === 'female').length / population.people.length;
    expect(womenShare).toBeGreaterThan(0.45);
    expect(womenShare).toBeLessThan(0.56);
  });

  it('has at least 60 given names per sex and 60 surnames, without duplicates', () => {
    for (const list of [MALE_GIVEN_NAMES, FEMALE_GIVEN_NAMES, SURNAMES]) {
      expect(list.length).toBeGreaterThanOrEqual(60);
      expect(new Set(list).size).toBe(list.length);
    }
  });
});

describe('birth dates', () => {
  it('make the person exactly the drawn age on the reference day', () => {
    const random = mulberry32(3);
    for (let age = 0; age < 100; age++) {
      for (const asOf of ['2026-01-01', '2026-11-25', '2024-02-29']) {
        expect(ageOn(birthDateFor(random, age, asOf), asOf)).toBe(age);
      }
    }
  });
});

describe('populateVillages', () => {
  const village = (subdistrictCode: string, villageNo: number) => ({
    code: subdistrictCode + String(villageNo).padStart(2, '0'),
    subdistrictCode,
    villageNo,
    nameTh: `หมู่ที่ ${villageNo}`,
  });
  const quotas = [
    { village: village('901508', 1), people: 100 },
    { village: village('901508', 3), people: 40 },
    { village: village('901501', 7), people: 25 },
  ];

  it('fills exactly the given villages with the asked numbers, deterministically', () => {
    const population = populateVillages(quotas, { seed: 5 });
    expect(populateVillages(quotas, { seed: 5 })).toEqual(population);
    for (const q of quotas) {
      expect(population.people.filter((p) => p.villageCode === q.village.code)).toHaveLength(q.people);
    }
    for (const h of population.households) {
      const members = population.people.filter((p) => p.householdId === h.id);
      expect(members).toHaveLength(h.size);
      expect(members[0]!.relation).toBe('head');
      for (const m of members) expect([m.villageCode, m.houseNo]).toEqual([h.villageCode, h.houseNo]);
    }
    const ids = population.people.map((p) => p.nationalId);
    expect(new Set(ids).size).toBe(ids.length);
    // A subdistrict's rows do not depend on the other subdistricts' quotas.
    const alone = populateVillages(quotas.slice(0, 2), { seed: 5 });
    expect(population.people.filter((p) => p.areaCode === '901508')).toEqual(alone.people);
  });
});

describe('profileHousehold', () => {
  it('gives registry items that fit each member: elderly never stored, living alone only alone', () => {
    const random = mulberry32(11);
    const byHousehold = new Map<string, SyntheticPerson[]>();
    for (const p of population.people)
      byHousehold.set(p.householdId, [...(byHousehold.get(p.householdId) ?? []), p]);
    const seen = new Set<string>();
    for (const members of byHousehold.values()) {
      const { household, people } = profileHousehold(random, members, DEFAULT_AS_OF);
      expect(people).toHaveLength(members.length);
      people.forEach((profile, i) => {
        const m = members[i]!;
        const age = ageOn(m.birthDate, DEFAULT_AS_OF);
        for (const v of profile.vulnerability) seen.add(v);
        expect(profile.vulnerability).not.toContain('elderly');
        if (profile.vulnerability.includes('living_alone')) expect(members).toHaveLength(1);
        if (profile.vulnerability.includes('pregnant')) expect(m.sex).toBe('female');
        if (profile.vulnerability.includes('child_orphan')) expect(age).toBeLessThan(18);
        if (profile.vulnerability.includes('poor')) expect(household.poor).toBe(true);
        if (profile.vulnerability.includes('disabled'))
          expect(profile.disabilityTypes.length).toBeGreaterThan(0);
        if (profile.vulnerability.includes('chronic_illness'))
          expect(profile.chronicConditions.length).toBeGreaterThan(0);
        if (profile.caregiver?.personId) {
          expect(members.some((o) => o.id === profile.caregiver?.personId && o.id !== m.id)).toBe(true);
        }
        expect(profile.religion).toBe(household.religion);
      });
    }
    for (const type of [
      'bedbound',
      'disabled',
      'chronic_illness',
      'poor',
      'child_orphan',
      'pregnant',
      'living_alone',
    ])
      expect(seen.has(type), type).toBe(true);
  });

  it('names how a caregiver is related, from both relations to the head', () => {
    expect(relationBetween('head', 'spouse')).toBe('spouse');
    expect(relationBetween('head', 'child')).toBe('child');
    expect(relationBetween('parent', 'head')).toBe('child');
    expect(relationBetween('parent', 'child')).toBe('grandchild');
    expect(relationBetween('child', 'head')).toBe('parent');
    expect(relationBetween('head', 'sibling')).toBe('sibling');
    expect(relationBetween('spouse', 'sibling')).toBe('relative');
    expect(relationBetween('relative', 'head')).toBe('relative');
  });
});
