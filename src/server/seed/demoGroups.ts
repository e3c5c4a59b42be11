/**
 * The demo's closed groups (issue 5 item 9): the Pa Khad pilot of seed 000 (ป่าขาด, 901508), where the
 * district chose to try the closed-group method first, and a palliative-care group in Ram Daeng (รำแดง,
 * 901504), whose SHPH the meeting made the S+ centre for palliative care. Partners from other organisations
 * join them — among them demo.partner, a social worker of a foundation with no area of her own, who reaches
 * people only through these groups. Only people whose latest consent to share within a group is "granted"
 * are enrolled. Deterministic: the same people every time for the same demo registry.
 */
import { inArray, sql } from 'drizzle-orm';
import type { GroupRole } from '../../core/schemas/group.ts';
import type { Role } from '../../core/schemas/user.ts';
import type { Db } from '../db/client.ts';
import {
  auditLog,
  careGroups,
  groupAssignments,
  groupMembers,
  groupPersons,
  organizations,
  users,
} from '../db/schema.ts';
import { audit } from '../modules/audit/service.ts';
import { hashPassword, randomPassword } from '../modules/auth/secrets.ts';

export interface DemoPartner {
  username: string;
  displayName: string;
  roles: Role[];
  organizationName: string;
}

/** Partner accounts with no area scope: they see people only through a group. */
export const demoPartners: DemoPartner[] = [
  {
    username: 'demo.partner',
    displayName: 'ปรีดา ตัวอย่าง',
    roles: ['social_worker'],
    organizationName: 'มูลนิธิชุมชนสงขลา',
  },
];

interface DemoGroup {
  name: string;
  areaCode: string;
  purpose: string;
  startsOn: string;
  endsOn: string | null;
  members: [username: string, role: GroupRole][];
  /** How many consenting people of the area to enrol (oldest and most vulnerable first). */
  enrol: number;
  /** Cases per assignee, in the order of enrolment; a volunteer takes people of their own village. */
  assign: [username: string, cases: number][];
}

export const demoGroups: DemoGroup[] = [
  {
    name: 'กลุ่มนำร่องตำบลป่าขาด',
    areaCode: '901508',
    purpose:
      'กลุ่มปิดนำร่องของตำบลป่าขาด: ภาคีเครือข่ายดูแลผู้สูงอายุ ผู้พิการ และผู้ป่วยเรื้อรังที่ผ่านการคัดกรองร่วมกัน ติดตามรายเดือนและทำแผนสุขภาวะรายบุคคล',
    startsOn: '2026-06-01',
    endsOn: null,
    members: [
      ['demo.admin', 'admin'],
      ['demo.partner', 'case_worker'],
      ['demo.socialworker', 'case_worker'],
      ['demo.volunteer', 'volunteer'],
      ['demo.agency', 'volunteer'],
      ['demo.committee', 'viewer'],
    ],
    enrol: 40,
    assign: [
      ['demo.partner', 4],
      ['demo.socialworker', 3],
      ['demo.volunteer', 4],
    ],
  },
  {
    name: 'กลุ่มดูแลผู้ป่วยระยะท้ายและติดเตียงตำบลรำแดง',
    areaCode: '901504',
    purpose:
      'ประสานการดูแลแบบประคับประคองที่บ้านและสถานชีวาภิบาลของ รพ.สต.รำแดง (ศูนย์ S+) ร่วมกับโรงพยาบาลสิงหนครและมูลนิธิ',
    startsOn: '2026-07-01',
    endsOn: '2027-09-30',
    members: [
      ['demo.socialworker', 'admin'],
      ['demo.partner', 'case_worker'],
      ['demo.agency', 'volunteer'],
    ],
    enrol: 8,
    assign: [['demo.partner', 2]],
  },
];

export interface DemoGroupsResult {
  accounts: { username: string; password: string; roles: string[] }[];
  groups: number;
  enrolled: number;
  assignments: number;
}

