import { describe, expect, it } from 'vitest';
import type { Role } from '../schemas/user.ts';
import type { Actor } from './actor.ts';
import { type Decision, decide, type Request } from './decide.ts';

const actor = (roles: Role[], areaCodes: string[] = [], userId = 'me'): Actor => ({
  userId,
  roles,
  organizationId: null,
  areaCodes,
});

const operator = actor(['operator']);
const adminChingKho = actor(['area_admin'], ['901501']); // ชิงโค, Singhanakhon
const adminDistrict = actor(['area_admin'], ['9015']);
const volunteer = actor(['volunteer'], ['90150101']);
const committee = actor(['committee_viewer'], ['9015']);
const citizen = actor(['citizen']);

const volunteerInChingKho = {
  id: 'v1',
  roles: ['volunteer'] as Role[],
  areaCodes: ['90150102'],
  organizationId: null,
};
const volunteerInBangkok = {
  id: 'v2',
  roles: ['volunteer'] as Role[],
  areaCodes: ['100101'],
  organizationId: null,
};
const otherAdminInChingKho = {
  id: 'a2',
  roles: ['area_admin'] as Role[],
  areaCodes: ['901501'],
  organizationId: null,
};

const allow: Decision = { allow: true };
const deny403: Decision = { allow: false, status: 403 };
const deny404: Decision = { allow: false, status: 404 };

