import { describe, expect, it } from 'vitest';
import type { GroupRole } from '../schemas/group.ts';
import type { Role } from '../schemas/user.ts';
import type { Actor } from './actor.ts';
import { type Decision, decide } from './decide.ts';
import { type GroupGrant, groupView, identifyingGrant, type PersonRelation } from './relation.ts';

const actor = (roles: Role[], areaCodes: string[] = []): Actor => ({
  userId: 'me',
  roles,
  organizationId: null,
  areaCodes,
});

const allow: Decision = { allow: true };
const deny403: Decision = { allow: false, status: 403 };
const deny404: Decision = { allow: false, status: 404 };

// Pa Khad (901508), village 1; the partner accounts have no area of their own.
const PERSON_AREA = '90150801';
const grant = (role: GroupRole, over: Partial<GroupGrant> = {}): PersonRelation => ({
  groups: [{ groupId: 'g1', role, assigned: false, active: true, consentToShare: true, ...over }],
  linked: false,
});
const none: PersonRelation = { groups: [], linked: false };
const self: PersonRelation = { groups: [], linked: true };

const partnerSocialWorker = actor(['social_worker']);
const partnerAgency = actor(['agency_member']);
const committee = actor(['committee_viewer']);
const citizen = actor(['citizen']);
const areaAdmin = actor(['area_admin'], ['901508']);
const otherAreaAdmin = actor(['area_admin'], ['901501']);
const villageVolunteer = actor(['volunteer'], ['90150801']);
const otherVillageVolunteer = actor(['volunteer'], ['90150802']);

type Row = [string, Actor, PersonRelation, Record<string, Decision>];

// Each row: who, what they have over the person, and the exact answer for each action.
const personMatrix: Row[] = [
  [
    'group admin, enrolled',
    partnerSocialWorker,
    grant('admin'),
    {
      read: allow,
      update: allow,
      screen: allow,
      correct: allow,
      audit: allow,
      nationalId: deny403,
      link: allow,
    },
  ],
  [
    'group case worker, assigned',
    partnerSocialWorker,
    grant('case_worker', { assigned: true }),
    {
      read: allow,
      update: allow,
      screen: allow,
      correct: allow,
      audit: deny403,
      nationalId: deny403,
      link: allow,
    },
  ],
  [
    'group case worker, not assigned',
    partnerSocialWorker,
    grant('case_worker'),
    {
      read: deny404,
      update: deny404,
      screen: deny404,
      correct: deny404,
      audit: deny404,
      nationalId: deny403,
      link: deny404,
    },
  ],
  [
    'group volunteer, assigned',
    partnerAgency,
    grant('volunteer', { assigned: true }),
    {
      read: allow,
      update: allow,
      screen: allow,
      correct: allow,
      audit: deny403,
      nationalId: deny403,
      link: allow,
    },
  ],
  [
    'group volunteer, not assigned',
    partnerAgency,
    grant('volunteer'),
    {
      read: deny404,
      update: deny404,
      screen: deny404,
      correct: deny404,
      audit: deny404,
      nationalId: deny403,
      link: deny404,
    },
  ],
  [
    'group viewer, even if assigned',
    committee,
    grant('viewer', { assigned: true }),
    {
      read: deny404,
      update: deny404,
      screen: deny404,
      correct: deny404,
      audit: deny404,
      nationalId: deny403,
      link: deny404,
    },
  ],
  [
    'group admin, consent to share withdrawn',
    partnerSocialWorker,
    grant('admin', { consentToShare: false }),
    {
      read: deny404,
      update: deny404,
      screen: deny404,
      correct: deny404,
      audit: deny404,
      nationalId: deny403,
      link: deny404,
    },
  ],
  [
    'group case worker assigned, consent withdrawn',
    partnerSocialWorker,
    grant('case_worker', { assigned: true, consentToShare: false }),
    {
      read: deny404,
      update: deny404,
      screen: deny404,
      correct: deny404,
      audit: deny404,
      nationalId: deny403,
      link: deny404,
    },
  ],
  [
    'group admin, group period ended',
    partnerSocialWorker,
    grant('admin', { active: false }),
    {
      read: deny404,
      update: deny404,
      screen: deny404,
      correct: deny404,
      audit: deny404,
      nationalId: deny403,
      link: deny404,
    },
  ],
  [
    'partner not in any group (not enrolled)',
    partnerSocialWorker,
    none,
    {
      read: deny404,
      update: deny404,
      screen: deny404,
      correct: deny404,
      audit: deny404,
      nationalId: deny403,
      link: deny404,
    },
  ],
  [
    'area admin of the person’s area, no group',
    areaAdmin,
    none,
    {
      read: allow,
      update: allow,
      screen: allow,
      correct: allow,
      audit: allow,
      nationalId: allow,
      link: allow,
    },
  ],
  [
    'area admin of another area, no group',
    otherAreaAdmin,
    none,
    {
      read: deny404,
      update: deny404,
      screen: deny404,
      correct: deny404,
      audit: deny404,
      nationalId: deny403,
      link: deny404,
    },
  ],
  [
    'area admin of another area, group admin',
    otherAreaAdmin,
    grant('admin'),
    {
      read: allow,
      update: allow,
      screen: allow,
      correct: allow,
      audit: allow,
      nationalId: deny403,
      link: allow,
    },
  ],
  [
    'volunteer of the village (the registry team)',
    villageVolunteer,
    none,
    {
      read: allow,
      update: allow,
      screen: allow,
      correct: allow,
      audit: deny403,
      nationalId: deny403,
      link: allow,
    },
  ],
  [
    'volunteer of another village, not assigned in the group',
    otherVillageVolunteer,
    grant('volunteer'),
    {
      read: deny404,
      update: deny404,
      screen: deny404,
      correct: deny404,
      audit: deny404,
      nationalId: deny403,
      link: deny404,
    },
  ],
  [
    'the person themself (linked citizen account)',
    citizen,
    self,
    {
      read: allow,
      update: allow,
      screen: allow,
      correct: deny403,
      audit: allow,
      nationalId: allow,
      link: deny403,
    },
  ],
  [
    'a citizen not linked to the person',
    citizen,
    none,
    {
      read: deny404,
      update: deny404,
      screen: deny404,
      correct: deny404,
      audit: deny404,
      nationalId: deny403,
      link: deny404,
    },
  ],
  [
    'a committee member outside groups',
    committee,
    none,
    {
      read: deny404,
      update: deny404,
      screen: deny404,
      correct: deny404,
      audit: deny404,
      nationalId: deny403,
      link: deny404,
    },
  ],
];

