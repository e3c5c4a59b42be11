import { describe, expect, it } from 'vitest';
import type { GroupRole } from '../schemas/group.ts';
import type { Role } from '../schemas/user.ts';
import type { Actor } from './actor.ts';
import { type Decision, decide, taskView } from './decide.ts';
import type { GroupGrant, PersonRelation } from './relation.ts';

const actor = (roles: Role[], areaCodes: string[] = [], organizationId: string | null = null): Actor => ({
  userId: 'me',
  roles,
  organizationId,
  areaCodes,
});

const allow: Decision = { allow: true };
const deny403: Decision = { allow: false, status: 403 };
const deny404: Decision = { allow: false, status: 404 };

const PERSON_AREA = '90150801';
const grant = (role: GroupRole, over: Partial<GroupGrant> = {}): PersonRelation => ({
  groups: [{ groupId: 'g1', role, assigned: false, active: true, consentToShare: true, ...over }],
  linked: false,
});
const none: PersonRelation = { groups: [], linked: false };
const self: PersonRelation = { groups: [], linked: true };

type Row = [string, Actor, PersonRelation, { read: Decision; progress: Decision; write: Decision }];

const matrix: Row[] = [
  [
    'area admin of the subdistrict',
    actor(['area_admin'], ['901508']),
    none,
    { read: allow, progress: allow, write: allow },
  ],
  [
    'village volunteer',
    actor(['volunteer'], ['90150801']),
    none,
    { read: allow, progress: allow, write: allow },
  ],
  [
    'caregiver of the subdistrict',
    actor(['caregiver'], ['901508']),
    none,
    { read: allow, progress: allow, write: allow },
  ],
  [
    'volunteer of another village',
    actor(['volunteer'], ['90150802']),
    none,
    { read: deny404, progress: deny404, write: deny404 },
  ],
  [
    'volunteer of another subdistrict',
    actor(['volunteer'], ['901501']),
    none,
    { read: deny404, progress: deny404, write: deny404 },
  ],
  ['group admin', actor(['social_worker']), grant('admin'), { read: allow, progress: allow, write: allow }],
  [
    'group case worker, assigned',
    actor(['social_worker']),
    grant('case_worker', { assigned: true }),
    { read: allow, progress: allow, write: allow },
  ],
  [
    'group volunteer, assigned',
    actor(['agency_member']),
    grant('volunteer', { assigned: true }),
    { read: allow, progress: allow, write: allow },
  ],
  [
    'group case worker, not assigned',
    actor(['social_worker']),
    grant('case_worker'),
    { read: deny404, progress: deny404, write: deny404 },
  ],
  [
    'group viewer',
    actor(['committee_viewer']),
    grant('viewer'),
    { read: deny404, progress: deny404, write: deny404 },
  ],
  [
    'committee viewer of the district',
    actor(['committee_viewer'], ['9015']),
    none,
    { read: deny404, progress: deny404, write: deny404 },
  ],
  [
    'group admin of an ended group',
    actor(['social_worker']),
    grant('admin', { active: false }),
    { read: deny404, progress: deny404, write: deny404 },
  ],
  [
    'group admin after the person withdrew consent',
    actor(['social_worker']),
    grant('admin', { consentToShare: false }),
    { read: deny404, progress: deny404, write: deny404 },
  ],
  ['the person (linked citizen)', actor(['citizen']), self, { read: allow, progress: allow, write: deny403 }],
  ['a citizen not linked', actor(['citizen']), none, { read: deny404, progress: deny404, write: deny404 }],
  ['operator', actor(['operator']), none, { read: allow, progress: allow, write: allow }],
];

describe('plans: who reads, reports progress on and writes a person’s plan', () => {
  for (const [who, a, relation, expected] of matrix) {
    it(who, () => {
      const ask = (action: 'plan.read' | 'plan.progress' | 'plan.write') =>
        decide(a, { action, areaCode: PERSON_AREA, relation });
      expect({ read: ask('plan.read'), progress: ask('plan.progress'), write: ask('plan.write') }).toEqual(
        expected,
      );
    });
  }

  it('nobody signed in gets 404', () => {
    expect(decide(null, { action: 'plan.read', areaCode: PERSON_AREA })).toEqual(deny404);
  });
});

describe('activities', () => {
  it('every signed-in account reads the library', () => {
    for (const roles of [['citizen'], ['committee_viewer'], ['volunteer']] as Role[][]) {
      expect(decide(actor(roles), { action: 'activity.read' })).toEqual(allow);
    }
  });

  it('operators add platform activities; area admins add their own area’s only', () => {
    expect(decide(actor(['operator']), { action: 'activity.create', areaCode: null })).toEqual(allow);
    const admin = actor(['area_admin'], ['901508']);
    expect(decide(admin, { action: 'activity.create', areaCode: null })).toEqual(deny403);
    expect(decide(admin, { action: 'activity.create', areaCode: '901508' })).toEqual(allow);
    expect(decide(admin, { action: 'activity.create', areaCode: '90150801' })).toEqual(allow);
    expect(decide(admin, { action: 'activity.create', areaCode: '901501' })).toEqual(deny403);
    expect(decide(admin, { action: 'activity.create', areaCode: '9015' })).toEqual(deny403);
    expect(
      decide(actor(['volunteer'], ['901508']), { action: 'activity.create', areaCode: '901508' }),
    ).toEqual(deny403);
  });

  it('group activities: the area team and the responsible organisation', () => {
    const req = (a: Actor, organizationId: string | null = null) =>
      decide(a, { action: 'activityGroup.manage', areaCode: '901508', organizationId });
    expect(req(actor(['volunteer'], ['901508']))).toEqual(allow);
    expect(req(actor(['volunteer'], ['901501']))).toEqual(deny404);
    expect(req(actor(['agency_member'], [], 'org-1'), 'org-1')).toEqual(allow);
    expect(req(actor(['agency_member'], [], 'org-2'), 'org-1')).toEqual(deny404);
    expect(req(actor(['committee_viewer'], ['901508']))).toEqual(deny404);
  });
});

describe('an organisation’s task list', () => {
  it('only the members of the responsible organisation see its tasks', () => {
    expect(
      decide(actor(['agency_member'], [], 'org-1'), { action: 'task.read', organizationId: 'org-1' }),
    ).toEqual(allow);
    expect(
      decide(actor(['agency_member'], [], 'org-2'), { action: 'task.read', organizationId: 'org-1' }),
    ).toEqual(deny404);
    expect(decide(actor(['agency_member']), { action: 'task.progress', organizationId: null })).toEqual(
      deny404,
    );
  });

  it('names the person only when the member may read them or the person shares with agencies', () => {
    expect(taskView({ mayReadPerson: false, shareAgencies: false })).toBe('pseudonymous');
    expect(taskView({ mayReadPerson: true, shareAgencies: false })).toBe('identified');
    expect(taskView({ mayReadPerson: false, shareAgencies: true })).toBe('identified');
  });
});
