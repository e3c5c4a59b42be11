import { z } from 'zod';
import { adlGroups } from '../persons/vulnerability.ts';
import { isValidNationalId, normalizeNationalId } from '../thai/nationalId.ts';

/** The 20 basic items of the closed-group method (DOMAIN.md step 3), as enumerations where the field has a fixed list. */
export const idTypes = ['thai_id', 'passport', 'alien_id', 'none'] as const;
export const sexes = ['male', 'female'] as const;
export const titles = ['nai', 'nang', 'nangsao', 'dek_chai', 'dek_ying', 'other'] as const;
export const religions = ['buddhism', 'islam', 'christianity', 'hinduism', 'other', 'none'] as const;
export const maritalStatuses = ['single', 'married', 'widowed', 'divorced', 'separated', 'unknown'] as const;
export const educationLevels = [
  'none',
  'primary',
  'lower_secondary',
  'upper_secondary',
  'vocational',
  'bachelor',
  'above_bachelor',
  'unknown',
] as const;
/** Monthly income bands in baht; under 3,000 is below the national poverty line used by TPMAP. */
export const incomeBands = [
  'none',
  'lt3000',
  '3000_5999',
  '6000_9999',
  '10000_14999',
  '15000_29999',
  'gte30000',
] as const;
export const healthCoverages = ['universal', 'social_security', 'civil_servant', 'other', 'none'] as const;
/** The disability types of the Ministry of Social Development's disability card. */
export const disabilityTypes = [
  'visual',
  'hearing',
  'physical',
  'mental',
  'intellectual',
  'learning',
  'autism',
] as const;
/** `elderly` is computed from age (60+) and never stored; the rest are recorded. */
export const vulnerabilityTypes = [
  'elderly',
  'bedbound',
  'disabled',
  'chronic_illness',
  'poor',
  'child_orphan',
  'pregnant',
  'living_alone',
  'other',
] as const;
export const recordedVulnerabilities = vulnerabilityTypes.filter((v) => v !== 'elderly');
export const relationsToHead = [
  'head',
  'spouse',
  'child',
  'parent',
  'grandchild',
  'sibling',
  'relative',
  'other',
] as const;
export const caregiverRelations = [
  'spouse',
  'child',
  'parent',
  'sibling',
  'grandchild',
  'relative',
  'neighbour',
  'volunteer',
  'paid',
  'other',
] as const;
export const chronicConditions = [
  'hypertension',
  'diabetes',
  'heart_disease',
  'stroke',
  'kidney_disease',
  'copd_asthma',
  'cancer',
  'dementia',
  'mental_illness',
  'other',
] as const;

const phone = z
  .string()
  .trim()
  .transform((v) => v.replace(/[\s-]/g, ''))
  .pipe(z.string().regex(/^\+?\d{9,12}$/, 'phone'));

export const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'isoDate');

export const address = z
  .object({
    /** Subdistrict (6 digits) or village (8 digits) DOPA code. */
    areaCode: z.string().regex(/^\d{6}(\d{2})?$/, 'subdistrictOrVillageCode'),
    villageNo: z.number().int().min(1).max(99).optional(),
    houseNo: z.string().trim().min(1).max(30).optional(),
    postcode: z
      .string()
      .regex(/^\d{5}$/, 'postcode')
      .optional(),
  })
  .strict();

export const caregiver = z
  .object({
    relation: z.enum(caregiverRelations),
    name: z.string().trim().max(200).optional(),
    phone: phone.optional(),
    personId: z.uuid().optional(),
  })
  .strict();

export const disability = z
  .object({
    types: z.array(z.enum(disabilityTypes)).min(1).max(disabilityTypes.length),
    cardNumber: z.string().trim().max(30).optional(),
  })
  .strict();

