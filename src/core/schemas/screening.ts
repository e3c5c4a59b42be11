/**
 * Request and response shapes of the screening API (capture, corrections,
 * follow-up lists, timeline, batch) and of the inbox. Answers are checked
 * against the instrument definition by the engine, not here: these schemas
 * only fix the shape, so the phone and the server share them.
 */
import { z } from 'zod';
import { levels, scoredResponse, screeningAnswers } from '../instruments/index.ts';

export const screeningMethods = ['self', 'volunteer', 'staff'] as const;
export type ScreeningMethod = (typeof screeningMethods)[number];

/** A calendar month, YYYY-MM (CE). */
export const yearMonth = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'yearMonth');
export const instrumentCodeParam = z
  .string()
  .max(50)
  .regex(/^[a-z0-9][a-z0-9_]*$/, 'instrumentCode');
/** An instant with its offset (`2026-11-25T09:30:00+07:00` or `…Z`). */
export const instant = z.iso.datetime({ offset: true });

export const screeningCreate = z
  .object({
    instrument: instrumentCodeParam,
    /** The version the form was rendered from; the newest when absent. */
    version: z.number().int().min(1).optional(),
    answers: screeningAnswers,
    takenAt: instant,
    /** A UUID made on the device: a retry with it returns the stored screening. */
    clientId: z.uuid(),
    method: z.enum(screeningMethods).optional(),
  })
  .strict();
export type ScreeningCreate = z.infer<typeof screeningCreate>;

export const screeningRevisionCreate = z
  .object({
    answers: screeningAnswers,
    reason: z.string().trim().min(3).max(300),
    clientId: z.uuid().optional(),
  })
  .strict();
export type ScreeningRevisionCreate = z.infer<typeof screeningRevisionCreate>;

export const screeningBatchItem = screeningCreate.extend({ personId: z.uuid() }).strict();
export type ScreeningBatchItem = z.infer<typeof screeningBatchItem>;

export const SCREENING_BATCH_MAX = 200;

/**
 * Items are checked one by one (see `screeningBatchItem`), so that one
 * malformed item is reported in its own result and never stops the others.
 */
export const screeningBatch = z
  .object({
    items: z
      .array(z.record(z.string(), z.unknown()).meta({ description: 'a screeningBatchItem' }))
      .min(1)
      .max(SCREENING_BATCH_MAX),
  })
  .strict();

const scored = scoredResponse.shape;
/** Stored answers never hold a null: a cleared answer is dropped before storing. */
const storedAnswers = z.record(z.string(), screeningAnswers.valueType.unwrap());

