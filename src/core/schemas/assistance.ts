import { z } from 'zod';
import { areaCode } from './area.ts';
import { listQuery } from './common.ts';

/**
 * The assistance ledger (issue 8 item 5; API.md "Assistance"): every piece of help given to a person,
 * by which organisation, when, worth how much, paid from which fund. The duplicate rule is in
 * `../services/assistance.ts`.
 */

export const assistanceKinds = ['cash', 'goods', 'equipment', 'home_repair', 'service'] as const;
export type AssistanceKind = (typeof assistanceKinds)[number];

const isoDate = z.iso.date();
/** Baht with satang: at most 2 decimals, and below the column's 12 digits. */
const baht = z.number().min(0).max(9_999_999_999.99).multipleOf(0.01);

/** `POST /api/v1/assistance`. Whether `givenOn` is in the past is checked with the server's clock. */
export const assistanceCreate = z
  .object({
    personId: z.uuid(),
    kind: z.enum(assistanceKinds),
    description: z.string().trim().min(1).max(1000),
    value: baht.optional(),
    givenOn: isoDate,
    organizationId: z.uuid(),
    fundingSource: z.string().trim().min(1).max(200).optional(),
    /** The recorder saw the earlier similar help (the 409) and records this anyway. */
    confirmDuplicate: z.boolean().optional(),
    clientId: z.uuid(),
  })
  .strict();
export type AssistanceCreate = z.infer<typeof assistanceCreate>;

export const assistanceRecord = z.object({
  id: z.uuid(),
  personId: z.uuid(),
  kind: z.enum(assistanceKinds),
  description: z.string(),
  value: z.number().nullable(),
  givenOn: z.string(),
  organizationId: z.uuid(),
  organizationName: z.string(),
  fundingSource: z.string().nullable(),
  duplicateConfirmed: z.boolean(),
  recordedBy: z.uuid().nullable(),
  createdAt: z.string(),
});
export type AssistanceRecord = z.infer<typeof assistanceRecord>;

/** `GET /api/v1/persons/:id/assistance`: newest first. */
export const assistanceListQuery = listQuery.extend({ kind: z.enum(assistanceKinds).optional() }).strict();

/** The list adds what the person was given in all (every page, not just this one). */
export const assistancePage = z.object({
  items: z.array(assistanceRecord),
  nextCursor: z.string().nullable(),
  summary: z.object({ count: z.number().int(), value: z.number() }),
});
export type AssistancePage = z.infer<typeof assistancePage>;

/** `GET /api/v1/persons/:id/assistance/recent?kind=&on=`: the help inside the duplicate window of `on`. */
export const assistanceRecentQuery = z
  .object({
    kind: z.enum(assistanceKinds).optional(),
    /** The day the new help is given; today when left out. */
    on: isoDate.optional(),
  })
  .strict();

export const assistanceWindows = z.record(z.enum(assistanceKinds), z.number().int());

export const assistanceRecent = z.object({
  on: z.string(),
  /** The window of each kind, in days before and after `on`. */
  windows: assistanceWindows,
  items: z.array(assistanceRecord),
});
export type AssistanceRecent = z.infer<typeof assistanceRecent>;

/**
 * `GET /api/v1/assistance/totals?area=CODE|organization=ID&from=&to=`: exactly one of `area` and
 * `organization` (the service says which is missing); the period defaults to this year up to today.
 */
export const assistanceTotalsQuery = z
  .object({
    area: areaCode.optional(),
    organization: z.uuid().optional(),
    from: isoDate.optional(),
    to: isoDate.optional(),
  })
  .strict();
export type AssistanceTotalsQuery = z.infer<typeof assistanceTotalsQuery>;

/**
 * How many records, how many different people, and their value in baht (records without a value add 0);
 * null when hidden for privacy (`suppressAssistanceTotals`).
 */
const figures = {
  count: z.number().int().nullable(),
  people: z.number().int().nullable(),
  value: z.number().nullable(),
};

export const assistanceTotals = z.object({
  scope: z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('area'), code: z.string(), name: z.string() }),
    z.object({ kind: z.literal('organization'), id: z.uuid(), name: z.string() }),
  ]),
  from: z.string(),
  to: z.string(),
  total: z.object({ ...figures, duplicatesConfirmed: z.number().int().nullable() }),
  byKind: z.array(z.object({ kind: z.enum(assistanceKinds), ...figures })),
  byOrganization: z.array(z.object({ organizationId: z.uuid(), name: z.string(), ...figures })),
  byFundingSource: z.array(z.object({ fundingSource: z.string().nullable(), ...figures })),
  /**
   * One level down: the villages of a subdistrict (code null: no village recorded), the subdistricts
   * of a district, the districts of a province; for an organisation, the subdistricts it helped in.
   * Null for a village.
   */
  byArea: z
    .object({
      level: z.enum(['district', 'subdistrict', 'village']),
      rows: z.array(z.object({ code: z.string().nullable(), name: z.string().nullable(), ...figures })),
    })
    .nullable(),
  /** Some figures are hidden: the reader may not see who was helped, and some rows help 1–4 people. */
  suppressed: z.boolean(),
});
export type AssistanceTotals = z.infer<typeof assistanceTotals>;
export type AssistanceFigures = { count: number; people: number; value: number };
