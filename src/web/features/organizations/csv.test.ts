import type { TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import type { Organization } from '../../../core/schemas/index.ts';
import { organizationsCsv } from './csv.ts';

const org: Organization = {
  id: '5f0c6a1e-0000-4000-8000-000000000001',
  name: 'รพ.สต. บ้านชิงโค',
  nameEn: 'Ching Kho SHPH, "main"',
  type: 'shph',
  areaCode: '901501',
  areaName: 'ชิงโค',
  areaNameEn: 'Ching Kho',
  tier: 'S+',
  services: ['dental', 'elderly_clinic'],
  phone: '074-000000',
  email: null,
  contactName: null,
  address: 'หมู่ 1\nชิงโค',
  catchmentVillageCodes: [],
  openingHours: [],
  openNow: null,
  createdAt: '2026-11-24T18:30:00Z',
  updatedAt: '2026-11-24T18:30:00Z',
};

describe('organizationsCsv', () => {
  it('writes a BOM, a header and one line per organisation, with B.E. dates in Thai', () => {
    const csv = organizationsCsv([org], ((key: string) => key) as unknown as TFunction, 'th');
    expect(csv.startsWith('\uFEFFid,organizations.field.name,')).toBe(true);
    const line = csv.split('\r\n')[1] ?? '';
    expect(line).toContain('"Ching Kho SHPH, ""main"""');
    expect(line).toContain('enums.service.dental; enums.service.elderly_clinic');
    expect(line).toContain('25 พ.ย. 2569');
  });
});
