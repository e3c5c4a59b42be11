/**
 * Shapes of the group endpoints' answers (and the few bodies core/schemas/group.ts
 * has no schema for). Responses are parsed through these on the way out, so a
 * field that is not named here never reaches a client: a pseudonymous row
 * cannot carry a name even by mistake.
 */
import { z } from 'zod';
import { groupRoles } from '../../../core/schemas/group.ts';
import { listQuery } from '../../../core/schemas/index.ts';

const level = z.enum(['green', 'yellow', 'red']);
export const dimensions = ['health', 'economy', 'society', 'environment'] as const;
export type Dimension = (typeof dimensions)[number];
const levels = z.object(Object.fromEntries(dimensions.map((d) => [d, level.nullable()]))).partial();

export const groupMember = z.object({
  userId: z.uuid(),
  displayName: z.string(),
  organizationName: z.string().nullable(),
  role: z.enum(groupRoles),
  addedAt: z.string(),
});
export type GroupMember = z.infer<typeof groupMember>;

export const memberCandidate = z.object({
  id: z.uuid(),
  displayName: z.string(),
  organizationName: z.string().nullable(),
  roles: z.array(z.string()),
  /** The account's current role in this group, if it is already a member. */
  memberRole: z.enum(groupRoles).nullable(),
});
export const candidatesQuery = z
  .object({
    q: z.string().trim().max(100).optional(),
    limit: z.coerce.number().int().min(1).max(50).default(20),
  })
  .strict();

const assignee = z.object({ userId: z.uuid(), displayName: z.string() }).nullable();

/** An enrolled person as a member entitled to know who they are sees them. */
export const identifiedRow = z.object({
  view: z.literal('identified'),
  personId: z.uuid(),
  alias: z.string(),
  title: z.string().nullable(),
  firstName: z.string(),
  lastName: z.string(),
  sex: z.string(),
  age: z.number().int(),
  villageNo: z.number().int().nullable(),
  villageName: z.string().nullable(),
  levels: levels.nullable(),
  lastScreenedAt: z.string().nullable(),
  assignee,
  enrolledAt: z.string(),
});

/** Everyone else in the group: no name, ID, birth date, phone or house number; a 10-year age band and the village. */
export const pseudonymousRow = z.object({
  view: z.literal('pseudonymous'),
  alias: z.string(),
  sex: z.string(),
  ageBand: z.string(),
  villageName: z.string().nullable(),
  levels: levels.nullable(),
  assignee,
});
export const groupPersonRow = z.discriminatedUnion('view', [identifiedRow, pseudonymousRow]);
export type GroupPersonRow = z.infer<typeof groupPersonRow>;

export const enrolment = z.object({
  personId: z.uuid(),
  groupId: z.uuid(),
  enrolledAt: z.string(),
  dischargedAt: z.string().nullable(),
});

export const assignmentEnd = z.object({ personId: z.uuid() }).strict();
export const assignment = z.object({
  personId: z.uuid(),
  userId: z.uuid(),
  displayName: z.string(),
  assignedAt: z.string(),
  endedAt: z.string().nullable(),
});
export const historyQuery = z.object({ personId: z.uuid() }).strict();
export const assignmentHistory = z.object({
  items: z.array(
    assignment.extend({
      assignedByName: z.string().nullable(),
      endedByName: z.string().nullable(),
    }),
  ),
});

const cell = z.number().int().nullable();
export const groupHome = z.object({
  membersByRole: z.object(Object.fromEntries(groupRoles.map((r) => [r, z.number().int()]))),
  enrolled: z.number().int(),
  screened: z.number().int(),
  /** Latest well-being screening of each enrolled person: people per level per dimension; null = hidden small cell. */
  levels: z.object(
    Object.fromEntries(dimensions.map((d) => [d, z.object({ green: cell, yellow: cell, red: cell })])),
  ),
  suppressed: z.boolean(),
  due: z.object({
    month: z.string(),
    count: cell,
    done: cell,
    /** Admins: everyone due; other members: only the people assigned to them. */
    items: z.array(
      z.object({
        personId: z.uuid(),
        title: z.string().nullable(),
        firstName: z.string(),
        lastName: z.string(),
        villageName: z.string().nullable(),
        lastScreenedAt: z.string().nullable(),
        overdue: z.boolean(),
        assignee,
      }),
    ),
    /** True when `items` lists everyone due (the caller may see them all). */
    complete: z.boolean(),
  }),
});

export const activityItem = z.object({
  id: z.number().int(),
  at: z.string(),
  action: z.string(),
  actor: z.object({ id: z.uuid(), displayName: z.string() }).nullable(),
  subject: z
    .discriminatedUnion('kind', [
      z.object({
        kind: z.literal('person'),
        /** Only for a person the caller may see identified. */
        personId: z.uuid().optional(),
        name: z.string().optional(),
        alias: z.string().optional(),
      }),
      z.object({ kind: z.literal('member'), userId: z.uuid(), displayName: z.string().nullable() }),
    ])
    .nullable(),
  role: z.enum(groupRoles).optional(),
  previousRole: z.enum(groupRoles).optional(),
  fields: z.array(z.string()).optional(),
  /** For assignments: the member the case went to (or was taken from). */
  assignee: z.object({ userId: z.uuid(), displayName: z.string().nullable() }).optional(),
});

export const myPerson = z.object({
  personId: z.uuid(),
  title: z.string().nullable(),
  firstName: z.string(),
  lastName: z.string(),
  sex: z.string(),
  age: z.number().int(),
  phone: z.string().nullable(),
  houseNo: z.string().nullable(),
  villageNo: z.number().int().nullable(),
  villageName: z.string().nullable(),
  levels: levels.nullable(),
  lastScreenedAt: z.string().nullable(),
  dueThisMonth: z.boolean(),
  group: z.object({ id: z.uuid(), name: z.string() }),
  assignedAt: z.string(),
});

export { listQuery };
