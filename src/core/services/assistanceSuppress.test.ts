import { describe, expect, it } from 'vitest';
import type { AssistanceTotals } from '../schemas/assistance.ts';
import { suppressAssistanceTotals } from './assistanceSuppress.ts';

const ORG_A = '11111111-1111-4111-8111-111111111111';
const ORG_B = '22222222-2222-4222-8222-222222222222';
const row = (people: number) => ({ count: people * 2, people, value: people * 1000 });

const totals = (overrides: Partial<AssistanceTotals> = {}): AssistanceTotals => ({
  scope: { kind: 'area', code: '901508', name: 'ป่าขาด' },
  from: '2026-01-01',
  to: '2026-11-30',
  total: { count: 60, people: 30, value: 30_000, duplicatesConfirmed: 2 },
  byKind: [
    { kind: 'cash', ...row(20) },
    { kind: 'goods', ...row(7) },
    { kind: 'equipment', ...row(3) },
    { kind: 'home_repair', ...row(0) },
    { kind: 'service', ...row(0) },
  ],
  byOrganization: [
    { organizationId: ORG_A, name: 'อบต.', ...row(24) },
    { organizationId: ORG_B, name: 'มูลนิธิ', ...row(6) },
  ],
  byFundingSource: [
    { fundingSource: 'งบ อบต.', ...row(26) },
    { fundingSource: 'เงินบริจาค', ...row(2) },
    { fundingSource: null, ...row(2) },
  ],
  byArea: {
    level: 'village',
    rows: [
      { code: '90150801', name: 'บ้านป่าขาด', ...row(30) },
      { code: '90150802', name: 'หมู่ที่ 2', ...row(0) },
    ],
  },
  suppressed: false,
  ...overrides,
});

const hidden = { count: null, people: null, value: null };

describe('assistance totals for a reader who may not see identities', () => {
  it('hide a row of 1–4 people, and the next smallest beside a lone hidden one', () => {
    const out = suppressAssistanceTotals(totals());
    // Equipment (3 people) alone would be the total minus the others: goods (7) goes with it.
    expect(out.byKind).toEqual([
      { kind: 'cash', ...row(20) },
      { kind: 'goods', ...hidden },
      { kind: 'equipment', ...hidden },
      { kind: 'home_repair', ...row(0) },
      { kind: 'service', ...row(0) },
    ]);
    expect(out.suppressed).toBe(true);
  });

  it('need nothing more when two rows are small already, and keep the rows that are not', () => {
    const out = suppressAssistanceTotals(totals());
    expect(out.byFundingSource).toEqual([
      { fundingSource: 'งบ อบต.', ...row(26) },
      { fundingSource: 'เงินบริจาค', ...hidden },
      { fundingSource: null, ...hidden },
    ]);
    expect(out.byOrganization).toEqual(totals().byOrganization);
    expect(out.byArea).toEqual(totals().byArea);
    expect(out.total).toEqual(totals().total);
  });

  it('hide everything when the whole total helps 1–4 people', () => {
    const out = suppressAssistanceTotals(
      totals({
        total: { count: 5, people: 3, value: 2_000, duplicatesConfirmed: 1 },
        byKind: [{ kind: 'cash', count: 5, people: 3, value: 2_000 }],
        byOrganization: [],
        byFundingSource: [{ fundingSource: null, count: 5, people: 3, value: 2_000 }],
        byArea: null,
      }),
    );
    expect(out.total).toEqual({ ...hidden, duplicatesConfirmed: null });
    expect(out.byKind).toEqual([{ kind: 'cash', ...hidden }]);
    expect(out.byFundingSource).toEqual([{ fundingSource: null, ...hidden }]);
    expect(out.suppressed).toBe(true);
  });

  it('change nothing when no row is small, and leave the input as it was', () => {
    const input = totals({
      byKind: [
        { kind: 'cash', ...row(25) },
        { kind: 'goods', ...row(5) },
      ],
      byFundingSource: [{ fundingSource: null, ...row(30) }],
    });
    const copy = structuredClone(input);
    const out = suppressAssistanceTotals(input);
    expect(out).toEqual(input);
    expect(out.suppressed).toBe(false);
    expect(input).toEqual(copy);
  });
});
