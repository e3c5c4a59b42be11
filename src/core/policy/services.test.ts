/**
 * The policy of coordinated services (issue 8): referrals, transport requests, visits, calendars and the
 * assistance ledger. One table per kind of decision; each row says who asks and what they get.
 */
import { describe, expect, it } from 'vitest';
import type { GroupRole } from '../schemas/group.ts';
import type { Role } from '../schemas/user.ts';
import type { Actor } from './actor.ts';
import { type CalendarOwner, type Decision, decide, type ServiceParty, type VisitParty } from './decide.ts';
import type { GroupGrant, PersonRelation } from './relation.ts';

const actor = (
  roles: Role[],
  areaCodes: string[] = [],
  organizationId: string | null = null,
  userId = 'me',
): Actor => ({ userId, roles, organizationId, areaCodes });

const allow: Decision = { allow: true };
const deny403: Decision = { allow: false, status: 403 };
const deny404: Decision = { allow: false, status: 404 };

/** Village 1 of Pa Khad. */
const PLACE = '90150801';
const grant = (role: GroupRole, over: Partial<GroupGrant> = {}): PersonRelation => ({
  groups: [{ groupId: 'g1', role, assigned: false, active: true, consentToShare: true, ...over }],
  linked: false,
});
const none: PersonRelation = { groups: [], linked: false };
const self: PersonRelation = { groups: [], linked: true };

describe('starting a service from a person’s record', () => {
  const STAFF_ACTIONS = [
    'referral.create',
    'transport.request',
    'visit.schedule',
    'assistance.record',
  ] as const;
  type Expect = { staff: Decision; history: Decision };
  const rows: [string, Actor, PersonRelation, Expect][] = [
    [
      'area admin of the subdistrict',
      actor(['area_admin'], ['901508']),
      none,
      { staff: allow, history: allow },
    ],
    ['volunteer of the village', actor(['volunteer'], [PLACE]), none, { staff: allow, history: allow }],
    [
      'caregiver of the subdistrict',
      actor(['caregiver'], ['901508']),
      none,
      { staff: allow, history: allow },
    ],
    [
      'social worker of the district',
      actor(['social_worker'], ['9015']),
      none,
      { staff: allow, history: allow },
    ],
    [
      'volunteer of another village',
      actor(['volunteer'], ['90150802']),
      none,
      { staff: deny404, history: deny404 },
    ],
    [
      'volunteer of another subdistrict',
      actor(['volunteer'], ['901501']),
      none,
      { staff: deny404, history: deny404 },
    ],
    ['group admin', actor(['social_worker']), grant('admin'), { staff: allow, history: allow }],
    [
      'group case worker, assigned',
      actor(['social_worker']),
      grant('case_worker', { assigned: true }),
      { staff: allow, history: allow },
    ],
    [
      'group case worker, not assigned',
      actor(['social_worker']),
      grant('case_worker'),
      { staff: deny404, history: deny404 },
    ],
    ['group viewer', actor(['committee_viewer']), grant('viewer'), { staff: deny404, history: deny404 }],
    [
      'group admin of an ended group',
      actor(['social_worker']),
      grant('admin', { active: false }),
      { staff: deny404, history: deny404 },
    ],
    [
      'group admin after consent was withdrawn',
      actor(['social_worker']),
      grant('admin', { consentToShare: false }),
      { staff: deny404, history: deny404 },
    ],
    [
      'committee viewer of the district',
      actor(['committee_viewer'], ['9015']),
      none,
      { staff: deny404, history: deny404 },
    ],
    [
      'agency member without an area',
      actor(['agency_member'], [], 'org-b'),
      none,
      { staff: deny404, history: deny404 },
    ],
    ['the person (linked citizen)', actor(['citizen']), self, { staff: deny403, history: allow }],
    ['a citizen not linked', actor(['citizen'], [PLACE]), none, { staff: deny404, history: deny404 }],
    ['operator', actor(['operator']), none, { staff: allow, history: allow }],
  ];
  for (const [who, a, relation, expected] of rows) {
    it(who, () => {
      for (const action of STAFF_ACTIONS) {
        expect(decide(a, { action, areaCode: PLACE, relation }), action).toEqual(expected.staff);
      }
      expect(decide(a, { action: 'service.readHistory', areaCode: PLACE, relation })).toEqual(
        expected.history,
      );
    });
  }

  it('nobody signed in gets 404', () => {
    for (const action of [...STAFF_ACTIONS, 'service.readHistory'] as const) {
      expect(decide(null, { action, areaCode: PLACE }), action).toEqual(deny404);
    }
  });
});

