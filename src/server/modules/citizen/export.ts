import { placeOf } from '../../../core/policy/index.ts';
import { ensureAllowed } from '../../http/auth.ts';
import { audit } from '../audit/service.ts';
import { wholeCareTimeline } from '../careTimeline/service.ts';
import { mayReadNationalId } from '../groups/access.ts';
import { revisionsOf } from '../persons/repo.ts';
import { present } from '../persons/service.ts';
import { toScreeningDto } from '../screenings/dto.ts';
import { screeningsOfPerson } from '../screenings/repo.ts';
import { iso } from '../users/repo.ts';
import { plansForExport } from './plans.ts';
import {
  alertsAbout,
  assignmentsOf,
  consentRecordsOf,
  enrolmentsOf,
  householdOf,
  linksOfPerson,
} from './repo.ts';
import { auditPage, type CitizenContext, linkedPerson } from './service.ts';

const PAGE = 500;
const isoOrNull = (v: string | null) => (v ? iso(v) : null);

/**
 * `GET /me/data`: everything held about the person, for the person (or the
 * proxy they named) to keep — the record with the full national ID (it is
 * theirs), household, consents, changes, screenings with answers and scores,
 * well-being plans (every version, activity and progress report), the care
 * timeline (referrals, visits, rides, help given), alerts,
 * groups, assignments, links and the access log.
 */
export async function myData(c: CitizenContext, personId: string | undefined) {
  const { actor, person, relation } = await linkedPerson(c, personId);
  const db = c.db;
  const [shown] = await present({ db, actor, vault: c.vault, today: c.today }, [person]);
  const record = { ...shown! };
  if (person.nationalIdEnc && mayReadNationalId(actor, person, relation)) {
    record.nationalId = c.vault.decrypt(person.nationalIdEnc);
    record.nationalIdMasked = false;
  }

  // The person follows their own plan: the policy decides that too (it allows a linked account to read it).
  ensureAllowed(actor, { action: 'plan.read', areaCode: placeOf(person), relation });
  ensureAllowed(actor, { action: 'service.readHistory', areaCode: placeOf(person), relation });
  const [household, consentRows, revisions, alertRows, enrolments, assignments, links, plans] =
    await Promise.all([
      person.householdId ? householdOf(db, person.householdId) : undefined,
      consentRecordsOf(db, person.id),
      revisionsOf(db, person.id),
      alertsAbout(db, person.id),
      enrolmentsOf(db, person.id),
      assignmentsOf(db, person.id),
      linksOfPerson(db, person.id),
      plansForExport(db, person.id),
    ]);
  // What every partner did for them: referrals and their moves, visits, rides, help given.
  const careTimeline = await wholeCareTimeline(db, person.id);

  const screenings = [];
  for (let after: [string, string] | null = null; ; ) {
    const rows = await screeningsOfPerson(db, { personId: person.id, after, limit: PAGE });
    screenings.push(...rows.slice(0, PAGE).map(toScreeningDto));
    const last = rows[PAGE - 1];
    if (rows.length <= PAGE || !last) break;
    after = [last.takenAt, last.id];
  }

  const accessLog = [];
  for (let cursor: string | undefined; ; ) {
    const page = await auditPage(db, person.id, { limit: PAGE, cursor });
    accessLog.push(...page.items);
    if (!page.nextCursor) break;
    cursor = page.nextCursor;
  }

  const data = {
    exportedAt: new Date().toISOString(),
    format: 'toemsuk-my-data/1',
    person: record,
    household: household
      ? {
          id: household.id,
          address: {
            areaCode: household.areaCode,
            villageCode: household.villageCode,
            villageNo: household.villageNo,
            houseNo: household.houseNo,
            postcode: household.postcode,
          },
          housingType: household.housingType,
          relationToHead: person.relationToHead,
        }
      : null,
    consents: consentRows.map(({ consent: r, recordedByName }) => ({
      id: r.id,
      purpose: r.purpose,
      granted: r.granted,
      method: r.method,
      witnessName: r.witnessName,
      agencies: r.agencies,
      note: r.note,
      recordedBy: recordedByName,
      recordedAt: iso(r.recordedAt),
    })),
    revisions: revisions.map(({ revision: r, changedByName }) => ({
      version: r.version,
      changedBy: changedByName,
      changedAt: iso(r.changedAt),
      source: r.source,
      reason: r.reason,
      changes: r.changes as Record<string, unknown>,
    })),
    screenings,
    plans,
    careTimeline,
    alerts: alertRows.map(({ alert: a, recipientName }) => ({
      id: a.id,
      kind: a.kind,
      flag: a.flag,
      instrument: a.instrument,
      urgent: a.urgent,
      screeningId: a.screeningId,
      recipient: recipientName,
      createdAt: iso(a.createdAt),
      readAt: isoOrNull(a.readAt),
    })),
    groups: enrolments.map((g) => ({
      groupId: g.groupId,
      groupName: g.groupName,
      enrolledAt: iso(g.enrolledAt),
      dischargedAt: isoOrNull(g.dischargedAt),
      dischargeReason: g.dischargeReason,
    })),
    assignments: assignments.map((a) => ({
      groupId: a.groupId,
      groupName: a.groupName,
      assignee: a.assigneeName,
      organizationName: a.organizationName,
      assignedAt: iso(a.assignedAt),
      endedAt: isoOrNull(a.endedAt),
    })),
    links: links.map((l) => ({
      id: l.id,
      relation: l.relation,
      account: l.displayName,
      linkedAt: iso(l.linkedAt),
      revokedAt: isoOrNull(l.revokedAt),
    })),
    accessLog,
  };

  await audit(db, actor, {
    action: 'person.export',
    entity: 'person',
    entityId: person.id,
    areaCode: person.areaCode,
    subjectIds: [person.id],
    detail: {
      screenings: screenings.length,
      plans: plans.length,
      careTimeline: careTimeline.length,
      accessLog: accessLog.length,
    },
  });
  return data;
}

export type MyData = Awaited<ReturnType<typeof myData>>;
