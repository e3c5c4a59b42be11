import { z } from 'zod';
import { subdistrictCode } from './area.ts';
import { listQuery } from './common.ts';

/** What a partner account does in a closed group (DOMAIN.md step 4). */
export const groupRoles = ['admin', 'case_worker', 'volunteer', 'viewer'] as const;
export type GroupRole = (typeof groupRoles)[number];

const isoDate = z.iso.date();
const villageCode = z.string().regex(/^\d{8}$/, 'villageCode');

export const groupCreate = z
  .object({
    name: z.string().trim().min(1).max(200),
    areaCode: subdistrictCode,
    /** A subset of the subdistrict's villages; empty means the whole subdistrict. */
    villageCodes: z.array(villageCode).max(50).default([]),
    purpose: z.string().trim().max(2000).optional(),
    startsOn: isoDate.optional(),
    endsAt: isoDate.optional(),
  })
  .strict();
export type GroupCreate = z.infer<typeof groupCreate>;

export const groupPatch = z
  .object({
    name: z.string().trim().min(1).max(200),
    villageCodes: z.array(villageCode).max(50),
    purpose: z.string().trim().max(2000).nullable(),
    endsAt: isoDate.nullable(),
  })
  .partial()
  .strict();
export type GroupPatch = z.infer<typeof groupPatch>;

export const groupMemberAdd = z.object({ userId: z.uuid(), role: z.enum(groupRoles) }).strict();
export const groupMemberRemove = z.object({ userId: z.uuid() }).strict();
export const groupPersonEnrol = z.object({ personId: z.uuid() }).strict();
export const groupPersonDischarge = z
  .object({ personId: z.uuid(), reason: z.string().trim().max(500).optional() })
  .strict();
export const groupAssignment = z.object({ personId: z.uuid(), userId: z.uuid() }).strict();

export const groupListQuery = listQuery
  .extend({
    area: z
      .string()
      .regex(/^\d{2,8}$/)
      .optional(),
  })
  .strict();

export const group = z.object({
  id: z.uuid(),
  name: z.string(),
  areaCode: z.string(),
  areaName: z.string().nullable(),
  villageCodes: z.array(z.string()),
  purpose: z.string().nullable(),
  startsOn: z.string(),
  endsAt: z.string().nullable(),
  active: z.boolean(),
  /** The caller's role in the group, or null when they see it as an area admin or operator. */
  myRole: z.enum(groupRoles).nullable(),
  counts: z.object({ members: z.number().int(), persons: z.number().int() }),
  createdAt: z.string(),
});
export type Group = z.infer<typeof group>;

/** Citizen account linking (DOMAIN.md: people own their data). */
export const linkRelations = ['self', 'proxy'] as const;
export const linkCodeCreate = z
  .object({
    relation: z.enum(linkRelations).default('self'),
    /** For a proxy: the family member the person named. */
    proxyName: z.string().trim().min(1).max(200).optional(),
  })
  .strict()
  .refine((v) => v.relation === 'self' || v.proxyName, { path: ['proxyName'], message: 'required' });
