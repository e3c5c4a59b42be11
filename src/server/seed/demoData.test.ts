import { describe, expect, it } from 'vitest';
import { organizationCreate } from '../../core/schemas/organization.ts';
import { roles, userCreate } from '../../core/schemas/user.ts';
import { readAreaReference } from '../db/reference/readAreas.ts';
import {
  areaLevelOf,
  DEMO_DISTRICT_CODE,
  DEMO_PROVINCE_CODE,
  demoOrganizations,
  demoUsers,
  demoVillages,
  villageCode,
} from './demoData.ts';

const SUBDISTRICTS = Array.from({ length: 11 }, (_, i) => `9015${String(i + 1).padStart(2, '0')}`);

describe('demo data for Singhanakhon', async () => {
  const reference = new Map((await readAreaReference()).map((r) => [r.code, r]));
  const villageCodes = new Set(demoVillages.map(villageCode));

  /** Real codes only: the province, or the district and anything under it (villages from demoVillages). */
  const areaProblem = (code: string): string | null => {
    if (code === DEMO_PROVINCE_CODE) return null;
    if (!code.startsWith(DEMO_DISTRICT_CODE)) return `${code} is outside ${DEMO_DISTRICT_CODE}`;
    const level = areaLevelOf(code);
    if (level === 'village') return villageCodes.has(code) ? null : `${code} is not a demo village`;
    if (level === null || !reference.has(code)) return `${code} is not a DOPA code`;
    return null;
  };

  it('has unique, well-formed villages under real subdistricts of the district', () => {
    const codes = demoVillages.map(villageCode);
    expect(new Set(codes).size).toBe(codes.length);
    for (const v of demoVillages) {
      expect(reference.get(v.parentCode)?.parentCode, v.parentCode).toBe(DEMO_DISTRICT_CODE);
      expect(villageCode(v)).toMatch(/^\d{8}$/);
      expect(v.nameTh.trim()).not.toBe('');
    }
    expect(demoVillages).toHaveLength(77);
  });

  it('gives each of the 11 subdistricts its villages, numbered 1..n without gaps', () => {
    expect(reference.get(DEMO_DISTRICT_CODE)?.nameTh).toBe('สิงหนคร');
    expect(
      [...reference.values()].filter((r) => r.parentCode === DEMO_DISTRICT_CODE).map((r) => r.code),
    ).toEqual(SUBDISTRICTS);
    for (const code of SUBDISTRICTS) {
      const numbers = demoVillages.filter((v) => v.parentCode === code).map((v) => v.villageNo);
      expect(numbers.length, code).toBeGreaterThan(0);
      expect(numbers, code).toEqual(numbers.map((_, i) => i + 1));
    }
  });

  it('places every organisation in the province or the demo district and passes the create schema', () => {
    const keys = demoOrganizations.map((o) => o.key);
    expect(new Set(keys).size).toBe(keys.length);
    for (const { key, ...org } of demoOrganizations) {
      expect(areaProblem(org.areaCode), key).toBeNull();
      const parsed = organizationCreate.safeParse(org);
      expect(parsed.success, `${key}: ${parsed.error?.message}`).toBe(true);
      expect(new Set(org.services).size, key).toBe(org.services.length);
      if (org.tier !== undefined) expect(org.type, key).toBe('shph');
    }
  });

  it('carries the service-centre plan of seed 000', () => {
    const byKey = new Map(demoOrganizations.map((o) => [o.key, o]));
    expect(byKey.get('shph_pa_khat')).toMatchObject({ tier: 'S', services: ['thai_traditional_medicine'] });
    expect(byKey.get('shph_ram_daeng')?.tier).toBe('S+');
    expect(byKey.get('shph_ram_daeng')?.services).toEqual(
      expect.arrayContaining(['happiness_centre', 'repair_centre', 'palliative_care']),
    );
    expect(byKey.get('shph_ching_kho')).toMatchObject({ tier: 'L', services: ['dental', 'long_term_care'] });
    expect(byKey.get('pao_songkhla')?.areaCode).toBe(DEMO_PROVINCE_CODE);
    expect(demoOrganizations.filter((o) => o.type === 'shph')).toHaveLength(9);
    expect(demoOrganizations.some((o) => o.phone !== undefined)).toBe(false);
  });

  it('has one user per role except operator, in real areas and existing organisations', () => {
    const orgKeys = new Set(demoOrganizations.map((o) => o.key));
    const usernames = demoUsers.map((u) => u.username);
    expect(new Set(usernames).size).toBe(usernames.length);
    expect(demoUsers.flatMap((u) => u.roles).sort()).toEqual(roles.filter((r) => r !== 'operator').sort());
    for (const { organizationKey, ...user } of demoUsers) {
      if (organizationKey !== undefined) expect(orgKeys.has(organizationKey), user.username).toBe(true);
      expect(user.areaCodes.length, user.username).toBeGreaterThan(0);
      for (const code of user.areaCodes) expect(areaProblem(code), user.username).toBeNull();
      // The organisation is linked by id at seeding time, so only the remaining fields go through the schema.
      const parsed = userCreate.safeParse({ ...user, password: 'demo-password-123' });
      expect(parsed.success, `${user.username}: ${parsed.error?.message}`).toBe(true);
      expect(user.username).toMatch(/^demo\./);
    }
    const volunteer = demoUsers.find((u) => u.roles.includes('volunteer'));
    expect(volunteer?.areaCodes.map(areaLevelOf)).toEqual(['village']);
    expect(demoUsers.find((u) => u.roles.includes('committee_viewer'))?.areaCodes).toEqual([
      DEMO_DISTRICT_CODE,
    ]);
  });
});
