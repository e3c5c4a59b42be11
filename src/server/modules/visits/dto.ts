/**
 * Visit rows → API shapes. What a reader sees of the person follows `taskView` (core/policy): by name
 * when they may read the person (or the person shares with their organisation), else pseudonymously —
 * the village, the kind and the time; no name, no purpose, no notes or vital signs.
 */

import type {
  CalendarItem,
  Visit,
  VisitKind,
  VisitOutcome,
  VisitRecord,
  VisitStatus,
  VisitSummary,
  VisitWarningDto,
  VitalSigns,
} from '../../../core/schemas/index.ts';
import type { VisitWarning } from '../../../core/services/calendar.ts';
import { endsAt } from '../../../core/services/calendar.ts';
import type { Db } from '../../db/client.ts';
import { areaNames } from '../areas/repo.ts';
import { organizationNames } from '../organizations/repo.ts';
import { isoOf } from '../screenings/iso.ts';
import { movesOf } from '../serviceEvents/repo.ts';
import { type PersonNameRow, personNames, planActivityTitles, usersByIds, type VisitRow } from './repo.ts';

export type View = 'identified' | 'pseudonymous';

/** The visit record as stored in `visit.record`. */
export interface StoredRecord {
  status: VisitOutcome;
  doneAt: string;
  attendeeIds: string[];
  activities: string | null;
  vitals: VitalSigns | null;
  notes: string | null;
  followUpNeeded: boolean;
  followUpNote: string | null;
  recordedBy: string;
  recordedAt: string;
  /** The phone's id of the record command: a retry answers with this record. */
  clientId: string | null;
}

export const storedRecord = (v: VisitRow) => (v.record ?? null) as StoredRecord | null;

interface Names {
  orgs: Map<string, string>;
  users: Map<string, { id: string; displayName: string }>;
  villages: Map<string, string>;
  people: Map<string, PersonNameRow>;
  activities: Map<string, string>;
}

async function namesFor(
  db: Db,
  rows: VisitRow[],
  identified: (v: VisitRow) => boolean,
  extraUsers: string[] = [],
  known?: Map<string, PersonNameRow>,
) {
  const userIds = rows.flatMap((v) => {
    const r = storedRecord(v);
    return [...v.assigneeIds, ...(r ? [...r.attendeeIds, r.recordedBy] : [])];
  });
  const [orgs, users, villages, people, activities] = await Promise.all([
    organizationNames(
      db,
      rows.map((v) => v.organizationId),
    ),
    usersByIds(db, [...userIds, ...extraUsers]),
    areaNames(
      db,
      rows.map((v) => v.villageCode),
    ),
    known ??
      personNames(
        db,
        rows.filter(identified).map((v) => v.personId),
      ),
    planActivityTitles(
      db,
      rows.filter(identified).map((v) => v.planActivityId),
    ),
  ]);
  return { orgs, users, villages, people, activities } satisfies Names;
}

const userRef = (names: Names, id: string) => {
  const u = names.users.get(id);
  return { id, displayName: u?.displayName ?? '' };
};

function itemOf(v: VisitRow, view: View, names: Names): CalendarItem {
  const p = view === 'identified' ? names.people.get(v.personId) : undefined;
  const startsAt = isoOf(v.startsAt);
  return {
    id: v.id,
    kind: v.kind as VisitKind,
    status: v.status as VisitStatus,
    startsAt,
    endsAt: endsAt(startsAt, v.durationMinutes),
    durationMinutes: v.durationMinutes,
    organizationId: v.organizationId,
    organizationName: v.organizationId ? (names.orgs.get(v.organizationId) ?? null) : null,
    assignees: v.assigneeIds.map((id) => userRef(names, id)),
    areaCode: v.areaCode,
    villageCode: v.villageCode,
    villageName: v.villageCode ? (names.villages.get(v.villageCode) ?? null) : null,
    view,
    person: p ? { id: p.id, title: p.title, firstName: p.firstName, lastName: p.lastName } : null,
    purpose: view === 'identified' ? v.purpose : null,
    followUpNeeded: storedRecord(v)?.followUpNeeded ?? null,
  };
}

function recordOf(v: VisitRow, view: View, names: Names): VisitRecord | null {
  const r = storedRecord(v);
  if (!r) return null;
  const open = view === 'identified';
  return {
    status: r.status,
    doneAt: r.doneAt,
    attendees: r.attendeeIds.map((id) => userRef(names, id)),
    activities: open ? r.activities : null,
    vitals: open ? r.vitals : null,
    notes: open ? r.notes : null,
    followUpNeeded: r.followUpNeeded,
    followUpNote: open ? r.followUpNote : null,
    recordedBy: userRef(names, r.recordedBy),
    recordedAt: r.recordedAt,
  };
}

function summaryOf(v: VisitRow, view: View, names: Names): VisitSummary {
  return {
    ...itemOf(v, view, names),
    personId: view === 'identified' ? v.personId : null,
    planActivityId: view === 'identified' ? v.planActivityId : null,
    planActivityTitle:
      view === 'identified' && v.planActivityId ? (names.activities.get(v.planActivityId) ?? null) : null,
    record: recordOf(v, view, names),
    version: v.version,
    createdAt: isoOf(v.createdAt),
    updatedAt: isoOf(v.updatedAt),
  };
}

/** One visit with its status history. */
export async function visitDto(db: Db, v: VisitRow, view: View): Promise<Visit> {
  const events = (await movesOf(db, 'visit', v.id)).map((m) => m.event);
  const names = await namesFor(
    db,
    [v],
    () => view === 'identified',
    events.flatMap((e) => (e.actorId ? [e.actorId] : [])),
  );
  return {
    ...summaryOf(v, view, names),
    history: events.map((e) => ({
      fromStatus: e.fromStatus as VisitStatus | null,
      toStatus: e.toStatus as VisitStatus,
      note: view === 'identified' ? e.note : null,
      actor: e.actorId ? userRef(names, e.actorId) : null,
      at: isoOf(e.at),
    })),
  };
}

/** A person's visits, all seen by name (the reader may read the person's history). */
export async function summaryDtos(db: Db, rows: VisitRow[]): Promise<VisitSummary[]> {
  const names = await namesFor(db, rows, () => true);
  return rows.map((v) => summaryOf(v, 'identified', names));
}

export async function calendarDtos(
  db: Db,
  rows: VisitRow[],
  viewOf: (v: VisitRow) => View,
  /** The people's names when the caller has read them already. */
  people?: Map<string, PersonNameRow>,
): Promise<CalendarItem[]> {
  const names = await namesFor(db, rows, (v) => viewOf(v) === 'identified', [], people);
  return rows.map((v) => itemOf(v, viewOf(v), names));
}

/** Warnings as a reader may see them: who the person is only when they may know it. */
export function presentWarnings(
  warnings: readonly VisitWarning[],
  identifiedPersons: ReadonlySet<string>,
): VisitWarningDto[] {
  return warnings.map(({ personId, ...w }) =>
    personId && identifiedPersons.has(personId) ? { ...w, personId } : w,
  );
}
