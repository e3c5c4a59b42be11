/**
 * Visits and appointments for the demo (issue 8, item 2), this week's and next week's in ป่าขาด (901508),
 * the pilot subdistrict: the village volunteer's home visits in her village, the caregiver's elsewhere in
 * the subdistrict, a team visit to the oldest person (volunteer, caregiver and the hospital's social worker),
 * centre appointments at the SHPHs of seed 000 by their capability (elderly clinic, Thai traditional
 * medicine, dental care), and one person visited by three agencies in the same week — the SHPH, the PAO
 * and the hospital — so the calendar shows its warning. Visits before "today" are recorded (done, one
 * missed) with what a volunteer writes down; later ones are scheduled.
 *
 * Deterministic for the same registry and "today": every id is a `demoUuid`, numbers come from a seeded
 * PRNG. Rows have the shape the visits module writes (`visit.record` as its `StoredRecord`, a
 * `service_event` per status), so the API reads them like any other. Call inside the demo seed's
 * transaction, after the people, groups and plans.
 */
import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import { intBetween, mulberry32, pick, type Random } from '../../../bench/generate/random.ts';
import type { VisitKind } from '../../core/schemas/visit.ts';
import { thaiWeekBounds } from '../../core/services/calendar.ts';
import type { Db } from '../db/client.ts';
import { persons, planActivities, serviceEvents, users, visits } from '../db/schema.ts';
import type { StoredRecord } from '../modules/visits/dto.ts';
import { demoUuid } from './demoScreenings.ts';

export const DEMO_VISITS_SEED = 2570;
/** The subdistrict of the demo calendar and the volunteer's village in it. */
export const DEMO_VISIT_AREA = '901508';
export const DEMO_VISIT_VILLAGE = '90150801';

const DAY_MS = 86_400_000;

export interface DemoVisitRefs {
  /** "Today": visits fill this Thai week and the next; the ones before this instant are recorded. */
  today: Date;
  /** Demo organisation ids by their demoOrganizations key. */
  orgIds: ReadonlyMap<string, string>;
}

export interface DemoVisitCounts {
  visits: number;
  recorded: number;
  appointments: number;
  teamVisits: number;
}

const NONE: DemoVisitCounts = { visits: 0, recorded: 0, appointments: 0, teamVisits: 0 };

type Username = 'demo.volunteer' | 'demo.caregiver' | 'demo.socialworker' | 'demo.agency' | 'demo.admin';
const USERNAMES: Username[] = [
  'demo.volunteer',
  'demo.caregiver',
  'demo.socialworker',
  'demo.agency',
  'demo.admin',
];

interface Spec {
  /** Index into the village's people (`v`) or the rest of the subdistrict's (`s`). */
  who: ['v' | 's', number];
  kind: VisitKind;
  /** Days after this week's Monday (0–13). */
  day: number;
  time: string;
  minutes: number;
  org: string | null;
  assignees: Username[];
  purpose: string;
  /** Link to the person's plan activity that a volunteer carries out, when they have one. */
  fromPlan?: boolean;
  /** Nobody was home (if it falls before today). */
  missed?: boolean;
}

const home = (
  who: Spec['who'],
  day: number,
  time: string,
  purpose: string,
  extra: Partial<Spec> = {},
): Spec => ({
  who,
  kind: 'home_visit',
  day,
  time,
  minutes: 45,
  org: 'shph_pa_khat',
  assignees: ['demo.volunteer'],
  purpose,
  ...extra,
});

const centre = (who: Spec['who'], day: number, time: string, org: string, purpose: string): Spec => ({
  who,
  kind: 'centre_appointment',
  day,
  time,
  minutes: 60,
  org,
  assignees: [],
  purpose,
});

