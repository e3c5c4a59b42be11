import { z } from 'zod';
import { areaCode } from './area.ts';

export const roles = [
  'operator',
  'area_admin',
  'agency_member',
  'social_worker',
  'volunteer',
  'caregiver',
  'committee_viewer',
  'citizen',
] as const;
export type Role = (typeof roles)[number];

export const username = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9._-]{3,40}$/, 'username');

/** Long enough to resist guessing; no composition rules (NIST 800-63B). */
export const password = z.string().min(10).max(200);

export const userCreate = z
  .object({
    username,
    password,
    displayName: z.string().trim().min(1).max(200),
    roles: z.array(z.enum(roles)).min(1).max(roles.length),
    organizationId: z.uuid().optional(),
    areaCodes: z.array(areaCode).max(100).default([]),
  })
  .strict();
export type UserCreate = z.infer<typeof userCreate>;

export const userPatch = z
  .object({
    displayName: z.string().trim().min(1).max(200),
    roles: z.array(z.enum(roles)).min(1).max(roles.length),
    organizationId: z.uuid().nullable(),
    areaCodes: z.array(areaCode).max(100),
    disabled: z.boolean(),
  })
  .partial()
  .strict();
export type UserPatch = z.infer<typeof userPatch>;

export const user = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  roles: z.array(z.enum(roles)),
  organizationId: z.string().nullable(),
  organizationName: z.string().nullable(),
  areaCodes: z.array(z.string()),
  disabled: z.boolean(),
  mustChangePassword: z.boolean(),
  createdAt: z.string(),
  lastLoginAt: z.string().nullable(),
});
export type User = z.infer<typeof user>;

export const userListQuery = z
  .object({
    q: z.string().trim().min(1).max(100).optional(),
    role: z.enum(roles).optional(),
    organizationId: z.uuid().optional(),
    disabled: z.enum(['true', 'false']).optional(),
    limit: z.coerce.number().int().min(1).max(500).default(50),
    cursor: z.string().max(200).optional(),
  })
  .strict();

export const login = z
  .object({ username: z.string().trim().min(1).max(100), password: z.string().min(1).max(200) })
  .strict();
export const passwordChange = z
  .object({ currentPassword: z.string().min(1).max(200), newPassword: password })
  .strict();
export const passwordReset = z.object({ newPassword: password }).strict();
export const tokenCreate = z.object({ name: z.string().trim().min(1).max(100) }).strict();

export const session = z.object({ user, csrfToken: z.string() });
export type Session = z.infer<typeof session>;
