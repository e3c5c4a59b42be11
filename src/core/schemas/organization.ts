import { z } from 'zod';
import { directoryDistances, hoursProblems } from '../services/directory.ts';
import { areaCode } from './area.ts';

export const organizationTypes = [
  'pao',
  'lao',
  'shph',
  'hospital',
  'district_health_office',
  'social_development_office',
  'foundation',
  'company',
  'university',
  'community_organization',
  'volunteer_group',
] as const;
export type OrganizationType = (typeof organizationTypes)[number];

export const organizationTiers = ['S', 'S+', 'M', 'L'] as const;

/** Service capabilities named in the seed documents (the district's service-centre plan). */
export const organizationServices = [
  'thai_traditional_medicine',
  'dental',
  'elderly_clinic',
  'palliative_care',
  'long_term_care',
  'rehabilitation',
  'learning_centre',
  'happiness_centre',
  'repair_centre',
  'patient_transport',
  'home_modification',
  'social_assistance',
  'mental_health',
] as const;

const services = z.array(z.enum(organizationServices)).max(organizationServices.length);
const phone = z
  .string()
  .trim()
  .regex(/^[0-9+\-\s()]{6,20}$/, 'phone');

/** A village (หมู่บ้าน): 8 DOPA digits. */
export const villageCode = z.string().regex(/^\d{8}$/, 'villageCode');

/** One opening session in Thai time: ISO weekday (Monday 1 … Sunday 7), `HH:MM` to `HH:MM`. */
export const openingSession = z
  .object({
    day: z.number().int().min(1).max(7),
    opens: z.iso.time({ precision: -1 }),
    closes: z.iso.time({ precision: -1 }),
  })
  .strict();
export type OpeningSessionInput = z.infer<typeof openingSession>;

/** A week of sessions; each closes after it opens and none overlaps another of its day (core rule). */
export const openingHours = z
  .array(openingSession)
  .max(28)
  .superRefine((hours, ctx) => {
    for (const p of hoursProblems(hours)) {
      ctx.addIssue({ code: 'custom', path: [p.index, p.field], message: p.code });
    }
  });

const catchment = z.array(villageCode).max(2000);

export const organizationCreate = z
  .object({
    name: z.string().trim().min(2).max(200),
    nameEn: z.string().trim().max(200).optional(),
    type: z.enum(organizationTypes),
    areaCode,
    tier: z.enum(organizationTiers).optional(),
    services: services.default([]),
    phone: phone.optional(),
    email: z.email().max(200).optional(),
    contactName: z.string().trim().max(200).optional(),
    address: z.string().trim().max(500).optional(),
    /** The villages it serves (its catchment); each must lie in its province. */
    catchmentVillageCodes: catchment.default([]),
    openingHours: openingHours.default([]),
  })
  .strict();
export type OrganizationCreate = z.infer<typeof organizationCreate>;

export const organizationPatch = organizationCreate
  .partial()
  .extend({
    // Re-declared without the create defaults: a patch that omits a field must leave it alone.
    services: services.optional(),
    nameEn: z.string().trim().max(200).nullable().optional(),
    contactName: z.string().trim().max(200).nullable().optional(),
    address: z.string().trim().max(500).nullable().optional(),
    tier: z.enum(organizationTiers).nullable().optional(),
    phone: phone.nullable().optional(),
    email: z.email().max(200).nullable().optional(),
    catchmentVillageCodes: catchment.optional(),
    openingHours: openingHours.optional(),
  })
  .strict();
export type OrganizationPatch = z.infer<typeof organizationPatch>;

export const organization = z.object({
  id: z.string(),
  name: z.string(),
  nameEn: z.string().nullable(),
  type: z.enum(organizationTypes),
  areaCode: z.string(),
  areaName: z.string().nullable(),
  areaNameEn: z.string().nullable(),
  tier: z.enum(organizationTiers).nullable(),
  services: z.array(z.string()),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  contactName: z.string().nullable(),
  address: z.string().nullable(),
  catchmentVillageCodes: z.array(z.string()),
  openingHours: z.array(z.object({ day: z.number(), opens: z.string(), closes: z.string() })),
  /** Open now in Thai time by its hours; null when no hours are recorded. */
  openNow: z.boolean().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Organization = z.infer<typeof organization>;

/** A row of the directory: with `near`, how near it is to that village (nearest first). */
export const organizationListItem = organization.extend({
  distance: z.enum(directoryDistances).nullable(),
});
export type OrganizationListItem = z.infer<typeof organizationListItem>;

export const organizationListQuery = z
  .object({
    q: z.string().trim().min(1).max(100).optional(),
    type: z.enum(organizationTypes).optional(),
    area: areaCode.optional(),
    service: z.enum(organizationServices).optional(),
    /** Who is near this village: its catchment first, then its subdistrict, district, province. */
    near: villageCode.optional(),
    sort: z.enum(['name', '-name', 'createdAt', '-createdAt']).default('name'),
    limit: z.coerce.number().int().min(1).max(500).default(50),
    cursor: z.string().max(200).optional(),
  })
  .strict();