describe('decide: the role × action × scope matrix', () => {
  const cases: [string, Actor | null, Request, Decision][] = [
    ['anonymous reads nothing', null, { action: 'area.read' }, deny404],
    ['everyone signed in reads areas', citizen, { action: 'area.read' }, allow],
    [
      'everyone signed in reads the organisation directory',
      volunteer,
      { action: 'organization.read' },
      allow,
    ],

    [
      'operator adds a village anywhere',
      operator,
      { action: 'area.createVillage', areaCode: '100101' },
      allow,
    ],
    [
      'admin adds a village in own subdistrict',
      adminChingKho,
      { action: 'area.createVillage', areaCode: '901501' },
      allow,
    ],
    [
      'admin of a district covers its subdistricts',
      adminDistrict,
      { action: 'area.createVillage', areaCode: '901507' },
      allow,
    ],
    [
      'admin cannot add a village in another subdistrict',
      adminChingKho,
      { action: 'area.createVillage', areaCode: '901502' },
      deny403,
    ],
    [
      'admin cannot add a village across provinces',
      adminChingKho,
      { action: 'area.createVillage', areaCode: '100101' },
      deny403,
    ],
    [
      'volunteer cannot add villages',
      volunteer,
      { action: 'area.createVillage', areaCode: '901501' },
      deny403,
    ],

    [
      'admin creates an organisation in scope',
      adminChingKho,
      { action: 'organization.create', areaCode: '90150103' },
      allow,
    ],
    [
      'admin cannot create one out of scope',
      adminChingKho,
      { action: 'organization.create', areaCode: '9015' },
      deny403,
    ],
    [
      'committee viewer cannot create organisations',
      committee,
      { action: 'organization.create', areaCode: '901501' },
      deny403,
    ],
    [
      'admin edits an organisation in scope',
      adminDistrict,
      { action: 'organization.update', areaCode: '901511' },
      allow,
    ],
    [
      'admin cannot edit one out of scope',
      adminChingKho,
      { action: 'organization.update', areaCode: '901511' },
      deny403,
    ],

    ['operator lists users', operator, { action: 'user.list' }, allow],
    ['admin lists users', adminChingKho, { action: 'user.list' }, allow],
    ['volunteer cannot list users', volunteer, { action: 'user.list' }, deny403],
    [
      'anyone reads their own account',
      volunteer,
      { action: 'user.read', target: { ...volunteerInChingKho, id: 'me' } },
      allow,
    ],
    [
      'admin reads a volunteer in scope',
      adminChingKho,
      { action: 'user.read', target: volunteerInChingKho },
      allow,
    ],
    [
      'admin does not see a volunteer elsewhere (404)',
      adminChingKho,
      { action: 'user.read', target: volunteerInBangkok },
      deny404,
    ],
    [
      'admin does not see a fellow admin (404)',
      adminChingKho,
      { action: 'user.read', target: otherAdminInChingKho },
      deny404,
    ],
    [
      'volunteer does not see other accounts (404)',
      volunteer,
      { action: 'user.read', target: volunteerInChingKho },
      deny404,
    ],

    [
      'admin creates a volunteer in scope',
      adminChingKho,
      { action: 'user.create', target: volunteerInChingKho },
      allow,
    ],
    [
      'admin cannot create a volunteer elsewhere',
      adminChingKho,
      { action: 'user.create', target: volunteerInBangkok },
      deny403,
    ],
    [
      'admin cannot create another admin',
      adminChingKho,
      { action: 'user.create', target: otherAdminInChingKho },
      deny403,
    ],
    [
      'admin cannot create an operator',
      adminDistrict,
      { action: 'user.create', target: { roles: ['operator'], areaCodes: ['901501'], organizationId: null } },
      deny403,
    ],
    [
      'admin cannot create an account without an area',
      adminDistrict,
      { action: 'user.create', target: { roles: ['volunteer'], areaCodes: [], organizationId: null } },
      deny403,
    ],
    [
      'citizen cannot create accounts',
      citizen,
      { action: 'user.create', target: volunteerInChingKho },
      deny403,
    ],

    [
      'admin updates a volunteer in scope',
      adminChingKho,
      { action: 'user.update', target: volunteerInChingKho },
      allow,
    ],
    [
      'admin cannot move a volunteer out of scope',
      adminChingKho,
      { action: 'user.update', target: volunteerInChingKho, next: volunteerInBangkok },
      deny403,
    ],
    [
      'admin cannot promote a volunteer to admin',
      adminChingKho,
      {
        action: 'user.update',
        target: volunteerInChingKho,
        next: { ...volunteerInChingKho, roles: ['area_admin'] },
      },
      deny403,
    ],
    [
      'admin updating an account out of scope gets 404',
      adminChingKho,
      { action: 'user.update', target: volunteerInBangkok },
      deny404,
    ],
    [
      'nobody but an operator changes their own roles',
      adminChingKho,
      { action: 'user.update', target: { ...otherAdminInChingKho, id: 'me' } },
      deny403,
    ],
    [
      'admin resets a volunteer password in scope',
      adminChingKho,
      { action: 'user.resetPassword', target: volunteerInChingKho },
      allow,
    ],
    [
      'admin cannot reset an operator',
      adminDistrict,
      {
        action: 'user.resetPassword',
        target: { id: 'op', roles: ['operator'], areaCodes: [], organizationId: null },
      },
      deny404,
    ],

    ['operator reads the audit log', operator, { action: 'audit.read' }, allow],

    [
      'a volunteer registers people in their village',
      volunteer,
      { action: 'person.create', areaCode: '90150101' },
      allow,
    ],
    [
      'a volunteer cannot register in another village',
      volunteer,
      { action: 'person.create', areaCode: '90150102' },
      deny403,
    ],
    [
      'a volunteer does not see people of another village (404)',
      volunteer,
      { action: 'person.read', areaCode: '90150102' },
      deny404,
    ],
    [
      'an admin reads people in the subdistrict',
      adminChingKho,
      { action: 'person.read', areaCode: '901501' },
      allow,
    ],
    [
      'an admin sees the full national ID in scope',
      adminChingKho,
      { action: 'person.readNationalId', areaCode: '901501' },
      allow,
    ],
    [
      'an admin does not see full IDs elsewhere',
      adminChingKho,
      { action: 'person.readNationalId', areaCode: '901502' },
      deny403,
    ],
    [
      'the operator never sees full national IDs',
      operator,
      { action: 'person.readNationalId', areaCode: '901501' },
      deny403,
    ],
    [
      'a volunteer sees masked IDs only',
      volunteer,
      { action: 'person.readNationalId', areaCode: '90150101' },
      deny403,
    ],
    [
      'a committee viewer sees no one (404)',
      committee,
      { action: 'person.read', areaCode: '901501' },
      deny404,
    ],
    ['a citizen sees no one else (404)', citizen, { action: 'person.read', areaCode: '901501' }, deny404],
    ['only admins merge', volunteer, { action: 'person.merge', areaCode: '90150101' }, deny403],
    ['an admin merges in scope', adminChingKho, { action: 'person.merge', areaCode: '901501' }, allow],
    ['an admin imports in scope', adminDistrict, { action: 'import.create', areaCode: '901505' }, allow],
    ['a volunteer cannot import', volunteer, { action: 'import.create', areaCode: '90150101' }, deny403],
    ['an admin may start an import', adminChingKho, { action: 'import.start' }, allow],
    ['a volunteer may not start one', volunteer, { action: 'import.start' }, deny403],
    ['the uploader reads their import job', volunteer, { action: 'import.read', createdBy: 'me' }, allow],
    ['nobody else does (404)', adminDistrict, { action: 'import.read', createdBy: 'someone' }, deny404],
    ['an operator reads every import job', operator, { action: 'import.read', createdBy: 'someone' }, allow],
    [
      'a volunteer records consent in scope',
      volunteer,
      { action: 'consent.record', areaCode: '90150101' },
      allow,
    ],
    ['admin does not read the whole audit log', adminDistrict, { action: 'audit.read' }, deny403],

    ['everyone signed in reads the instruments', citizen, { action: 'instrument.read' }, allow],
    ['anonymous reads no instrument', null, { action: 'instrument.read' }, deny404],
    [
      'a volunteer screens people in their village',
      volunteer,
      { action: 'screening.create', areaCode: '90150101' },
      allow,
    ],
    [
      'a volunteer cannot screen in another village',
      volunteer,
      { action: 'screening.create', areaCode: '90150102' },
      deny404,
    ],
    [
      'a volunteer reads screenings in their village',
      volunteer,
      { action: 'screening.read', areaCode: '90150101' },
      allow,
    ],
    [
      'a volunteer does not see screenings of another village (404)',
      volunteer,
      { action: 'screening.read', areaCode: '90150102' },
      deny404,
    ],
    [
      'an admin reads screenings in the subdistrict',
      adminChingKho,
      { action: 'screening.read', areaCode: '90150102' },
      allow,
    ],
    [
      'an admin does not see screenings of another subdistrict (404)',
      adminChingKho,
      { action: 'screening.read', areaCode: '901502' },
      deny404,
    ],
    [
      'an admin corrects a screening in scope',
      adminDistrict,
      { action: 'screening.update', areaCode: '901505' },
      allow,
    ],
    [
      'a volunteer correcting one out of scope gets 404',
      volunteer,
      { action: 'screening.update', areaCode: '90150102' },
      deny404,
    ],
    [
      'a committee viewer sees no screening (404)',
      committee,
      { action: 'screening.read', areaCode: '901501' },
      deny404,
    ],
    [
      'a committee viewer screens no one',
      committee,
      { action: 'screening.create', areaCode: '901501' },
      deny404,
    ],
    [
      'a citizen screens no one through the staff API',
      citizen,
      { action: 'screening.create', areaCode: '901501' },
      deny404,
    ],
    ['the operator screens anywhere', operator, { action: 'screening.create', areaCode: '100101' }, allow],
    ['everyone signed in has an inbox', citizen, { action: 'inbox.read' }, allow],
    ["an inbox item is its recipient's", volunteer, { action: 'inbox.item', recipientId: 'me' }, allow],
    ['nobody else sees it (404)', adminDistrict, { action: 'inbox.item', recipientId: 'someone' }, deny404],
    ['not even the operator (404)', operator, { action: 'inbox.item', recipientId: 'someone' }, deny404],
  ];

  it.each(cases)('%s', (_name, who, request, expected) => {
    expect(decide(who, request)).toEqual(expected);
  });
});

