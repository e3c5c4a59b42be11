/**
 * The API shapes of referrals for one reader. Who the person is shows as `taskView` (core/policy) allows:
 * by name when the reader may read the person anyway or the person shares with the reader's organisation;
 * otherwise only the village. The moves offered are the policy's and the transition rules' together.
 */

import { type Actor, decide, placeOf, type ServiceParty, taskView } from '../../../core/policy/index.ts';
import type {
  Referral,
  ReferralDetail,
  ReferralDiscipline,
  ReferralStatus,
  ReferralUrgency,
} from '../../../core/schemas/index.ts';
import { bangkokDate } from '../../../core/screenings/month.ts';
import { availableTransitions, isOverdue } from '../../../core/services/referral.ts';
import type { Db } from '../../db/client.ts';
import { areaNames } from '../areas/repo.ts';
import { filterAccessible } from '../groups/access.ts';
import { organizationNames } from '../organizations/repo.ts';
import { findPlan, findScreeningRow, isCurrent, planActivitiesOf } from '../plans/repo.ts';
import { isoOf } from '../screenings/iso.ts';
import { movesOf } from '../serviceEvents/repo.ts';
import type { ReferralBus } from './bus.ts';
import { type PersonBrief, personsByIds, type ReferralRow, sharingWith, userNames } from './repo.ts';

export interface ReferralContext {
  db: Db;
  actor: Actor;
  now: Date;
  bus: ReferralBus;
}

export const accessOf = (c: ReferralContext) => ({ db: c.db, actor: c.actor, today: bangkokDate(c.now) });

/** The two sides of a referral and the person's place when referred, as the policy judges them. */
export const partyOf = (r: ReferralRow): ServiceParty => ({
  fromUserId: r.fromUserId,
  toOrganizationId: r.toOrganizationId,
  place: placeOf(r),
});

/** What `shared` holds: the screening and plan sent along. */
export interface Shared {
  screeningId?: string;
  planId?: string;
}

export function movesFor(actor: Actor, r: ReferralRow) {
  const party = partyOf(r);
  return availableTransitions(r.status as ReferralStatus, {
    respond: decide(actor, { action: 'referral.respond', referral: party }).allow,
    withdraw: decide(actor, { action: 'referral.withdraw', referral: party }).allow,
  }) as Referral['allowedTransitions'];
}

/** The people behind `rows` the reader sees by name. */
async function identifiedOf(c: ReferralContext, people: PersonBrief[]): Promise<Set<string>> {
  const readable = await filterAccessible(accessOf(c), 'person.read', people);
  const org = c.actor.organizationId;
  const sharing = org
    ? await sharingWith(
        c.db,
        org,
        people.map((p) => p.id),
      )
    : new Set<string>();
  const mayRead = new Set(readable.map((p) => p.id));
  return new Set(
    people
      .filter(
        (p) =>
          taskView({ mayReadPerson: mayRead.has(p.id), shareAgencies: sharing.has(p.id) }) === 'identified',
      )
      .map((p) => p.id),
  );
}

export async function toDtos(c: ReferralContext, rows: ReferralRow[]): Promise<Referral[]> {
  if (rows.length === 0) return [];
  const people = await personsByIds(
    c.db,
    rows.map((r) => r.personId),
  );
  const [identified, orgs, names, villages] = await Promise.all([
    identifiedOf(c, [...people.values()]),
    organizationNames(
      c.db,
      rows.flatMap((r) => [r.fromOrganizationId, r.toOrganizationId]),
    ),
    userNames(
      c.db,
      rows.flatMap((r) => [r.fromUserId, r.assignedUserId]),
    ),
    areaNames(
      c.db,
      rows.map((r) => r.villageCode),
    ),
  ]);
  const named = (id: string, from: Map<string, string>) => ({ id, name: from.get(id) ?? '' });
  return rows.map((r) => {
    const person = people.get(r.personId);
    const shown = person && identified.has(person.id);
    const dueAt = isoOf(r.dueAt);
    const status = r.status as ReferralStatus;
    return {
      id: r.id,
      view: shown ? 'identified' : 'pseudonymous',
      person: shown
        ? {
            id: person.id,
            firstName: person.firstName,
            lastName: person.lastName,
            sex: person.sex,
            birthDate: person.birthDate,
          }
        : null,
      areaCode: r.areaCode,
      villageCode: r.villageCode,
      villageName: r.villageCode ? (villages.get(r.villageCode) ?? null) : null,
      fromUser: named(r.fromUserId, names),
      fromOrganization: r.fromOrganizationId ? named(r.fromOrganizationId, orgs) : null,
      toOrganization: named(r.toOrganizationId, orgs),
      disciplines: r.disciplines as ReferralDiscipline[],
      reason: r.reason,
      urgency: r.urgency as ReferralUrgency,
      status,
      dueAt,
      overdue: isOverdue({ status, dueAt }, c.now),
      closedAt: r.closedAt ? isoOf(r.closedAt) : null,
      assignedUser: r.assignedUserId ? named(r.assignedUserId, names) : null,
      version: r.version,
      createdAt: isoOf(r.createdAt),
      updatedAt: isoOf(r.updatedAt),
      allowedTransitions: movesFor(c.actor, r),
    };
  });
}

/** One referral with its history and the screening and plan it shares, in brief. */
export async function toDetail(c: ReferralContext, r: ReferralRow): Promise<ReferralDetail> {
  const [[base], events, shared] = await Promise.all([
    toDtos(c, [r]),
    movesOf(c.db, 'referral', r.id),
    sharedOf(c.db, r),
  ]);
  return {
    ...base!,
    history: events.map(({ event: e, actorName }) => ({
      id: e.id,
      fromStatus: e.fromStatus as ReferralStatus | null,
      toStatus: e.toStatus as ReferralStatus,
      note: e.note,
      actor: e.actorId ? { id: e.actorId, name: actorName ?? '' } : null,
      at: isoOf(e.at),
    })),
    shared,
  };
}

/**
 * The screening and plan the sender chose to send, as they are now: levels and flags of the screening
 * (never its answers), and the plan's current activities. Checked against the person when sent.
 */
async function sharedOf(db: Db, r: ReferralRow): Promise<ReferralDetail['shared']> {
  const ids = r.shared as Shared;
  const [screening, plan] = await Promise.all([
    ids.screeningId ? findScreeningRow(db, ids.screeningId) : undefined,
    ids.planId ? findPlan(db, ids.planId) : undefined,
  ]);
  let planBrief: ReferralDetail['shared']['plan'] = null;
  if (plan && plan.personId === r.personId) {
    const activities = (await planActivitiesOf(db, plan.id)).filter(isCurrent);
    const orgs = await organizationNames(
      db,
      activities.map((a) => a.organizationId),
    );
    planBrief = {
      id: plan.id,
      version: plan.version,
      status: plan.status,
      startsOn: plan.startsOn,
      activities: activities.map((a) => ({
        id: a.id,
        title: a.title,
        dimension: a.dimension,
        responsible: a.responsible,
        organizationName: a.organizationId ? (orgs.get(a.organizationId) ?? null) : null,
      })),
    };
  }
  return {
    screening:
      screening && screening.personId === r.personId
        ? {
            id: screening.id,
            instrument: screening.instrument,
            takenAt: isoOf(screening.takenAt),
            levels: screening.levels as Record<string, string>,
            flags: screening.flags,
          }
        : null,
    plan: planBrief,
  };
}