const personFields = {
  idType: z.enum(idTypes),
  nationalId: z.string().trim().max(40).optional(),
  noIdReason: z.string().trim().min(3).max(300).optional(),
  title: z.enum(titles).optional(),
  firstName: z.string().trim().min(1).max(100),
  lastName: z.string().trim().min(1).max(100),
  sex: z.enum(sexes),
  /** ISO date in CE; a Buddhist-era year is recognised and converted (see core/thai/birthDate). */
  birthDate: isoDate,
  birthDateEstimated: z.boolean().optional(),
  nationality: z
    .string()
    .regex(/^[A-Z]{2}$/, 'countryCode')
    .optional(),
  religion: z.enum(religions).optional(),
  maritalStatus: z.enum(maritalStatuses).optional(),
  education: z.enum(educationLevels).optional(),
  occupation: z.string().trim().max(100).optional(),
  incomeBand: z.enum(incomeBands).optional(),
  healthCoverage: z.enum(healthCoverages).optional(),
  address,
  householdId: z.uuid().optional(),
  relationToHead: z.enum(relationsToHead).optional(),
  phone: phone.optional(),
  chronicConditions: z.array(z.enum(chronicConditions)).max(chronicConditions.length).optional(),
  disability: disability.optional(),
  vulnerability: z
    .array(z.enum(recordedVulnerabilities as [string, ...string[]]))
    .max(vulnerabilityTypes.length)
    .optional(),
  caregiver: caregiver.optional(),
  location: z
    .object({ lat: z.number().min(5).max(21), lon: z.number().min(97).max(106) })
    .strict()
    .optional(),
};

/** Cross-field rules: the identifier must fit its type. */
function identifierRules(
  p: { idType?: string; nationalId?: string; noIdReason?: string },
  ctx: z.RefinementCtx,
) {
  if (p.idType === undefined) return;
  if (p.idType === 'none') {
    if (!p.noIdReason) ctx.addIssue({ code: 'custom', path: ['noIdReason'], message: 'required' });
    if (p.nationalId) ctx.addIssue({ code: 'custom', path: ['nationalId'], message: 'not_with_none' });
    return;
  }
  if (!p.nationalId) {
    ctx.addIssue({ code: 'custom', path: ['nationalId'], message: 'required' });
    return;
  }
  if (p.idType === 'thai_id' && !isValidNationalId(p.nationalId)) {
    ctx.addIssue({ code: 'custom', path: ['nationalId'], message: 'thai_id_check' });
  }
}

export const personCreate = z
  .object({ ...personFields, clientId: z.uuid().optional(), confirmNotDuplicate: z.boolean().optional() })
  .strict()
  .superRefine(identifierRules)
  .transform((p) =>
    p.idType === 'thai_id' && p.nationalId ? { ...p, nationalId: normalizeNationalId(p.nationalId) } : p,
  );
export type PersonCreate = z.infer<typeof personCreate>;

/** Every field optional; null clears an optional one. */
export const personPatch = z
  .object(
    Object.fromEntries(
      Object.entries(personFields).map(([k, v]) => [k, (v as z.ZodType).nullable().optional()]),
    ) as { [K in keyof typeof personFields]: z.ZodOptional<z.ZodNullable<(typeof personFields)[K]>> },
  )
  .extend({ reason: z.string().trim().max(300).optional() })
  .strict();
export type PersonPatch = z.infer<typeof personPatch>;