const ACTIONS = {
  read: 'person.read',
  update: 'person.update',
  screen: 'screening.create',
  correct: 'screening.update',
  audit: 'person.audit',
  nationalId: 'person.readNationalId',
  link: 'person.linkCode',
} as const;

describe('decide: person access through area, groups and links', () => {
  const cases = personMatrix.flatMap(([who, a, relation, expected]) =>
    Object.entries(ACTIONS).map(
      ([key, action]) => [`${who}: ${action}`, a, relation, action, expected[key]!] as const,
    ),
  );
  it.each(cases)('%s', (_name, a, relation, action, expected) => {
    expect(decide(a, { action, areaCode: PERSON_AREA, relation })).toEqual(expected);
  });

  it('reading a screening follows reading the person', () => {
    for (const [, a, relation] of personMatrix) {
      expect(decide(a, { action: 'screening.read', areaCode: PERSON_AREA, relation })).toEqual(
        decide(a, { action: 'person.read', areaCode: PERSON_AREA, relation }),
      );
    }
  });

  it('a second group with an assignment outweighs a group without one', () => {
    const relation: PersonRelation = {
      groups: [
        { groupId: 'g1', role: 'volunteer', assigned: false, active: true, consentToShare: true },
        { groupId: 'g2', role: 'case_worker', assigned: true, active: true, consentToShare: true },
      ],
      linked: false,
    };
    expect(decide(partnerAgency, { action: 'person.read', areaCode: PERSON_AREA, relation })).toEqual(allow);
    expect(identifyingGrant(relation)?.groupId).toBe('g2');
  });
});

describe('decide: inside a group', () => {
  const GROUP_AREA = '901508';
  const cases: [string, Actor, GroupRole | null, Record<'read' | 'manage' | 'persons', Decision>][] = [
    ['group admin', partnerSocialWorker, 'admin', { read: allow, manage: allow, persons: allow }],
    ['case worker', partnerSocialWorker, 'case_worker', { read: allow, manage: deny403, persons: allow }],
    ['volunteer', partnerAgency, 'volunteer', { read: allow, manage: deny403, persons: allow }],
    ['viewer', committee, 'viewer', { read: allow, manage: deny403, persons: deny403 }],
    ['not a member', partnerSocialWorker, null, { read: deny404, manage: deny404, persons: deny404 }],
    ['area admin of the group’s area', areaAdmin, null, { read: allow, manage: allow, persons: allow }],
    ['area admin elsewhere', otherAreaAdmin, null, { read: deny404, manage: deny404, persons: deny404 }],
    [
      'volunteer of the area, not a member',
      villageVolunteer,
      null,
      { read: deny404, manage: deny404, persons: deny404 },
    ],
    ['operator', actor(['operator']), null, { read: allow, manage: allow, persons: allow }],
  ];
  it.each(cases)('%s', (_name, a, role, expected) => {
    expect(decide(a, { action: 'group.read', areaCode: GROUP_AREA, role })).toEqual(expected.read);
    expect(decide(a, { action: 'group.manage', areaCode: GROUP_AREA, role })).toEqual(expected.manage);
    expect(decide(a, { action: 'group.listPersons', areaCode: GROUP_AREA, role })).toEqual(expected.persons);
  });

  it('only area admins of the area (and operators) form groups', () => {
    expect(decide(areaAdmin, { action: 'group.create', areaCode: GROUP_AREA })).toEqual(allow);
    expect(decide(otherAreaAdmin, { action: 'group.create', areaCode: GROUP_AREA })).toEqual(deny403);
    expect(decide(villageVolunteer, { action: 'group.create', areaCode: GROUP_AREA })).toEqual(deny403);
    expect(decide(partnerSocialWorker, { action: 'group.create', areaCode: GROUP_AREA })).toEqual(deny403);
  });
});

describe('groupView: what a member sees of an enrolled person', () => {
  it.each([
    ['admin', false, 'identified'],
    ['admin', true, 'identified'],
    ['case_worker', true, 'identified'],
    ['case_worker', false, 'pseudonymous'],
    ['volunteer', true, 'identified'],
    ['volunteer', false, 'pseudonymous'],
    ['viewer', true, 'none'],
    ['viewer', false, 'none'],
  ] as const)('%s, assigned %s → %s', (role, assigned, view) => {
    expect(groupView(role, assigned)).toBe(view);
  });
});
