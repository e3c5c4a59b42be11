/**
 * Shapes of visits (issue 8): home visits and centre appointments, their record, and the calendars
 * that show them. Requests are checked with these on the server and in the web's forms; responses are
 * parsed through them on the way out, so a field not named here never reaches a client.
 */
import { z } from 'zod';
import { warningKinds } from '../services/calendar.ts';
import { areaCode } from './area.ts';
import { listQuery } from './common.ts';
import { instant } from './screening.ts';

export const visitKinds = ['home_visit', 'centre_appointment'] as const;
export type VisitKind = (typeof visitKinds)[number];

export const visitStatuses = ['scheduled', 'done', 'missed', 'cancelled'] as const;
export type VisitStatus = (typeof visitStatuses)[number];

/** How a visit is recorded: it took place, or nobody was met. */
export const visitOutcomes = ['done', 'missed'] as const;
export type VisitOutcome = (typeof visitOutcomes)[number];

/** A team visit names a few people, not a department. */
const MAX_PEOPLE = 20;
const people = z.array(z.uuid()).max(MAX_PEOPLE);

/** 5 minutes to a long day. */
export const visitDuration = z.number().int().min(5).max(720);

/**
 * Vital signs a volunteer measures at home, each optional, within what a living adult can show (a value
 * outside is a typing slip): blood pressure mmHg, pulse per minute, temperature °C, capillary glucose
 * (DTX) mg/dL, weight kg.
 */
export const vitalSigns = z
  .object({
    systolic: z.number().int().min(50).max(300).optional(),
    diastolic: z.number().int().min(20).max(200).optional(),
    pulse: z.number().int().min(20).max(250).optional(),
    temperature: z.number().min(30).max(45).optional(),
    glucose: z.number().min(10).max(800).optional(),
    weight: z.number().min(1).max(350).optional(),
  })
  .strict()
  .refine((v) => v.systolic === undefined || v.diastolic === undefined || v.diastolic < v.systolic, {
    path: ['diastolic'],
    message: 'invalid',
  });
export type VitalSigns = z.infer<typeof vitalSigns>;

export const visitCreate = z
  .object({
    kind: z.enum(visitKinds),
    startsAt: instant,
    durationMinutes: visitDuration.optional(),
    /** The visiting agency or the centre; a centre appointment needs it. Default: the scheduler's own. */
    organizationId: z.uuid().optional(),
    /** Who goes: one person, or several for a team visit. */
    assigneeIds: people.optional(),
    /** The plan activity this visit carries out (of the person's plan). */
    planActivityId: z.uuid().optional(),
    purpose: z.string().trim().max(1000).optional(),
    clientId: z.uuid(),
  })
  .strict();
export type VisitCreate = z.infer<typeof visitCreate>;

/** Reschedule or reassign a scheduled visit; `version` is the one the change was made on (409 if stale). */
export const visitPatch = z
  .object({
    version: z.number().int().min(1),
    startsAt: instant.optional(),
    durationMinutes: visitDuration.optional(),
    organizationId: z.uuid().nullable().optional(),
    assigneeIds: people.optional(),
    planActivityId: z.uuid().nullable().optional(),
    purpose: z.string().trim().max(1000).nullable().optional(),
  })
  .strict();
export type VisitPatch = z.infer<typeof visitPatch>;

export const visitRecordInput = z
  .object({
    status: z.enum(visitOutcomes),
    /** When it happened; default now. */
    doneAt: instant.optional(),
    /** Who went (accounts); default the one recording. */
    attendees: people.optional(),
    /** What was done. */
    activities: z.string().trim().max(2000).optional(),
    vitals: vitalSigns.optional(),
    notes: z.string().trim().max(4000).optional(),
    followUpNeeded: z.boolean(),
    followUpNote: z.string().trim().max(1000).optional(),
    /** A phone's retry with the same id gets the stored record back. */
    clientId: z.uuid().optional(),
  })
  .strict();
export type VisitRecordInput = z.infer<typeof visitRecordInput>;

export const visitCancel = z.object({ reason: z.string().trim().min(1).max(1000) }).strict();
export type VisitCancel = z.infer<typeof visitCancel>;

export const visitListQuery = listQuery.extend({ status: z.enum(visitStatuses).optional() }).strict();

/**
 * Whose calendar: exactly one of an organisation, a user, oneself (`me=true`) or an area; and the Thai
 * days `from`..`to`, both included, at most 62 days.
 */