const SPECS: Spec[] = [
  // The volunteer's round in her village, both weeks.
  home(['v', 0], 0, '09:00', 'เยี่ยมบ้านผู้ป่วยติดเตียง ดูแผลกดทับ', { fromPlan: true }),
  home(['v', 1], 1, '09:00', 'ติดตามการกินยาความดัน'),
  home(['v', 2], 1, '10:30', 'วัดความดันและน้ำตาลปลายนิ้ว', { fromPlan: true }),
  home(['v', 3], 2, '09:00', 'เยี่ยมผู้สูงอายุอยู่ลำพัง'),
  home(['v', 4], 3, '09:30', 'ติดตามหลังออกจากโรงพยาบาล', { missed: true }),
  home(['v', 5], 4, '10:00', 'ชวนเข้ากลุ่มออกกำลังกาย'),
  home(['v', 1], 7, '09:00', 'ติดตามการกินยาความดัน'),
  home(['v', 6], 8, '09:30', 'วัดความดันและน้ำตาลปลายนิ้ว', { fromPlan: true }),
  home(['v', 7], 9, '10:00', 'เยี่ยมผู้สูงอายุอยู่ลำพัง'),
  home(['v', 2], 10, '09:00', 'ทบทวนยาเบาหวาน'),
  home(['v', 0], 11, '09:00', 'เยี่ยมบ้านผู้ป่วยติดเตียง ดูแผลกดทับ'),
  // The caregiver, elsewhere in the subdistrict (no organisation of her own).
  home(['s', 0], 1, '14:00', 'ช่วยอาบน้ำ ทำกายภาพเบื้องต้น', { org: null, assignees: ['demo.caregiver'] }),
  home(['s', 1], 3, '14:00', 'ฝึกเดินด้วยไม้เท้า', { org: null, assignees: ['demo.caregiver'] }),
  home(['s', 0], 8, '14:00', 'ช่วยอาบน้ำ ทำกายภาพเบื้องต้น', { org: null, assignees: ['demo.caregiver'] }),
  home(['s', 2], 10, '14:00', 'ติดตามอาการหลังหกล้ม', { org: null, assignees: ['demo.caregiver'] }),
  // A team visit by the volunteer, the caregiver and the hospital's social worker.
  home(['v', 0], 2, '13:30', 'เยี่ยมบ้านทีมสหวิชาชีพ ประเมินผู้ป่วยติดเตียงและผู้ดูแล', {
    minutes: 90,
    assignees: ['demo.volunteer', 'demo.caregiver', 'demo.socialworker'],
  }),
  // Three agencies in one week for the same person: the SHPH (Tuesday above), the PAO and the hospital.
  home(['v', 1], 2, '10:30', 'ประเมินการปรับสภาพบ้าน ราวจับห้องน้ำ', {
    org: 'pao_songkhla',
    assignees: ['demo.agency'],
    minutes: 60,
  }),
  home(['v', 1], 4, '14:00', 'ประเมินสภาพครอบครัวและสิทธิสวัสดิการ', {
    org: 'hospital_singhanakhon',
    assignees: ['demo.socialworker'],
    minutes: 60,
  }),
  // Centre appointments by the centres' capabilities (seed 000).
  centre(['v', 3], 4, '09:00', 'shph_sawang_arom', 'คลินิกผู้สูงอายุ ตรวจประจำเดือน'),
  centre(['v', 5], 8, '13:00', 'shph_pa_khat', 'นวดแผนไทย ลดปวดเข่า'),
  centre(['s', 1], 9, '10:00', 'shph_wat_khanun', 'ทำฟันปลอม'),
  centre(['s', 3], 3, '09:30', 'shph_pa_khat', 'แพทย์แผนไทย ประคบสมุนไพร'),
];

const ACTIVITIES = [
  'วัดความดัน ชั่งน้ำหนัก ทบทวนยาที่กินอยู่',
  'ดูแผลกดทับ สอนญาติพลิกตัวทุก 2 ชั่วโมง',
  'ตรวจน้ำตาลปลายนิ้ว แนะนำอาหาร',
  'พูดคุยให้กำลังใจ ชวนไปร่วมกิจกรรมที่วัด',
  'ฝึกเดิน ตรวจความปลอดภัยในบ้าน',
];
const NOTES = [
  'ญาติดูแลดี ยาครบ',
  'ลืมกินยามื้อเย็นบ้าง ให้ญาติช่วยเตือน',
  'บ้านลื่น ควรมีราวจับในห้องน้ำ',
  'อารมณ์ดีขึ้นกว่าเดือนก่อน',
];