describe('decide: every role is answered for every action', () => {
  const roles: Role[] = [
    'operator',
    'area_admin',
    'agency_member',
    'social_worker',
    'volunteer',
    'caregiver',
    'committee_viewer',
    'citizen',
  ];
  const requests: Request[] = [
    { action: 'area.read' },
    { action: 'area.createVillage', areaCode: '901501' },
    { action: 'organization.read' },
    { action: 'organization.create', areaCode: '901501' },
    { action: 'organization.update', areaCode: '901501' },
    { action: 'user.list' },
    { action: 'user.read', target: volunteerInChingKho },
    { action: 'user.create', target: volunteerInChingKho },
    { action: 'user.update', target: volunteerInChingKho },
    { action: 'user.resetPassword', target: volunteerInChingKho },
    { action: 'audit.read' },
  ];
  const writers = new Set(['operator', 'area_admin']);

  it.each(roles)('%s: only operators and area admins write', (role) => {
    const who = actor([role], ['901501']);
    for (const request of requests) {
      const d = decide(who, request);
      const isWrite = !['area.read', 'organization.read', 'user.read', 'user.list', 'audit.read'].includes(
        request.action,
      );
      if (isWrite && !writers.has(role)) expect(d.allow, `${role} ${request.action}`).toBe(false);
      if (role === 'operator') expect(d.allow, request.action).toBe(true);
    }
  });
});

describe('area statistics (issue 7)', () => {
  const ask = (
    a: Actor,
    action: 'report.read' | 'report.identified' | 'report.listPersons',
    areaCode: string,
  ) => decide(a, { action, areaCode });

  it('the committee reads its area, small cells hidden; not a wider or another area', () => {
    expect(ask(committee, 'report.read', '9015')).toEqual(allow);
    expect(ask(committee, 'report.read', '901501')).toEqual(allow);
    expect(ask(committee, 'report.identified', '9015')).toEqual(deny403);
    expect(ask(committee, 'report.read', '90')).toEqual(deny403);
    expect(ask(committee, 'report.listPersons', '9015')).toEqual(deny403);
  });

  it('the field team reads whole figures of its own area; only admins and operators see who is behind them', () => {
    expect(ask(volunteer, 'report.identified', '90150101')).toEqual(allow);
    expect(ask(volunteer, 'report.read', '901501')).toEqual(deny403);
    expect(ask(volunteer, 'report.listPersons', '90150101')).toEqual(deny403);
    expect(ask(adminDistrict, 'report.listPersons', '901501')).toEqual(allow);
    expect(ask(adminChingKho, 'report.listPersons', '9015')).toEqual(deny403);
    expect(ask(operator, 'report.listPersons', '90')).toEqual(allow);
  });

  it('a citizen reads no area statistics', () => {
    expect(ask(citizen, 'report.read', '9015')).toEqual(deny403);
  });
});
