import type { GroupRole } from '../schemas/group.ts';
import type { Role } from '../schemas/user.ts';
import { type Actor, citizenOnly, hasRole, inScope } from './actor.ts';
import { groupView, liveGrants, type PersonRelation } from './relation.ts';

/**
 * The one access-control choke point. Every module asks here, never decides
 * for itself. A denial says which status to answer: 404 where answering 403
 * would tell the caller that the record exists.
 */
export type Decision = { allow: true } | { allow: false; status: 403 | 404 };

export type Request =
  | { action: 'area.read' }
  | { action: 'area.createVillage'; areaCode: string }
  | { action: 'organization.read' }
  | { action: 'organization.create'; areaCode: string }
  | { action: 'organization.update'; areaCode: string }
  | { action: 'user.list' }
  | { action: 'user.read'; target: UserTarget }
  | { action: 'user.create'; target: UserTarget }
  | { action: 'user.update'; target: UserTarget; next?: UserTarget }
  | { action: 'user.resetPassword'; target: UserTarget }
  | { action: 'audit.read' }
  | { action: 'person.create'; areaCode: string }
  | { action: PersonAction; areaCode: string; relation?: PersonRelation }
  | { action: 'person.merge'; areaCode: string }
  | { action: 'import.create'; areaCode: string }
  | { action: 'import.start' }
  | { action: 'import.read'; createdBy: string | null }
  | { action: 'instrument.read' }
  | { action: 'inbox.read' }
  | { action: 'group.list' }
  | { action: 'group.create'; areaCode: string }
  | { action: GroupAction; areaCode: string; role: GroupRole | null }
  | { action: 'me.link' }
  | { action: 'inbox.item'; recipientId: string }
  | { action: 'activity.read' }
  | { action: 'activity.create'; areaCode: string | null }
  | { action: ActivityGroupAction; areaCode: string; organizationId: string | null }
  | { action: 'task.read' | 'task.progress'; organizationId: string | null }
  | { action: ReportAction; areaCode: string }
  | { action: 'referral.read' | 'referral.respond' | 'referral.withdraw'; referral: ServiceParty }
  | { action: 'transport.read' | 'transport.respond' | 'transport.cancel'; transport: ServiceParty }
  | { action: 'visit.read' | 'visit.record'; visit: VisitParty }
  | { action: 'calendar.read'; calendar: CalendarOwner }
  | { action: 'assistance.report'; areaCode: string }
  | { action: 'assistance.organization'; organizationId: string };

/**
 * The two sides of a referral or a transport request (issue 8): who sent it, the organisation that
 * receives (or drives) it, and the person's place, for the area's own team.
 */
export interface ServiceParty {
  fromUserId: string;
  toOrganizationId: string;
  /** The person's village when known, else their subdistrict (`placeOf`). */
  place: string;
}

/** A visit or appointment: its organisation, the users sent, and the person's place. */
export interface VisitParty {
  organizationId: string | null;
  assigneeIds: readonly string[];
  place: string;
}

/** Whose calendar: an organisation's, one user's, or an area's. */
export type CalendarOwner =
  | { kind: 'organization'; organizationId: string }
  | { kind: 'user'; userId: string; areaCodes: readonly string[] }
  | { kind: 'area'; areaCode: string };

/**
 * Area statistics (issue 7): `report.read` the figures; `report.identified` them unsuppressed
 * (whoever may read the area's people anyway); `report.listPersons` the people behind a number.
 */
export type ReportAction = 'report.read' | 'report.identified' | 'report.listPersons';

/** Actions on one person's record, judged with what groups and links give the actor over them. */
export type PersonAction =
  | 'person.read'
  | 'person.update'
  | 'person.readNationalId'
  | 'person.audit'
  | 'person.linkCode'
  | 'consent.record'
  | 'screening.create'
  | 'screening.read'
  | 'screening.update'
  /** Individual well-being plans (DOMAIN.md steps 7–9): read, report monthly progress, make or adjust. */
  | 'plan.read'
  | 'plan.progress'
  | 'plan.write'
  /** Coordinated services (issue 8), all started from the person's record. */
  | 'referral.create'
  | 'transport.request'
  | 'visit.schedule'
  | 'assistance.record'
  /** What the person has been given, and their referrals, visits and rides. */
  | 'service.readHistory';

/** A group activity (an exercise club): its members and attendance. */
export type ActivityGroupAction = 'activityGroup.read' | 'activityGroup.manage';

/** Actions inside one closed group, judged with the actor's role in it (null: not a member). */
export type GroupAction = 'group.read' | 'group.manage' | 'group.listPersons';