/** Inserts the demo visits; does nothing (all counts 0) if they are there already or nobody is registered. */
export async function seedDemoVisits(db: Db, refs: DemoVisitRefs): Promise<DemoVisitCounts> {
  const idOf = (i: number) => demoUuid(`visit:${i}`);
  const [existing] = await db
    .select({ id: visits.id })
    .from(visits)
    .where(eq(visits.id, idOf(0)))
    .limit(1);
  if (existing) return NONE;

  const staff = new Map(
    (
      await db
        .select({ id: users.id, username: users.username })
        .from(users)
        .where(inArray(users.username, USERNAMES))
    ).map((u) => [u.username as Username, u.id]),
  );
  const living = and(isNull(persons.mergedInto), eq(persons.areaCode, DEMO_VISIT_AREA));
  const people = await db
    .select({ id: persons.id, areaCode: persons.areaCode, villageCode: persons.villageCode })
    .from(persons)
    .where(living)
    .orderBy(asc(persons.birthDate), asc(persons.id));
  const village = people.filter((p) => p.villageCode === DEMO_VISIT_VILLAGE);
  const rest = people.filter((p) => p.villageCode !== DEMO_VISIT_VILLAGE);
  if (village.length < 8 || rest.length < 4) return NONE;

  const planned = await db
    .select({ id: planActivities.id, personId: planActivities.personId })
    .from(planActivities)
    .where(
      and(
        inArray(
          planActivities.personId,
          village.slice(0, 8).map((p) => p.id),
        ),
        eq(planActivities.responsible, 'volunteer'),
        isNull(planActivities.removedInVersion),
      ),
    )
    .orderBy(asc(planActivities.id));
  const planOf = new Map<string, string>();
  for (const pa of planned) if (!planOf.has(pa.personId)) planOf.set(pa.personId, pa.id);

  const random = mulberry32(DEMO_VISITS_SEED);
  const monday = Date.parse(thaiWeekBounds(refs.today).start);
  const now = refs.today.getTime();
  const counts = { ...NONE };
  const visitRows: (typeof visits.$inferInsert)[] = [];
  const eventRows: (typeof serviceEvents.$inferInsert)[] = [];

  SPECS.forEach((spec, i) => {
    const person = (spec.who[0] === 'v' ? village : rest)[spec.who[1]]!;
    const [hh, mm] = spec.time.split(':').map(Number) as [number, number];
    const startsAt = monday + spec.day * DAY_MS + (hh * 60 + mm) * 60_000;
    const assigneeIds = spec.assignees.flatMap((u) => (staff.has(u) ? [staff.get(u)!] : []));
    const organizationId = spec.org ? (refs.orgIds.get(spec.org) ?? null) : null;
    const scheduler = staff.get(spec.org === 'shph_pa_khat' || !spec.org ? 'demo.volunteer' : 'demo.admin');
    const createdAt = new Date(Math.min(startsAt - 5 * DAY_MS, now - DAY_MS)).toISOString();
    const past = startsAt + spec.minutes * 60_000 <= now;
    const status = past ? (spec.missed ? 'missed' : 'done') : 'scheduled';
    const recorder = assigneeIds[0] ?? staff.get('demo.admin') ?? null;
    const record: StoredRecord | null =
      past && recorder ? recordFor(random, spec, startsAt, assigneeIds, recorder) : null;
    const id = idOf(i);
    visitRows.push({
      id,
      personId: person.id,
      areaCode: person.areaCode,
      villageCode: person.villageCode,
      kind: spec.kind,
      startsAt: new Date(startsAt).toISOString(),
      durationMinutes: spec.minutes,
      organizationId,
      assigneeIds,
      planActivityId: spec.fromPlan ? (planOf.get(person.id) ?? null) : null,
      purpose: spec.purpose,
      status: record ? status : 'scheduled',
      record,
      createdBy: scheduler ?? null,
      version: record ? 2 : 1,
      createdAt,
      updatedAt: record ? record.recordedAt : createdAt,
    });
    eventRows.push({
      id: demoUuid(`visit-event:${i}:scheduled`),
      subject: 'visit',
      subjectId: id,
      fromStatus: null,
      toStatus: 'scheduled',
      actorId: scheduler ?? null,
      at: createdAt,
    });
    if (record) {
      eventRows.push({
        id: demoUuid(`visit-event:${i}:${record.status}`),
        subject: 'visit',
        subjectId: id,
        fromStatus: 'scheduled',
        toStatus: record.status,
        actorId: recorder,
        at: record.recordedAt,
      });
      counts.recorded++;
    }
    counts.visits++;
    if (spec.kind === 'centre_appointment') counts.appointments++;
    if (assigneeIds.length > 1) counts.teamVisits++;
  });

  await db.insert(visits).values(visitRows);
  await db.insert(serviceEvents).values(eventRows);
  return counts;
}

/** What the one who went writes down: the work, a few vital signs at a home visit, a note, a follow-up. */
function recordFor(
  random: Random,
  spec: Spec,
  startsAt: number,
  assigneeIds: string[],
  recorder: string,
): StoredRecord {
  const doneAt = new Date(startsAt + 10 * 60_000).toISOString();
  const recordedAt = new Date(startsAt + (spec.minutes + 20) * 60_000).toISOString();
  const base = {
    doneAt,
    attendeeIds: assigneeIds.length > 0 ? assigneeIds : [recorder],
    recordedBy: recorder,
    recordedAt,
    clientId: null,
  };
  if (spec.missed) {
    return {
      ...base,
      status: 'missed',
      activities: null,
      vitals: null,
      notes: 'ไม่พบตัว ญาติแจ้งว่าไปโรงพยาบาล',
      followUpNeeded: true,
      followUpNote: 'นัดเยี่ยมใหม่สัปดาห์หน้า',
    };
  }
  const systolic = intBetween(random, 112, 158);
  const followUpNeeded = systolic >= 145 || random() < 0.2;
  return {
    ...base,
    status: 'done',
    activities: spec.kind === 'home_visit' ? pick(random, ACTIVITIES) : spec.purpose,
    vitals:
      spec.kind === 'home_visit'
        ? {
            systolic,
            diastolic: intBetween(random, 68, 94),
            pulse: intBetween(random, 64, 96),
            temperature: Math.round((36.2 + random() * 0.9) * 10) / 10,
            weight: Math.round((42 + random() * 28) * 10) / 10,
          }
        : null,
    notes: pick(random, NOTES),
    followUpNeeded,
    followUpNote: followUpNeeded ? 'ความดันสูง นัดวัดซ้ำและแจ้ง รพ.สต.' : null,
  };
}
