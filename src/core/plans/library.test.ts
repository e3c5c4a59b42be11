import { describe, expect, it } from 'vitest';
import { organizationTypes } from '../schemas/organization.ts';
import { activityCreate, activityModes, planDimensions } from '../schemas/plan.ts';
import { ACTIVITY_LIBRARY, libraryActivity, toActivityCreate } from './library.ts';
import { CODE_DIMENSIONS, needsCodes, wellbeingItemCodes } from './screening.ts';

const THAI = /[\u0E00-\u0E7F]/;
const texts = ['titleTh', 'titleEn', 'descriptionTh', 'descriptionEn', 'howTh', 'howEn', 'source'] as const;

describe('the activity library', () => {
  it('holds at least 44 activities, at least 8 in every dimension', () => {
    expect(ACTIVITY_LIBRARY.length).toBeGreaterThanOrEqual(44);
    for (const dimension of planDimensions) {
      expect(
        ACTIVITY_LIBRARY.filter((a) => a.dimension === dimension).length,
        dimension,
      ).toBeGreaterThanOrEqual(8);
    }
  });

  it('has unique, stable kebab-case codes', () => {
    const codes = ACTIVITY_LIBRARY.map((a) => a.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const code of codes) expect(code).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
    expect(libraryActivity('elder-exercise-group')?.dimension).toBe('health');
    expect(libraryActivity('no-such-activity')).toBeUndefined();
  });

  it('addresses only real well-being item codes and needs codes, no repeats', () => {
    const known = new Set([...wellbeingItemCodes(), ...needsCodes()]);
    expect(known.size).toBe(20 + 25);
    for (const a of ACTIVITY_LIBRARY) {
      expect(a.addresses.length, a.code).toBeGreaterThan(0);
      expect(new Set(a.addresses).size, a.code).toBe(a.addresses.length);
      for (const code of a.addresses) expect(known.has(code), `${a.code} addresses ${code}`).toBe(true);
    }
  });

  it('answers at least one item or need of its own dimension', () => {
    for (const a of ACTIVITY_LIBRARY) {
      expect(
        a.addresses.some((c) => CODE_DIMENSIONS.get(c) === a.dimension),
        a.code,
      ).toBe(true);
    }
  });

  it('covers every well-being item and every need with at least one activity', () => {
    const addressed = new Set(ACTIVITY_LIBRARY.flatMap((a) => a.addresses));
    for (const code of [...wellbeingItemCodes(), ...needsCodes()]) {
      expect(addressed.has(code), code).toBe(true);
    }
  });

  it('has every text in Thai and in English', () => {
    for (const a of ACTIVITY_LIBRARY) {
      for (const key of texts) expect(a[key].trim().length, `${a.code}.${key}`).toBeGreaterThan(0);
      for (const key of ['titleTh', 'descriptionTh', 'howTh', 'source'] as const) {
        expect(a[key], `${a.code}.${key}`).toMatch(THAI);
      }
      for (const key of ['titleEn', 'descriptionEn', 'howEn'] as const) {
        expect(a[key], `${a.code}.${key}`).not.toMatch(THAI);
      }
    }
  });

  it('uses known modes, organisation types and ADL groups, and sane ages and durations', () => {
    for (const a of ACTIVITY_LIBRARY) {
      expect(a.modes.length, a.code).toBeGreaterThan(0);
      for (const m of a.modes) expect(activityModes).toContain(m);
      expect(a.providerTypes.length, a.code).toBeGreaterThan(0);
      for (const p of a.providerTypes) expect(organizationTypes).toContain(p);
      for (const g of a.adlGroups) expect(['social_bound', 'home_bound', 'bed_bound']).toContain(g);
      expect(a.adlGroups.length, a.code).toBeLessThan(3); // all three is "any": write []
      expect(a.durationWeeks).toBeGreaterThanOrEqual(1);
      if (a.minAge !== undefined && a.maxAge !== undefined) expect(a.minAge).toBeLessThanOrEqual(a.maxAge);
    }
  });

  it('includes the practices the field asked for', () => {
    for (const code of [
      'elder-exercise-group',
      'weekly-medicine-box',
      'home-repair-referral',
      'elderly-allowance-registration',
      'state-welfare-card',
      'disability-registration',
      'savings-group',
      'assistive-device-bank',
      'home-vegetable-garden',
      'bathroom-fall-proofing',
      'elderly-school',
      'occupational-training',
      'community-market',
      'buddy-visiting',
      'ltc-caregiver-home-care',
      'dental-check',
      'eye-check-glasses',
      'hearing-check',
      'clean-drinking-water',
      'sanitary-toilet',
      'waste-sorting',
      'debt-counselling',
    ]) {
      expect(libraryActivity(code), code).toBeDefined();
    }
  });

  it('becomes a valid activity-create body (what the seed posts)', () => {
    for (const a of ACTIVITY_LIBRARY) {
      const body = toActivityCreate(a);
      const parsed = activityCreate.safeParse(body);
      expect(parsed.success, `${a.code}: ${parsed.error?.message}`).toBe(true);
      expect(body).not.toHaveProperty('code');
      expect(body.addresses).toEqual(a.addresses);
    }
    const withAge = toActivityCreate(libraryActivity('elderly-school')!);
    expect(withAge.minAge).toBe(60);
    expect(withAge).not.toHaveProperty('maxAge');
  });
});