describe('the two sides of a referral or a ride', () => {
  const party: ServiceParty = { fromUserId: 'sender', toOrganizationId: 'org-b', place: PLACE };
  type Expect = { read: Decision; respond: Decision; withdraw: Decision };
  const rows: [string, Actor, Expect][] = [
    [
      'the sender (village volunteer)',
      actor(['volunteer'], [PLACE], 'org-a', 'sender'),
      { read: allow, respond: deny403, withdraw: allow },
    ],
    [
      'the sender, moved to another area since',
      actor(['volunteer'], ['901501'], 'org-a', 'sender'),
      { read: allow, respond: deny403, withdraw: allow },
    ],
    [
      'a social worker of the receiving organisation',
      actor(['social_worker'], [], 'org-b'),
      { read: allow, respond: allow, withdraw: deny403 },
    ],
    [
      'an agency member of the receiving organisation',
      actor(['agency_member'], [], 'org-b'),
      { read: allow, respond: allow, withdraw: deny403 },
    ],
    [
      'a committee viewer of the receiving organisation (reads, does not act)',
      actor(['committee_viewer'], [], 'org-b'),
      { read: allow, respond: deny403, withdraw: deny403 },
    ],
    [
      'a citizen account attached to the receiving organisation (not a team member)',
      actor(['citizen'], [], 'org-b'),
      { read: deny404, respond: deny404, withdraw: deny404 },
    ],
    [
      'a sender inside the receiving organisation (a referral within the team)',
      actor(['social_worker'], [], 'org-b', 'sender'),
      { read: allow, respond: allow, withdraw: allow },
    ],
    [
      'the area admin of the person’s subdistrict',
      actor(['area_admin'], ['901508'], 'org-a'),
      { read: allow, respond: deny403, withdraw: allow },
    ],
    [
      'another volunteer of the person’s village (follows the case)',
      actor(['volunteer'], [PLACE], 'org-a'),
      { read: allow, respond: deny403, withdraw: deny403 },
    ],
    [
      'a member of another organisation',
      actor(['social_worker'], [], 'org-c'),
      { read: deny404, respond: deny404, withdraw: deny404 },
    ],
    [
      'a volunteer of another village',
      actor(['volunteer'], ['90150802']),
      { read: deny404, respond: deny404, withdraw: deny404 },
    ],
    [
      'an area admin of another subdistrict',
      actor(['area_admin'], ['901501']),
      { read: deny404, respond: deny404, withdraw: deny404 },
    ],
    [
      'a committee viewer of the district',
      actor(['committee_viewer'], ['9015']),
      { read: deny404, respond: deny404, withdraw: deny404 },
    ],
    [
      'a citizen with no organisation',
      actor(['citizen']),
      { read: deny404, respond: deny404, withdraw: deny404 },
    ],
    ['operator', actor(['operator']), { read: allow, respond: allow, withdraw: allow }],
  ];

  for (const [who, a, expected] of rows) {
    it(`referral: ${who}`, () => {
      expect({
        read: decide(a, { action: 'referral.read', referral: party }),
        respond: decide(a, { action: 'referral.respond', referral: party }),
        withdraw: decide(a, { action: 'referral.withdraw', referral: party }),
      }).toEqual(expected);
    });
    it(`transport: ${who}`, () => {
      expect({
        read: decide(a, { action: 'transport.read', transport: party }),
        respond: decide(a, { action: 'transport.respond', transport: party }),
        withdraw: decide(a, { action: 'transport.cancel', transport: party }),
      }).toEqual(expected);
    });
  }

  it('an actor without an organisation is never the receiver, even of a party with a blank one', () => {
    const odd: ServiceParty = { fromUserId: 'sender', toOrganizationId: '', place: PLACE };
    expect(decide(actor(['social_worker']), { action: 'referral.respond', referral: odd })).toEqual(deny404);
  });

  it('nobody signed in gets 404', () => {
    expect(decide(null, { action: 'referral.read', referral: party })).toEqual(deny404);
    expect(decide(null, { action: 'transport.read', transport: party })).toEqual(deny404);
  });
});