export interface UserTarget {
  id?: string;
  roles: readonly Role[];
  areaCodes: readonly string[];
  organizationId: string | null;
}

const ALLOW: Decision = { allow: true };
const FORBIDDEN: Decision = { allow: false, status: 403 };
const HIDDEN: Decision = { allow: false, status: 404 };

/** Roles an area admin may hand out; operator and area admin need an operator. */
const DELEGABLE: readonly Role[] = [
  'agency_member',
  'social_worker',
  'volunteer',
  'caregiver',
  'committee_viewer',
  'citizen',
];

/** Roles that register and follow up people in their own areas (DOMAIN.md step 3). */
const FIELD_ROLES: readonly Role[] = [
  'area_admin',
  'agency_member',
  'social_worker',
  'volunteer',
  'caregiver',
];

export function decide(actor: Actor | null, req: Request): Decision {
  if (!actor) return { allow: false, status: 404 };
  // An import job holds the people of its file: only its uploader and operators see it.
  if (req.action === 'import.read') {
    return hasRole(actor, 'operator') || req.createdBy === actor.userId ? ALLOW : HIDDEN;
  }
  // An inbox item is its recipient's alone: not even the platform operator reads or marks another's.
  if (req.action === 'inbox.item') return req.recipientId === actor.userId ? ALLOW : HIDDEN;
  // The full national ID is for the area's admins and the person themself: not even the platform operator.
  if (req.action === 'person.readNationalId') {
    if (req.relation?.linked) return ALLOW;
    return hasRole(actor, 'area_admin') && inScope(actor, req.areaCode) ? ALLOW : FORBIDDEN;
  }
  if (hasRole(actor, 'operator')) return ALLOW;

  switch (req.action) {
    case 'area.read':
    case 'organization.read':
    case 'instrument.read':
    case 'inbox.read':
    case 'group.list':
    case 'me.link':
    case 'activity.read':
      return ALLOW;
    // The platform's library is the operator's (above); an area admin adds their area's own activities.
    case 'activity.create':
      return req.areaCode !== null && hasRole(actor, 'area_admin') && inScope(actor, req.areaCode)
        ? ALLOW
        : FORBIDDEN;
    case 'activityGroup.read':
    case 'activityGroup.manage':
      return decideActivityGroup(actor, req.action, req.areaCode, req.organizationId);
    // An organisation's task list: the plan activities it is responsible for (see `taskView`).
    case 'task.read':
    case 'task.progress':
      return actor.organizationId !== null && req.organizationId === actor.organizationId ? ALLOW : HIDDEN;
    case 'area.createVillage':
    case 'organization.create':
    case 'organization.update':
      return hasRole(actor, 'area_admin') && inScope(actor, req.areaCode) ? ALLOW : FORBIDDEN;
    case 'user.list':
      return hasRole(actor, 'area_admin') ? ALLOW : FORBIDDEN;
    case 'user.read':
      if (req.target.id === actor.userId) return ALLOW;
      return adminManages(actor, req.target) ? ALLOW : HIDDEN;
    case 'user.create':
      return adminManages(actor, req.target) ? ALLOW : FORBIDDEN;
    case 'user.update':
    case 'user.resetPassword': {
      if (!adminManages(actor, req.target)) return req.target.id === actor.userId ? FORBIDDEN : HIDDEN;
      if (req.action === 'user.update' && req.next && !adminManages(actor, req.next)) return FORBIDDEN;
      return ALLOW;
    }
    case 'audit.read':
      return FORBIDDEN;
    case 'person.create':
      return fieldWorkerIn(actor, req.areaCode) ? ALLOW : FORBIDDEN;
    case 'person.read':
    case 'person.update':
    case 'person.audit':
    case 'person.linkCode':
    case 'consent.record':
    case 'screening.create':
    case 'screening.read':
    case 'screening.update':
    case 'plan.read':
    case 'plan.progress':
    case 'plan.write':
    case 'referral.create':
    case 'transport.request':
    case 'visit.schedule':
    case 'assistance.record':
    case 'service.readHistory':
      return decidePerson(actor, req.action, req.areaCode, req.relation);
    case 'referral.read':
    case 'referral.respond':
    case 'referral.withdraw':
      return decideService(actor, req.action, req.referral);
    case 'transport.read':
    case 'transport.respond':
    case 'transport.cancel':
      return decideService(actor, req.action, req.transport);
    case 'visit.read':
    case 'visit.record':
      return decideVisit(actor, req.visit);
    case 'calendar.read':
      return decideCalendar(actor, req.calendar);
    // The ledger's totals hold no names: whoever reads the area's statistics reads them.
    case 'assistance.report':
      return inScope(actor, req.areaCode) && hasRole(actor, ...FIELD_ROLES, 'committee_viewer')
        ? ALLOW
        : FORBIDDEN;
    case 'assistance.organization':
      return actor.organizationId === req.organizationId ? ALLOW : FORBIDDEN;
    case 'group.create':
      return hasRole(actor, 'area_admin') && inScope(actor, req.areaCode) ? ALLOW : FORBIDDEN;
    case 'group.read':
    case 'group.manage':
    case 'group.listPersons':
      return decideGroup(actor, req.action, req.areaCode, req.role);
    case 'import.start':
      return hasRole(actor, 'area_admin') && actor.areaCodes.length > 0 ? ALLOW : FORBIDDEN;
    // Committees read their area's statistics, small cells hidden; the field team reads them whole;
    // only the area's admins see who is behind a number (DOMAIN.md step 5).
    case 'report.read':
      return inScope(actor, req.areaCode) && hasRole(actor, ...FIELD_ROLES, 'committee_viewer')
        ? ALLOW
        : FORBIDDEN;
    case 'report.identified':
      return fieldWorkerIn(actor, req.areaCode) ? ALLOW : FORBIDDEN;
    case 'report.listPersons':
    case 'person.merge':
    case 'import.create':
      return hasRole(actor, 'area_admin') && inScope(actor, req.areaCode) ? ALLOW : FORBIDDEN;
  }
}