export const person = z.object({
  id: z.string(),
  idType: z.enum(idTypes),
  /** Masked (x-xxxx-xxxxx-12-3) unless the policy allows the full value. */
  nationalId: z.string().nullable(),
  nationalIdMasked: z.boolean(),
  noIdReason: z.string().nullable(),
  title: z.enum(titles).nullable(),
  firstName: z.string(),
  lastName: z.string(),
  sex: z.enum(sexes),
  birthDate: z.string(),
  birthDateEstimated: z.boolean(),
  age: z.number().int(),
  nationality: z.string().nullable(),
  religion: z.enum(religions).nullable(),
  maritalStatus: z.enum(maritalStatuses).nullable(),
  education: z.enum(educationLevels).nullable(),
  occupation: z.string().nullable(),
  incomeBand: z.enum(incomeBands).nullable(),
  healthCoverage: z.enum(healthCoverages).nullable(),
  address: z.object({
    areaCode: z.string(),
    villageCode: z.string().nullable(),
    villageNo: z.number().nullable(),
    houseNo: z.string().nullable(),
    postcode: z.string().nullable(),
    areaName: z.string().nullable(),
  }),
  householdId: z.string().nullable(),
  relationToHead: z.enum(relationsToHead).nullable(),
  phone: z.string().nullable(),
  chronicConditions: z.array(z.string()),
  disability: z.object({ types: z.array(z.string()), cardNumber: z.string().nullable() }).nullable(),
  /** Recorded types plus `elderly` when 60 or older today and `bedbound` when the latest ADL says so. */
  vulnerability: z.array(z.string()),
  /** The group of the latest Barthel ADL screening (by when it was taken), and when it was taken. */
  adlGroup: z.enum(adlGroups).nullable(),
  adlTakenAt: z.string().nullable(),
  caregiver: z
    .object({
      relation: z.string(),
      name: z.string().nullable(),
      phone: z.string().nullable(),
      personId: z.string().nullable(),
    })
    .nullable(),
  location: z.object({ lat: z.number(), lon: z.number() }).nullable(),
  consent: z.object({ collect: z.boolean(), shareGroup: z.boolean(), shareAgencies: z.boolean() }),
  version: z.number().int(),
  mergedInto: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Person = z.infer<typeof person>;

export const personListQuery = z
  .object({
    q: z.string().trim().min(1).max(100).optional(),
    area: z
      .string()
      .regex(/^\d{2}(\d{2}){0,3}$/, 'areaCode')
      .optional(),
    householdId: z.uuid().optional(),
    vulnerability: z.enum(vulnerabilityTypes).optional(),
    sex: z.enum(sexes).optional(),
    ageMin: z.coerce.number().int().min(0).max(130).optional(),
    ageMax: z.coerce.number().int().min(0).max(130).optional(),
    limit: z.coerce.number().int().min(1).max(500).default(50),
    cursor: z.string().max(200).optional(),
  })
  .strict();

export const consentPurposes = ['collect', 'share_group', 'share_agencies'] as const;
export const consentMethods = ['paper', 'verbal_witnessed', 'self'] as const;

export const consentCreate = z
  .object({
    purpose: z.enum(consentPurposes),
    granted: z.boolean(),
    method: z.enum(consentMethods),
    witnessName: z.string().trim().min(1).max(200).optional(),
    agencies: z.array(z.uuid()).max(50).optional(),
    note: z.string().trim().max(500).optional(),
    /** Made on the device: a retry with the same clientId returns the stored record (200), never a second one. */
    clientId: z.uuid().optional(),
  })
  .strict()
  .superRefine((c, ctx) => {
    if (c.method === 'verbal_witnessed' && c.granted && !c.witnessName) {
      ctx.addIssue({ code: 'custom', path: ['witnessName'], message: 'required' });
    }
    if (c.purpose === 'share_agencies' && c.granted && !c.agencies?.length) {
      ctx.addIssue({ code: 'custom', path: ['agencies'], message: 'required' });
    }
  });
export type ConsentCreate = z.infer<typeof consentCreate>;

export const housingTypes = [
  'own_house',
  'rented',
  'relative_house',
  'temporary',
  'institution',
  'other',
] as const;

export const householdCreate = z
  .object({
    address,
    housingType: z.enum(housingTypes).optional(),
    headPersonId: z.uuid().optional(),
    location: z
      .object({ lat: z.number().min(5).max(21), lon: z.number().min(97).max(106) })
      .strict()
      .optional(),
    clientId: z.uuid().optional(),
  })
  .strict();
export type HouseholdCreate = z.infer<typeof householdCreate>;

export const householdPatch = z
  .object({
    address: address.optional(),
    housingType: z.enum(housingTypes).nullable().optional(),
    headPersonId: z.uuid().nullable().optional(),
    location: z
      .object({ lat: z.number().min(5).max(21), lon: z.number().min(97).max(106) })
      .strict()
      .nullable()
      .optional(),
  })
  .strict();
export type HouseholdPatch = z.infer<typeof householdPatch>;

export const household = z.object({
  id: z.string(),
  address: z.object({
    areaCode: z.string(),
    villageCode: z.string().nullable(),
    villageNo: z.number().nullable(),
    houseNo: z.string().nullable(),
    postcode: z.string().nullable(),
    areaName: z.string().nullable(),
  }),
  housingType: z.enum(housingTypes).nullable(),
  headPersonId: z.string().nullable(),
  location: z.object({ lat: z.number(), lon: z.number() }).nullable(),
  memberCount: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Household = z.infer<typeof household>;

export const householdListQuery = z
  .object({
    area: z
      .string()
      .regex(/^\d{2}(\d{2}){0,3}$/, 'areaCode')
      .optional(),
    q: z.string().trim().min(1).max(30).optional(),
    limit: z.coerce.number().int().min(1).max(500).default(50),
    cursor: z.string().max(200).optional(),
  })
  .strict();