export const calendarQuery = z
  .object({
    organization: z.uuid().optional(),
    user: z.uuid().optional(),
    me: z.enum(['true']).optional(),
    area: areaCode.optional(),
    from: z.iso.date(),
    to: z.iso.date(),
  })
  .strict()
  .refine((q) => [q.organization, q.user, q.me, q.area].filter((x) => x !== undefined).length === 1, {
    path: ['owner'],
    message: 'calendar_owner',
  });
export type CalendarQuery = z.infer<typeof calendarQuery>;

export const assigneeQuery = z
  .object({
    organizationId: z.uuid().optional(),
    q: z.string().trim().max(100).optional(),
  })
  .strict();

// ---------------------------------------------------------------------------------------------
// Responses

export const visitWarning = z.object({
  kind: z.enum(warningKinds),
  /** Left out when the reader may not know who the person is. */
  personId: z.uuid().optional(),
  userId: z.uuid().optional(),
  week: z.string().optional(),
  date: z.string().optional(),
  count: z.number().int(),
  visitIds: z.array(z.uuid()),
});
export type VisitWarningDto = z.infer<typeof visitWarning>;

const personName = z.object({
  id: z.uuid(),
  title: z.string().nullable(),
  firstName: z.string(),
  lastName: z.string(),
});

const userName = z.object({ id: z.uuid(), displayName: z.string() });

/**
 * `identified`: the reader may read the person (or they share with the reader's organisation);
 * `pseudonymous`: the village, the kind and the time only.
 */
export const visitViews = ['identified', 'pseudonymous'] as const;

export const visitRecord = z.object({
  status: z.enum(visitOutcomes),
  doneAt: z.string(),
  attendees: z.array(userName),
  /** Null in a pseudonymous view, like the vital signs and notes. */
  activities: z.string().nullable(),
  vitals: vitalSigns.nullable(),
  notes: z.string().nullable(),
  followUpNeeded: z.boolean(),
  followUpNote: z.string().nullable(),
  recordedBy: userName.nullable(),
  recordedAt: z.string(),
});
export type VisitRecord = z.infer<typeof visitRecord>;

export const visitEvent = z.object({
  fromStatus: z.enum(visitStatuses).nullable(),
  toStatus: z.enum(visitStatuses),
  note: z.string().nullable(),
  actor: userName.nullable(),
  at: z.string(),
});

/** One visit on a calendar. */
export const calendarItem = z.object({
  id: z.uuid(),
  kind: z.enum(visitKinds),
  status: z.enum(visitStatuses),
  startsAt: z.string(),
  endsAt: z.string(),
  durationMinutes: z.number().int(),
  organizationId: z.uuid().nullable(),
  organizationName: z.string().nullable(),
  assignees: z.array(userName),
  areaCode: z.string(),
  villageCode: z.string().nullable(),
  villageName: z.string().nullable(),
  view: z.enum(visitViews),
  person: personName.nullable(),
  purpose: z.string().nullable(),
  followUpNeeded: z.boolean().nullable(),
});
export type CalendarItem = z.infer<typeof calendarItem>;

/** A visit in a person's list: what the calendar shows, with its record. */
export const visitSummary = calendarItem.extend({
  /** Null in a pseudonymous view. */
  personId: z.uuid().nullable(),
  planActivityId: z.uuid().nullable(),
  planActivityTitle: z.string().nullable(),
  record: visitRecord.nullable(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type VisitSummary = z.infer<typeof visitSummary>;

/** One visit with its status history. */
export const visitShape = visitSummary.extend({ history: z.array(visitEvent) });
export type Visit = z.infer<typeof visitShape>;

/** Scheduling and rescheduling answer with the visit and what it collides with (never refused for it). */
export const visitWithWarnings = visitShape.extend({ warnings: z.array(visitWarning) });
export type VisitWithWarnings = z.infer<typeof visitWithWarnings>;

export const calendarOwnerKinds = ['organization', 'user', 'area'] as const;

export const calendarShape = z.object({
  owner: z.object({
    kind: z.enum(calendarOwnerKinds),
    /** The organisation's or user's id, or the area code. */
    id: z.string(),
    name: z.string().nullable(),
  }),
  from: z.string(),
  to: z.string(),
  items: z.array(calendarItem),
  warnings: z.array(visitWarning),
  /** More visits than one answer carries: narrow the range. */
  truncated: z.boolean(),
});
export type Calendar = z.infer<typeof calendarShape>;

/** Someone who may be sent on a visit to this person. */
export const assigneeOption = z.object({
  id: z.uuid(),
  displayName: z.string(),
  organizationId: z.uuid().nullable(),
  organizationName: z.string().nullable(),
  /** Works in the person's area (else: belongs to the chosen organisation). */
  inArea: z.boolean(),
});
export type AssigneeOption = z.infer<typeof assigneeOption>;