/**
 * Three ways to a person's record: the area's own registry team (accounts an
 * admin scoped to the area), a closed group that enrolled them (DOMAIN.md
 * step 5), or being the person (or their named proxy). Whoever may not read
 * the person gets 404, so existence does not leak.
 */
function decidePerson(
  actor: Actor,
  action: PersonAction,
  areaCode: string,
  relation: PersonRelation | undefined,
): Decision {
  const grants = liveGrants(relation);
  const groupAdmin = grants.some((g) => g.role === 'admin');
  const assigned = grants.some((g) => groupView(g.role, g.assigned) === 'identified');
  const area = fieldWorkerIn(actor, areaCode);
  const linked = relation?.linked === true;
  const canRead = area || assigned || linked;
  if (!canRead) return HIDDEN;

  switch (action) {
    case 'person.read':
    case 'screening.read':
    case 'screening.create':
    case 'consent.record':
      return ALLOW;
    // Corrections are self-reported when the person makes them (the server marks them).
    case 'person.update':
      return ALLOW;
    // Staff correct a screening; the person repeats it instead.
    case 'screening.update':
    case 'person.linkCode':
      return area || assigned ? ALLOW : FORBIDDEN;
    // Who looked at the data: the area's admins, the group's admins and the person themself.
    case 'person.audit':
      return (hasRole(actor, 'area_admin') && inScope(actor, areaCode)) || groupAdmin || linked
        ? ALLOW
        : FORBIDDEN;
    case 'person.readNationalId':
      return FORBIDDEN;
    // The person follows their own plan (DOMAIN.md "who uses it"): they read it and report progress,
    // themselves or through their proxy; the area team and the group's identified members make and
    // adjust it with them.
    case 'plan.read':
    case 'plan.progress':
      return ALLOW;
    case 'plan.write':
      return area || assigned ? ALLOW : FORBIDDEN;
    // Sending a case on, booking a visit or a ride, or recording help is staff work on the case.
    case 'referral.create':
    case 'transport.request':
    case 'visit.schedule':
    case 'assistance.record':
      return area || assigned ? ALLOW : FORBIDDEN;
    // The person owns the record of what was done for them (DOMAIN.md): they read it too.
    case 'service.readHistory':
      return ALLOW;
  }
}

/**
 * A referral or ride is seen by its sender, by the receiving organisation and by the person's own
 * area team (who follow the case on its timeline); only the receiver moves it on, and only the
 * sender or the area's admins withdraw it. Anyone else: 404.
 */
function decideService(
  actor: Actor,
  action: 'referral.read' | 'referral.respond' | 'referral.withdraw' | TransportAction,
  party: ServiceParty,
): Decision {
  const sender = party.fromUserId === actor.userId;
  // A citizen's own account is never a team member, whatever organisation it was attached to.
  const receiver =
    actor.organizationId !== null &&
    actor.organizationId === party.toOrganizationId &&
    !citizenOnly(actor.roles);
  const areaTeam = fieldWorkerIn(actor, party.place);
  const areaAdmin = hasRole(actor, 'area_admin') && inScope(actor, party.place);
  if (!sender && !receiver && !areaTeam && !areaAdmin) return HIDDEN;
  switch (action) {
    case 'referral.read':
    case 'transport.read':
      return ALLOW;
    case 'referral.respond':
    case 'transport.respond':
      return receiver && hasRole(actor, ...FIELD_ROLES) ? ALLOW : FORBIDDEN;
    case 'referral.withdraw':
    case 'transport.cancel':
      return sender || areaAdmin ? ALLOW : FORBIDDEN;
  }
}