export const screening = z.object({
  id: z.string(),
  personId: z.string(),
  instrument: z.string(),
  version: z.number().int(),
  takenAt: z.string(),
  /** The follow-up month it counts for, in Thai time. */
  takenMonth: z.string(),
  answers: storedAnswers,
  scores: scored.scores,
  levels: scored.levels,
  results: scored.results,
  flags: scored.flags,
  followUps: scored.followUps,
  method: z.enum(screeningMethods),
  takenBy: z.string().nullable(),
  revision: z.number().int(),
  revisionReason: z.string().nullable(),
  revisedBy: z.string().nullable(),
  revisedAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Screening = z.infer<typeof screening>;

export const screeningRevision = z.object({
  revision: z.number().int(),
  version: z.number().int(),
  answers: storedAnswers,
  scores: scored.scores,
  levels: scored.levels,
  results: scored.results,
  flags: scored.flags,
  followUps: scored.followUps,
  reason: z.string().nullable(),
  madeBy: z.string().nullable(),
  madeAt: z.string(),
  supersededAt: z.string(),
});
export type ScreeningRevision = z.infer<typeof screeningRevision>;

/** The current revision, and the earlier ones newest first (empty when never corrected). */
export const screeningDetail = screening.extend({ revisions: z.array(screeningRevision) });
export type ScreeningDetail = z.infer<typeof screeningDetail>;

export const screeningListQuery = z
  .object({
    instrument: instrumentCodeParam.optional(),
    limit: z.coerce.number().int().min(1).max(500).default(50),
    cursor: z.string().max(200).optional(),
  })
  .strict();

export const instrumentListQuery = z.object({ all: z.enum(['true', 'false']).optional() }).strict();
export const instrumentParams = z.object({ code: instrumentCodeParam }).strict();
export const instrumentQuery = z.object({ version: z.coerce.number().int().min(1).optional() }).strict();

export const dueQuery = z
  .object({
    month: yearMonth.optional(),
    area: z
      .string()
      .regex(/^\d{2}(\d{2}){0,3}$/, 'areaCode')
      .optional(),
    assignee: z.literal('me').optional(),
    group: z.string().max(100).optional(),
    limit: z.coerce.number().int().min(1).max(500).default(50),
    cursor: z.string().max(200).optional(),
  })
  .strict();
export type DueQuery = z.infer<typeof dueQuery>;

/** Enough to find and greet the person; never the national ID. */
export const screenedPerson = z.object({
  id: z.string(),
  title: z.string().nullable(),
  firstName: z.string(),
  lastName: z.string(),
  birthDate: z.string(),
  areaCode: z.string(),
  villageCode: z.string().nullable(),
  villageNo: z.number().nullable(),
  houseNo: z.string().nullable(),
});

export const dueInstrument = z.object({
  instrument: z.string(),
  /** `monthly` for the well-being screening, else the follow-up rule's reason code. */
  reason: z.string(),
  overdue: z.boolean(),
  /** The screening whose answer made it due, and when that was taken (follow-ups only). */
  screeningId: z.string().nullable(),
  since: z.string().nullable(),
});

export const dueItem = z.object({
  personId: z.string(),
  person: screenedPerson,
  due: z.array(dueInstrument),
  /** The monthly screening is missing this month and was missing last month too. */
  overdue: z.boolean(),
  lastScreenedAt: z.string().nullable(),
});
export type DueItem = z.infer<typeof dueItem>;

export const dueList = z.object({
  month: z.string(),
  items: z.array(dueItem),
  nextCursor: z.string().nullable(),
});

export const worseQuery = dueQuery.omit({ assignee: true, group: true });

export const worseItem = z.object({
  personId: z.string(),
  person: screenedPerson,
  screeningId: z.string(),
  takenAt: z.string(),
  levels: scored.levels,
  previousScreeningId: z.string(),
  previousTakenAt: z.string(),
  previousLevels: scored.levels,
  /** The dimensions whose level got worse. */
  worse: z.array(z.string()),
});

export const worseList = z.object({
  month: z.string(),
  items: z.array(worseItem),
  nextCursor: z.string().nullable(),
});

export const changeDirections = ['better', 'worse', 'same'] as const;
export type Change = (typeof changeDirections)[number];

export const timelineQuery = z
  .object({ months: z.coerce.number().int().min(1).max(120).default(24) })
  .strict();

export const timeline = z.object({
  /** Oldest first; the latest well-being screening of each month that has one. */
  months: z.array(
    z.object({
      month: z.string(),
      yearBE: z.number().int(),
      screeningId: z.string(),
      takenAt: z.string(),
      version: z.number().int(),
      scores: scored.scores,
      levels: z.record(z.string(), z.enum(levels)),
    }),
  ),
  /** The elders' instruments, the latest result of each per year (Thai time), oldest first. */
  elders: z.array(
    z.object({
      instrument: z.string(),
      year: z.number().int(),
      yearBE: z.number().int(),
      screeningId: z.string(),
      takenAt: z.string(),
      version: z.number().int(),
      scores: scored.scores,
      results: scored.results,
    }),
  ),
  /**
   * Per dimension, the latest well-being screening against the one before, by
   * traffic-light level (as the "got worse" list counts); null with fewer than two.
   */
  change: z.record(z.string(), z.enum(changeDirections)).nullable(),
  /** The same comparison by score, which also moves within a level. */
  scoreChange: z.record(z.string(), z.enum(changeDirections)).nullable(),
});
export type Timeline = z.infer<typeof timeline>;

export const batchResult = z.object({
  clientId: z.string().nullable(),
  status: z.union([
    z.literal(200),
    z.literal(201),
    z.literal(400),
    z.literal(403),
    z.literal(404),
    z.literal(409),
    z.literal(422),
  ]),
  id: z.string().optional(),
  errors: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
});
export type BatchResult = z.infer<typeof batchResult>;

export const batchResponse = z.object({ results: z.array(batchResult) });

// ── Inbox ──────────────────────────────────────────────────────────────────

export const inboxKinds = ['alert'] as const;

export const inboxQuery = z
  .object({
    status: z.enum(['open', 'all']).default('open'),
    limit: z.coerce.number().int().min(1).max(500).default(50),
    cursor: z.string().max(200).optional(),
  })
  .strict();

export const inboxItem = z.object({
  id: z.string(),
  kind: z.enum(inboxKinds),
  personId: z.string(),
  screeningId: z.string().nullable(),
  instrument: z.string().nullable(),
  /** A red-flag code of the instrument (e.g. `hunger`, `suicide_risk`). */
  flag: z.string(),
  urgent: z.boolean(),
  areaCode: z.string(),
  createdAt: z.string(),
  readAt: z.string().nullable(),
  /** Looked up when listed, and only if the reader may still see the person; never stored in the alert. */
  person: z
    .object({ firstName: z.string(), lastName: z.string(), villageNo: z.number().nullable() })
    .nullable(),
});
export type InboxItem = z.infer<typeof inboxItem>;

export const inboxPage = z.object({
  items: z.array(inboxItem),
  nextCursor: z.string().nullable(),
  /** Unread items of the reader, for a badge. */
  unread: z.number().int(),
});
