import { z } from 'zod';
import { listQuery } from './common.ts';
import { linkRelations } from './group.ts';
import { password, username } from './user.ts';

/**
 * The citizen's own account (DOMAIN.md: people own their data): a one-time
 * code links an account to a person's record, and the person sees, exports
 * and corrects what is held about them and who looked at it.
 */

/** A link code is 8 digits; people may type it with spaces or a dash (`1234 5678`). */
export const LINK_CODE_DIGITS = 8;

/** The digits of a typed code, or null when it cannot be a code at all. */
export function normalizeLinkCode(input: string): string | null {
  const digits = input.replace(/[\s-]/g, '');
  return new RegExp(`^\\d{${LINK_CODE_DIGITS}}$`).test(digits) ? digits : null;
}

/**
 * The code is checked by the server only, so that a wrong one gets the same
 * answer whatever is wrong with it; the shape here just bounds the input.
 */
const linkCode = z.string().trim().min(1).max(20);

export const claimAccount = z
  .object({
    code: linkCode,
    username,
    password,
    displayName: z.string().trim().min(1).max(200),
  })
  .strict();
export type ClaimAccount = z.infer<typeof claimAccount>;

export const linkAdd = z.object({ code: linkCode }).strict();

export const linkCodeIssued = z.object({
  id: z.uuid(),
  /** Shown once: only its keyed hash is kept. */
  code: z.string(),
  relation: z.enum(linkRelations),
  expiresAt: z.string(),
});
export type LinkCodeIssued = z.infer<typeof linkCodeIssued>;

/** One of the signed-in account's linked records. */
export const myLink = z.object({
  id: z.uuid(),
  personId: z.uuid(),
  relation: z.enum(linkRelations),
  title: z.string().nullable(),
  firstName: z.string(),
  lastName: z.string(),
  linkedAt: z.string(),
});
export type MyLink = z.infer<typeof myLink>;

/** An account linked to a person, and codes waiting to be used, as the person's admins see them. */
export const personLink = z.object({
  id: z.uuid(),
  relation: z.enum(linkRelations),
  userId: z.uuid(),
  displayName: z.string(),
  username: z.string(),
  linkedAt: z.string(),
  revokedAt: z.string().nullable(),
});
export const pendingLinkCode = z.object({
  id: z.uuid(),
  relation: z.enum(linkRelations),
  issuedAt: z.string(),
  expiresAt: z.string(),
});
export const personLinks = z.object({
  links: z.array(personLink),
  pendingCodes: z.array(pendingLinkCode),
});
export type PersonLinks = z.infer<typeof personLinks>;

export const personAuditQuery = listQuery
  .extend({
    /** Leave out what the caller did themself (a citizen looking at their own data). */
    excludeSelf: z.enum(['true', 'false']).optional(),
  })
  .strict();

/** One line of "who looked at my data": who, from which organisation, through which group, did what, when. */
export const personAuditEntry = z.object({
  id: z.number().int(),
  at: z.string(),
  action: z.string(),
  outcome: z.string(),
  /** Named by id only in the record; a list read names everyone it returned. */
  via: z.enum(['record', 'list']),
  actor: z
    .object({
      id: z.string(),
      displayName: z.string(),
      roles: z.array(z.string()),
      organizationName: z.string().nullable(),
    })
    .nullable(),
  group: z.object({ id: z.string(), name: z.string(), role: z.string().nullable() }).nullable(),
});
export type PersonAuditEntry = z.infer<typeof personAuditEntry>;

export const myDataQuery = z.object({ personId: z.uuid().optional() }).strict();