type TransportAction = 'transport.read' | 'transport.respond' | 'transport.cancel';

/** A visit is its organisation's, its assignees' and the person's area team's to read and record. */
function decideVisit(actor: Actor, visit: VisitParty): Decision {
  const assigned = visit.assigneeIds.includes(actor.userId);
  const organization = visit.organizationId !== null && actor.organizationId === visit.organizationId;
  return assigned || organization || fieldWorkerIn(actor, visit.place) ? ALLOW : HIDDEN;
}

/**
 * Calendars: an organisation's members see theirs; a user sees their own, and an area admin sees
 * the users they manage; the field team sees their area's.
 */
function decideCalendar(actor: Actor, calendar: CalendarOwner): Decision {
  switch (calendar.kind) {
    case 'organization':
      return actor.organizationId === calendar.organizationId ? ALLOW : FORBIDDEN;
    case 'user':
      if (calendar.userId === actor.userId) return ALLOW;
      return hasRole(actor, 'area_admin') &&
        calendar.areaCodes.length > 0 &&
        calendar.areaCodes.every((code) => inScope(actor, code))
        ? ALLOW
        : FORBIDDEN;
    case 'area':
      return fieldWorkerIn(actor, calendar.areaCode) ? ALLOW : FORBIDDEN;
  }
}

/**
 * Group activities belong to the area: its field team and admins run them; the organisation
 * responsible for one sees and records it too. Anyone else: 404.
 */
function decideActivityGroup(
  actor: Actor,
  action: ActivityGroupAction,
  areaCode: string,
  organizationId: string | null,
): Decision {
  const area = fieldWorkerIn(actor, areaCode);
  const responsible = organizationId !== null && actor.organizationId === organizationId;
  if (!area && !responsible) return HIDDEN;
  switch (action) {
    case 'activityGroup.read':
    case 'activityGroup.manage':
      return ALLOW;
  }
}

/**
 * How an organisation's task list shows the person behind a plan activity it owes (decided
 * 2026-11-25, "plans"): by name only when the member may read the person anyway (area team,
 * identified group member) or the person's current consent to share with agencies (`share_agencies`)
 * names this organisation;
 * otherwise pseudonymously — the village, the activity and its progress, never who it is. The task
 * itself is the organisation's to see either way: it has to deliver it.
 */
export function taskView(input: {
  mayReadPerson: boolean;
  shareAgencies: boolean;
}): 'identified' | 'pseudonymous' {
  return input.mayReadPerson || input.shareAgencies ? 'identified' : 'pseudonymous';
}

/** Members see their group; its admins and the area's admins run it; viewers see aggregates only. */
function decideGroup(actor: Actor, action: GroupAction, areaCode: string, role: GroupRole | null): Decision {
  const areaAdmin = hasRole(actor, 'area_admin') && inScope(actor, areaCode);
  if (!role && !areaAdmin) return HIDDEN;
  switch (action) {
    case 'group.read':
      return ALLOW;
    case 'group.manage':
      return areaAdmin || role === 'admin' ? ALLOW : FORBIDDEN;
    case 'group.listPersons':
      return areaAdmin || (role !== null && role !== 'viewer') ? ALLOW : FORBIDDEN;
  }
}

/** An area admin manages non-admin accounts whose every area lies inside the admin's areas. */
function adminManages(actor: Actor, target: UserTarget): boolean {
  if (!hasRole(actor, 'area_admin')) return false;
  if (target.id === actor.userId) return false;
  if (!target.roles.every((r) => DELEGABLE.includes(r))) return false;
  if (target.areaCodes.length === 0) return false;
  return target.areaCodes.every((code) => inScope(actor, code));
}

function fieldWorkerIn(actor: Actor, areaCode: string): boolean {
  return hasRole(actor, ...FIELD_ROLES) && inScope(actor, areaCode);
}

/**
 * Which areas' people an actor may list: every area for an operator, their
 * own areas for field roles, none for anyone else. Lists narrow by this in
 * SQL; `decide` still checks each row.
 */
export function registryScope(actor: Actor): 'all' | readonly string[] {
  if (hasRole(actor, 'operator')) return 'all';
  return hasRole(actor, ...FIELD_ROLES) ? actor.areaCodes : [];
}