describe('visits', () => {
  const visit: VisitParty = { organizationId: 'org-b', assigneeIds: ['nurse'], place: PLACE };
  const rows: [string, Actor, Decision][] = [
    ['an assignee from another organisation', actor(['volunteer'], ['901501'], 'org-c', 'nurse'), allow],
    ['a member of the visiting organisation', actor(['agency_member'], [], 'org-b'), allow],
    ['the village volunteer', actor(['volunteer'], [PLACE]), allow],
    ['the area admin', actor(['area_admin'], ['901508']), allow],
    ['a volunteer of another village', actor(['volunteer'], ['90150802']), deny404],
    ['a member of another organisation', actor(['social_worker'], [], 'org-c'), deny404],
    ['a committee viewer of the district', actor(['committee_viewer'], ['9015']), deny404],
    ['a citizen', actor(['citizen'], [PLACE]), deny404],
    ['operator', actor(['operator']), allow],
  ];
  for (const [who, a, expected] of rows) {
    it(who, () => {
      expect(decide(a, { action: 'visit.read', visit })).toEqual(expected);
      expect(decide(a, { action: 'visit.record', visit })).toEqual(expected);
    });
  }

  it('a visit without an organisation is not every organisation-less account’s', () => {
    const adHoc: VisitParty = { organizationId: null, assigneeIds: [], place: PLACE };
    expect(decide(actor(['social_worker']), { action: 'visit.read', visit: adHoc })).toEqual(deny404);
    expect(decide(actor(['volunteer'], [PLACE]), { action: 'visit.read', visit: adHoc })).toEqual(allow);
  });
});

describe('calendars', () => {
  const ask = (a: Actor | null, calendar: CalendarOwner) => decide(a, { action: 'calendar.read', calendar });
  const org: CalendarOwner = { kind: 'organization', organizationId: 'org-b' };

  it('an organisation’s calendar is its members’', () => {
    expect(ask(actor(['agency_member'], [], 'org-b'), org)).toEqual(allow);
    expect(ask(actor(['citizen'], [], 'org-b'), org)).toEqual(allow);
    expect(ask(actor(['agency_member'], [], 'org-c'), org)).toEqual(deny403);
    expect(ask(actor(['area_admin'], ['901508']), org)).toEqual(deny403);
  });

  it('a user’s calendar is their own, and their area admin’s', () => {
    const volunteer: CalendarOwner = { kind: 'user', userId: 'vol', areaCodes: [PLACE] };
    expect(ask(actor(['volunteer'], [PLACE], null, 'vol'), volunteer)).toEqual(allow);
    expect(ask(actor(['volunteer'], [PLACE]), volunteer)).toEqual(deny403);
    expect(ask(actor(['area_admin'], ['901508']), volunteer)).toEqual(allow);
    expect(ask(actor(['area_admin'], ['901501']), volunteer)).toEqual(deny403);
    // Every area of the user must be the admin's; a user with no area is nobody's to watch.
    const spread: CalendarOwner = { kind: 'user', userId: 'vol', areaCodes: [PLACE, '901501'] };
    expect(ask(actor(['area_admin'], ['901508']), spread)).toEqual(deny403);
    const nowhere: CalendarOwner = { kind: 'user', userId: 'vol', areaCodes: [] };
    expect(ask(actor(['area_admin'], ['901508']), nowhere)).toEqual(deny403);
  });

  it('an area’s calendar is its field team’s', () => {
    const area: CalendarOwner = { kind: 'area', areaCode: '901508' };
    expect(ask(actor(['caregiver'], ['901508']), area)).toEqual(allow);
    expect(ask(actor(['social_worker'], ['9015']), area)).toEqual(allow);
    expect(ask(actor(['volunteer'], [PLACE]), area)).toEqual(deny403);
    expect(ask(actor(['committee_viewer'], ['901508']), area)).toEqual(deny403);
    expect(ask(actor(['volunteer'], ['901501']), area)).toEqual(deny403);
  });

  it('the operator reads every calendar; nobody signed in none', () => {
    expect(ask(actor(['operator']), org)).toEqual(allow);
    expect(ask(null, org)).toEqual(deny404);
  });
});

describe('assistance totals', () => {
  it('an area’s totals: its field team and committee', () => {
    const ask = (a: Actor) => decide(a, { action: 'assistance.report', areaCode: '901508' });
    expect(ask(actor(['committee_viewer'], ['9015']))).toEqual(allow);
    expect(ask(actor(['volunteer'], ['901508']))).toEqual(allow);
    expect(ask(actor(['area_admin'], ['901508']))).toEqual(allow);
    expect(ask(actor(['committee_viewer'], ['901501']))).toEqual(deny403);
    expect(ask(actor(['citizen'], ['901508']))).toEqual(deny403);
    expect(ask(actor(['agency_member'], [], 'org-b'))).toEqual(deny403);
    expect(ask(actor(['operator']))).toEqual(allow);
  });

  it('an organisation’s totals: its own members', () => {
    const ask = (a: Actor) => decide(a, { action: 'assistance.organization', organizationId: 'org-b' });
    expect(ask(actor(['agency_member'], [], 'org-b'))).toEqual(allow);
    expect(ask(actor(['agency_member'], [], 'org-c'))).toEqual(deny403);
    expect(ask(actor(['area_admin'], ['901508']))).toEqual(deny403);
    expect(ask(actor(['operator']))).toEqual(allow);
  });
});