/** Call inside the demo seed's transaction, after the demo people and accounts. */
export async function seedDemoGroups(db: Db, today: string): Promise<DemoGroupsResult> {
  const accounts: DemoGroupsResult['accounts'] = [];
  for (const p of demoPartners) {
    const [org] = await db
      .select({ id: organizations.id })
      .from(organizations)
      .where(sql`${organizations.name} = ${p.organizationName}`)
      .limit(1);
    const password = randomPassword();
    const [row] = await db
      .insert(users)
      .values({
        username: p.username,
        passwordHash: await hashPassword(password),
        displayName: p.displayName,
        roles: p.roles,
        organizationId: org?.id ?? null,
        areaCodes: [],
      })
      .onConflictDoNothing()
      .returning({ id: users.id });
    if (row) accounts.push({ username: p.username, password, roles: p.roles });
  }

  const usernames = [...new Set(demoGroups.flatMap((g) => g.members.map(([u]) => u)))];
  const userIds = new Map(
    (
      await db
        .select({ id: users.id, username: users.username, areaCodes: users.areaCodes })
        .from(users)
        .where(inArray(users.username, usernames))
    ).map((u) => [u.username, u]),
  );

  let enrolled = 0;
  let assignments = 0;
  for (const g of demoGroups) {
    const startsOn = g.startsOn < today ? g.startsOn : today;
    const [group] = await db
      .insert(careGroups)
      .values({ name: g.name, areaCode: g.areaCode, purpose: g.purpose, startsOn, endsOn: g.endsOn })
      .returning({ id: careGroups.id });
    const groupId = group!.id;
    await audit(db, null, {
      action: 'group.create',
      entity: 'group',
      entityId: groupId,
      areaCode: g.areaCode,
      groupId,
      detail: { seeded: true },
    });
    const members = g.members.flatMap(([username, role]) => {
      const user = userIds.get(username);
      return user ? [{ userId: user.id, role }] : [];
    });
    const people = await consentingPeople(db, g.areaCode, g.enrol);
    const taken = new Set<string>();
    const cases: { personId: string; userId: string }[] = [];
    for (const [username, count] of g.assign) {
      const user = userIds.get(username);
      if (!user) continue;
      // A village volunteer takes people of their own village; others take the next people in line.
      const villages = user.areaCodes.filter((code) => code.length === 8);
      const mine = people
        .filter((p) => !taken.has(p.id) && (villages.length === 0 || villages.includes(p.villageCode ?? '')))
        .slice(0, count);
      for (const p of mine) {
        taken.add(p.id);
        cases.push({ personId: p.id, userId: user.id });
      }
    }

    // A few multi-row statements; the audit trail records each step as the activity feed shows it.
    if (members.length > 0) await db.insert(groupMembers).values(members.map((m) => ({ groupId, ...m })));
    if (people.length > 0) {
      await db
        .insert(groupPersons)
        .values(people.map((p) => ({ groupId, personId: p.id, areaCode: g.areaCode })));
    }
    if (cases.length > 0) await db.insert(groupAssignments).values(cases.map((c) => ({ groupId, ...c })));
    const trail = [
      ...members.map((m) => ({
        action: 'group.member.add',
        entity: 'user',
        entityId: m.userId,
        detail: { role: m.role, seeded: true },
        subjectIds: null,
      })),
      ...people.map((p) => ({
        action: 'group.person.enrol',
        entity: 'person',
        entityId: p.id,
        detail: { seeded: true },
        subjectIds: [p.id],
      })),
      ...cases.map((c) => ({
        action: 'group.assignment.add',
        entity: 'person',
        entityId: c.personId,
        detail: { userId: c.userId, seeded: true },
        subjectIds: [c.personId],
      })),
    ];
    if (trail.length > 0) {
      await db
        .insert(auditLog)
        .values(trail.map((row) => ({ ...row, actorId: null, areaCode: g.areaCode, groupId })));
    }
    enrolled += people.length;
    assignments += cases.length;
  }
  return { accounts, groups: demoGroups.length, enrolled, assignments };
}

/** People of a subdistrict whose latest share_group consent grants it: the vulnerable and oldest first. */
async function consentingPeople(db: Db, areaCode: string, limit: number) {
  const result = (await db.execute(sql`
    select p.id, p.village_code from person p
    where p.area_code = ${areaCode} and p.merged_into is null
      and coalesce((select c.granted from consent c where c.person_id = p.id and c.purpose = 'share_group'
        order by c.recorded_at desc, c.id desc limit 1), false)
    order by cardinality(p.vulnerability) > 0 desc, p.birth_date, p.id
    limit ${limit}`)) as unknown as { rows: { id: string; village_code: string | null }[] };
  return result.rows.map((r) => ({ id: r.id, villageCode: r.village_code }));
}
