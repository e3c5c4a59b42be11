/**
 * Individual well-being plans for the demo (issue 6 item 9; DOMAIN.md steps 7–9): about fifty screened demo
 * people got a plan six months ago, drafted by the core drafter (`draftPlan`) from the wellbeing20 screening of
 * that month over the seeded activity library, and have reported their progress every month since. About a
 * quarter were adjusted three months in (version 2: one activity dropped, one added). In ป่าขาด the plans'
 * group activities meet as one or two activity groups, with weekly attendance for the last three months.
 *
 * Progress follows the screenings: people whose total score fell (better) mostly did their activities, people
 * whose score rose (worse) more often did not. Everything is drawn from a seeded PRNG and every id is a
 * `demoUuid`, so a demo installation holds the same plans for the same "today". Rows have the shape the plans
 * module writes (plan_version.snapshot as `PlanSnapshot`, `addedInVersion`/`removedInVersion`), so the API
 * reads them like any other plan. Call inside the demo seed's transaction, after the screenings and groups.
 */
import { and, asc, eq, inArray, isNotNull, isNull } from 'drizzle-orm';
import {
  chance,
  mulberry32,
  pick,
  pickWeighted,
  type Random,
  seedFor,
  shuffled,
} from '../../../bench/generate/random.ts';
import type { AdlGroup } from '../../core/persons/vulnerability.ts';
import {
  type DraftActivity,
  type DraftItem,
  draftBasis,
  draftPlan,
  WELLBEING_INSTRUMENT,
} from '../../core/plans/index.ts';
import type {
  ActivityMode,
  PlanDimension,
  PlanGoals,
  PlanResponsible,
  ProgressReporter,
  ProgressStatus,
} from '../../core/schemas/index.ts';
import { bangkokDate, bangkokMonth, monthStart, shiftMonth } from '../../core/screenings/month.ts';
import type { Db } from '../db/client.ts';
import {
  activities,
  activityAttendance,
  activityGroups,
  organizations,
  persons,
  planActivities,
  planProgress,
  plans,
  planVersions,
  screenings,
  users,
} from '../db/schema.ts';
import type { PlanSnapshot, SnapshotActivity } from '../modules/plans/service.ts';
import { isoOf } from '../modules/screenings/iso.ts';
import { demoUuid } from './demoScreenings.ts';

export const DEMO_PLANS_SEED = 2569;
/** Plans start on the first of the month this many months before "today". */
export const DEMO_PLAN_MONTHS_AGO = 6;
/** The adjusted plans get version 2 this many months after their start. */
export const DEMO_ADJUST_AFTER = 3;
/** How many people get a plan (fewer if fewer screened people have something to work on). */
export const DEMO_PLAN_PEOPLE = 50;
/** The subdistrict whose group activities meet as activity groups (the pilot, ป่าขาด). */
export const DEMO_GROUP_AREA = '901508';
const MAX_ACTIVITIES = 6;
const CHUNK = 250;
const DAY = 86_400_000;

/** Score change (total, later minus drafting screening) from which a person counts as better or worse. */
export const TREND_POINTS = 2;
export type PlanTrend = 'improving' | 'stable' | 'worsening';
export const trendOf = (delta: number): PlanTrend =>
  delta <= -TREND_POINTS ? 'improving' : delta >= TREND_POINTS ? 'worsening' : 'stable';

export interface DemoPlanRefs {
  /** "Today": plans start DEMO_PLAN_MONTHS_AGO Thai months before this instant's month. */
  today: Date;
  /** Demo organisation ids by their demoOrganizations key. */
  orgIds: ReadonlyMap<string, string>;
}

export interface DemoPlanCounts {
  plans: number;
  planActivities: number;
  adjustedPlans: number;
  planProgress: number;
  activityGroups: number;
  attendance: number;
}

const NONE: DemoPlanCounts = {
  plans: 0,
  planActivities: 0,
  adjustedPlans: 0,
  planProgress: 0,
  activityGroups: 0,
  attendance: 0,
};

/** The person's own goal, in their words, by the dimension that worries them most. */
const PERSONAL_GOALS: Record<PlanDimension, string[]> = {
  health: [
    'อยากเดินไปวัดได้เอง',
    'อยากกินยาให้ครบทุกมื้อ ไม่ลืมอีก',
    'อยากให้ความดันลดลง ไม่ต้องนอนโรงพยาบาลอีก',
    'อยากนอนหลับสบาย ไม่เครียดเหมือนก่อน',
    'อยากเลิกเหล้าให้ได้ เพื่อหลาน',
    'อยากเคี้ยวข้าวได้ ไม่เจ็บฟัน',
    'อยากเดินไปตลาดเองได้ ไม่ต้องรอลูก',
    'อยากแข็งแรงพอจะเลี้ยงหลานได้',
  ],
  economy: [
    'อยากมีเงินเก็บไว้ใช้ตอนแก่',
    'อยากปลดหนี้นอกระบบให้หมดภายในปีนี้',
    'อยากมีรายได้จากการทำขนมขาย',
    'อยากได้เบี้ยผู้สูงอายุ จะได้ไม่เป็นภาระลูก',
    'อยากปลูกผักกินเอง ไม่ต้องซื้อทุกวัน',
    'อยากมีงานทำที่บ้าน ได้เงินบ้างทุกเดือน',
  ],
  society: [
    'อยากไปร่วมงานบุญที่วัดกับเพื่อน ๆ',
    'อยากมีเพื่อนคุยทุกวัน ไม่เหงา',
    'อยากให้ลูกหลานมาเยี่ยมบ่อยขึ้น',
    'อยากไปโรงเรียนผู้สูงอายุกับเพื่อนบ้าน',
    'อยากทำบัตรประชาชนใหม่ให้เรียบร้อย จะได้ใช้สิทธิ์ได้',
    'อยากช่วยงานชุมชนเหมือนตอนยังหนุ่ม',
  ],
  environment: [
    'อยากให้ห้องน้ำมีราวจับ จะได้ไม่ล้มอีก',
    'อยากให้หลังคาไม่รั่วก่อนหน้าฝน',
    'อยากมีน้ำสะอาดดื่มทุกวัน',
    'อยากให้รอบบ้านสะอาด ไม่มียุง',
    'อยากไปหาหมอตามนัดได้ทุกครั้ง ไม่ต้องห่วงเรื่องรถ',
  ],
};

/** A relative who takes on an activity, as the plan names them. */
const FAMILY = [
  'สุนีย์ (ลูกสาว)',
  'ประยุทธ (ลูกชาย)',
  'มาลัย (ภรรยา)',
  'สมพงษ์ (สามี)',
  'ต้น (หลานชาย)',
  'แพรวา (หลานสาว)',
  'อำไพ (ลูกสะใภ้)',
  'บุญเรือน (น้องสาว)',
];
/** อสม. of the other villages, who have no demo account. */
const VOLUNTEER_NAMES = ['อสม. จันทร์เพ็ญ', 'อสม. สุวรรณ', 'อสม. ประไพ', 'อสม. อารีย์', 'อสม. สมปอง'];
const ADJUST_REASONS = [
  'ปรับตามผลคัดกรองเดือนที่ 3',
  'ปรับแผนหลังเยี่ยมบ้านเดือนที่ 3: กิจกรรมเดิมทำไม่ได้จริง',
  'ปรับตามที่ผู้สูงอายุและครอบครัวขอ หลังติดตาม 3 เดือน',
  'ผลคัดกรองเดือนที่ 3 เปลี่ยนไป จึงเพิ่มกิจกรรมที่ตรงกว่า',
];
const NOTES: Record<ProgressStatus, string[]> = {
  done: [
    'ทำได้ครบตามแผน',
    'ทำสม่ำเสมอ ดูสดชื่นขึ้น',
    'ลูกช่วยเตือนทุกวัน',
    'ไปร่วมกิจกรรมทุกสัปดาห์',
    'เจ้าหน้าที่มาตามนัด เรียบร้อยดี',
  ],
  partly: [
    'ทำได้บางสัปดาห์ ฝนตกบ่อย',
    'ลืมบ้างบางวัน',
    'ช่วงนี้ปวดเข่า ทำได้ไม่เต็มที่',
    'รอนัดรอบถัดไป',
    'ทำได้ครึ่งเดือน ไปช่วยงานศพญาติ',
  ],
  not_done: [
    'ไม่สบาย นอนพักทั้งเดือน',
    'ลูกไม่ว่างพาไป',
    'ไม่มีค่ารถไปโรงพยาบาล',
    'ยังไม่ได้เริ่ม รอเจ้าหน้าที่ติดต่อกลับ',
    'ไม่อยากทำ บอกว่าเหนื่อย',
  ],
};
/** What an organisation writes when it reports on its part. */
const ORG_NOTES: Record<ProgressStatus, string[]> = {
  done: ['เยี่ยมบ้านตามนัด เรียบร้อย', 'ส่งมอบแล้ว ผู้รับพอใจ', 'ดำเนินการครบตามแผนเดือนนี้'],
  partly: ['นัดแล้วแต่ยังไม่ครบ รอรอบหน้า', 'รอเอกสารเพิ่มเติมจากญาติ', 'ทำได้บางส่วน งบประมาณรอบนี้ไม่พอ'],
  not_done: ['ติดต่อไม่ได้ ไม่อยู่บ้าน', 'เลื่อนนัดเพราะเจ้าหน้าที่ไม่พอ', 'รอคิวหน่วยงาน'],
};
/** Probabilities of done and partly (the rest not done) by how the person's screenings went. */
const STATUS_ODDS: Record<PlanTrend, [done: number, partly: number]> = {
  improving: [0.68, 0.24],
  stable: [0.45, 0.33],
  worsening: [0.2, 0.32],
};
const PRESENT_ODDS: Record<PlanTrend, number> = { improving: 0.88, stable: 0.72, worsening: 0.45 };

interface GroupSpec {
  name: string;
  schedule: string;
  /** 0 = Sunday … 6 = Saturday (Thai calendar day). */
  weekday: number;
}
/** The group activities that may meet as activity groups in DEMO_GROUP_AREA, best first. */
const GROUP_SPECS: Record<string, GroupSpec> = {
  'elder-exercise-group': {
    name: 'กลุ่มออกกำลังกายผู้สูงอายุ ตำบลป่าขาด',
    schedule: 'ทุกวันพุธ 16.00–17.00 น. ลานอเนกประสงค์ หมู่ 1',
    weekday: 3,
  },
  'elderly-club': {
    name: 'ชมรมผู้สูงอายุตำบลป่าขาด',
    schedule: 'ทุกวันศุกร์ 09.00–11.00 น. ศาลาการเปรียญวัดป่าขาด',
    weekday: 5,
  },
  'healthy-diet-3a2s': {
    name: 'กลุ่มกินดีตามหลัก 3อ.2ส. ตำบลป่าขาด',
    schedule: 'ทุกวันอังคาร 14.00–15.00 น. รพ.สต.ป่าขาด',
    weekday: 2,
  },
  'community-market': {
    name: 'ตลาดนัดชุมชนผู้สูงอายุตำบลป่าขาด',
    schedule: 'ทุกวันเสาร์ 07.00–10.00 น. ลานตลาดหน้า อบต.ป่าขาด',
    weekday: 6,
  },
  'savings-group': {
    name: 'กลุ่มออมทรัพย์ผู้สูงอายุตำบลป่าขาด',
    schedule: 'ทุกวันเสาร์ 10.00–11.00 น. ที่ทำการ อบต.ป่าขาด',
    weekday: 6,
  },
};
const MAX_GROUPS = 2;
const MIN_GROUP_MEMBERS = 3;

type LibraryRow = typeof activities.$inferSelect;
type OrgRow = { id: string; type: string; areaCode: string };

interface ActivitySpec {
  id: string;
  library: LibraryRow;
  item: DraftItem;
  responsible: PlanResponsible;
  organizationId: string | null;
  responsibleUserId: string | null;
  responsibleName: string | null;
  mode: ActivityMode;
  activityGroupId: string | null;
  startsOn: string;
  /** First and last month it is reported on. */
  fromMonth: string;
  addedInVersion: number;
  removedInVersion: number | null;
  createdAt: string;
}

interface PlanSpec {
  id: string;
  person: { id: string; areaCode: string; villageCode: string | null };
  screeningId: string;
  trend: PlanTrend;
  goals: PlanGoals;
  createdAt: string;
  createdBy: string | null;
  activities: ActivitySpec[];
  adjustment: { at: string; reason: string; createdBy: string | null } | null;
  random: Random;
}

const isoPlus = (iso: string, ms: number, cap: Date) =>
  new Date(Math.min(Date.parse(iso) + ms, cap.getTime())).toISOString();

/** Weekday (0 = Sunday) of a YYYY-MM-DD calendar date. */
const weekdayOf = (date: string) => new Date(`${date}T00:00:00Z`).getUTCDay();
const addDays = (date: string, days: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10);

/** The responsible party and mode of an activity, from its modes and the demo organisations that can run it. */
function chooseResponsible(
  random: Random,
  library: LibraryRow,
  orgFor: (types: readonly string[]) => string | null,
  volunteer: { userId: string | null; name: string },
): Pick<ActivitySpec, 'responsible' | 'organizationId' | 'responsibleUserId' | 'responsibleName' | 'mode'> {
  const modes = library.modes as ActivityMode[];
  const orgId = modes.includes('agency') ? orgFor(library.providerTypes) : null;
  const options: [PlanResponsible, number][] = [];
  if (orgId) options.push(['organization', 3]);
  if (modes.includes('family')) options.push(['family', 2]);
  if (modes.includes('self') || modes.includes('group')) options.push(['self', 2]);
  options.push([
    'volunteer',
    library.providerTypes.includes('volunteer_group') || options.length === 0 ? 2 : 1,
  ]);
  const responsible =
    options[
      pickWeighted(
        random,
        options.map(([, w]) => w),
      )
    ]![0];
  const first = (...wanted: ActivityMode[]) => wanted.find((m) => modes.includes(m)) ?? modes[0] ?? 'self';
  switch (responsible) {
    case 'organization':
      return {
        responsible,
        organizationId: orgId,
        responsibleUserId: null,
        responsibleName: null,
        mode: 'agency',
      };
    case 'family':
      return {
        responsible,
        organizationId: null,
        responsibleUserId: null,
        responsibleName: pick(random, FAMILY),
        mode: 'family',
      };
    case 'self':
      return {
        responsible,
        organizationId: null,
        responsibleUserId: null,
        responsibleName: null,
        mode: first('self', 'group'),
      };
    default:
      return {
        responsible: 'volunteer',
        organizationId: null,
        responsibleUserId: volunteer.userId,
        responsibleName: volunteer.name,
        mode: first('self', 'group', 'agency', 'family'),
      };
  }
}

/** The activities of a plan: the best of each dimension with candidates, a second one now and then, 2–6 in all. */
function chooseItems(random: Random, draft: DraftItem[], preferred: ReadonlySet<string>): DraftItem[] {
  const byDimension = new Map<string, DraftItem[]>();
  for (const item of draft)
    byDimension.set(item.dimension, [...(byDimension.get(item.dimension) ?? []), item]);
  const firsts: DraftItem[] = [];
  const seconds: DraftItem[] = [];
  for (const ranked of byDimension.values()) {
    // A group that meets nearby is picked over a close runner-up: the person can join it this week.
    const near = ranked.slice(0, 3).find((d) => preferred.has(d.activityId));
    const items = near ? [near, ...ranked.filter((d) => d !== near)] : ranked;
    firsts.push(items[0]!);
    if (items[1] && chance(random, 0.35)) seconds.push(items[1]);
  }
  const chosen = [...firsts, ...seconds];
  if (chosen.length < 2) {
    const extra = draft.find((d) => !chosen.includes(d));
    if (extra) chosen.push(extra);
  }
  return chosen.slice(0, MAX_ACTIVITIES);
}

function goalsOf(random: Random, items: DraftItem[], levels: Record<string, string>): PlanGoals {
  const targets: NonNullable<PlanGoals['targets']> = {};
  const weight = new Map<PlanDimension, number>();
  for (const item of items) {
    const red = item.addresses.some((code) => levels[code] === 'red');
    if (red || targets[item.dimension] !== 'yellow') targets[item.dimension] = red ? 'yellow' : 'green';
    const w = item.addresses.reduce((s, code) => s + (levels[code] === 'red' ? 2 : levels[code] ? 1 : 0), 0);
    weight.set(item.dimension, (weight.get(item.dimension) ?? 0) + w);
  }
  const top = [...weight.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 'health';
  return { targets, personal: pick(random, PERSONAL_GOALS[top]) };
}

const snapshotActivity = (a: ActivitySpec): SnapshotActivity => {
  return {
    id: a.id,
    activityId: a.library.id,
    dimension: a.item.dimension,
    title: a.item.title,
    addresses: a.item.addresses,
    responsible: a.responsible,
    organizationId: a.organizationId,
    responsibleName: a.responsibleName,
    mode: a.mode,
    goal: null,
    startsOn: a.startsOn,
    endsOn: null,
    activityGroupId: a.activityGroupId,
  };
};

/** The snapshot the plans module writes for a version: the activities current in it, in stored order. */
function snapshotAt(plan: PlanSpec, version: number, startsOn: string): PlanSnapshot {
  const current = plan.activities
    .filter(
      (a) => a.addedInVersion <= version && (a.removedInVersion === null || a.removedInVersion > version),
    )
    .sort((a, b) =>
      a.createdAt === b.createdAt ? (a.id < b.id ? -1 : 1) : a.createdAt < b.createdAt ? -1 : 1,
    );
  return {
    status: 'active',
    goals: plan.goals,
    startsOn,
    endsOn: null,
    screeningId: plan.screeningId,
    activities: current.map(snapshotActivity),
  };
}

/** Inserts the demo plans; does nothing (all counts 0) if they are there already. */
export async function seedDemoPlans(db: Db, refs: DemoPlanRefs): Promise<DemoPlanCounts> {
  const thisMonth = bangkokMonth(refs.today);
  const startMonth = shiftMonth(thisMonth, -DEMO_PLAN_MONTHS_AGO);
  const lastMonth = shiftMonth(thisMonth, -1);
  const todayDate = bangkokDate(refs.today);

  const libraryOf = () =>
    db
      .select()
      .from(activities)
      .where(and(isNotNull(activities.code), isNull(activities.areaCode), eq(activities.active, true)))
      .orderBy(asc(activities.code));
  // Reference data, seeded before the demo (main.ts); without it there is nothing to draft from.
  const library = await libraryOf();
  if (library.length === 0) return NONE;
  const libraryById = new Map(library.map((a) => [a.id, a]));
  const draftLibrary: DraftActivity[] = library.map((a) => ({
    id: a.id,
    code: a.code,
    dimension: a.dimension,
    title: a.titleTh,
    addresses: a.addresses,
    modes: a.modes,
    adlGroups: a.adlGroups,
    minAge: a.minAge,
    maxAge: a.maxAge,
  }));

  // The screenings the plans are drafted from, and everyone's later ones (visits and the trend).
  const rows = await db
    .select({
      screening: screenings,
      person: {
        id: persons.id,
        areaCode: persons.areaCode,
        villageCode: persons.villageCode,
        birthDate: persons.birthDate,
        adlGroup: persons.adlGroup,
        mergedInto: persons.mergedInto,
      },
    })
    .from(screenings)
    .innerJoin(persons, eq(persons.id, screenings.personId))
    .where(and(eq(screenings.instrument, WELLBEING_INSTRUMENT), eq(screenings.takenMonth, startMonth)))
    .orderBy(asc(persons.id), asc(screenings.takenAt));
  if (rows.length === 0) return NONE;
  const planIdOf = (personId: string) => demoUuid(`plan:${personId}`);
  const [existing] = await db
    .select({ id: plans.id })
    .from(plans)
    .where(
      inArray(
        plans.id,
        rows.map((r) => planIdOf(r.person.id)),
      ),
    )
    .limit(1);
  if (existing) return NONE;
  const withPlan = new Set(
    (
      await db
        .select({ personId: plans.personId })
        .from(plans)
        .where(
          and(
            eq(plans.status, 'active'),
            inArray(
              plans.personId,
              rows.map((r) => r.person.id),
            ),
          ),
        )
    ).map((r) => r.personId),
  );

  const later = await db
    .select({
      personId: screenings.personId,
      takenMonth: screenings.takenMonth,
      takenAt: screenings.takenAt,
      scores: screenings.scores,
    })
    .from(screenings)
    .where(
      and(
        eq(screenings.instrument, WELLBEING_INSTRUMENT),
        inArray(
          screenings.personId,
          rows.map((r) => r.person.id),
        ),
      ),
    )
    .orderBy(asc(screenings.takenAt));
  const visits = new Map<string, string>();
  const latestTotal = new Map<string, number>();
  for (const s of later) {
    if (s.takenMonth < startMonth) continue;
    const key = `${s.personId}:${s.takenMonth}`;
    if (!visits.has(key)) visits.set(key, isoOf(s.takenAt));
    latestTotal.set(s.personId, Number((s.scores as { total?: number }).total));
  }
  /** When the volunteer came in a month: that month's screening visit, or the 20th. */
  const visitOf = (personId: string, month: string) =>
    visits.get(`${personId}:${month}`) ??
    new Date(Date.parse(monthStart(month)) + 19 * DAY + 10 * 3600_000).toISOString();

  const userRows = await db
    .select({ id: users.id, username: users.username })
    .from(users)
    .where(inArray(users.username, ['demo.volunteer', 'demo.agency', 'demo.admin', 'demo.socialworker']));
  const userId = (name: string) => userRows.find((u) => u.username === name)?.id ?? null;
  const volunteerId = userId('demo.volunteer');
  const agencyId = userId('demo.agency');
  const adminId = userId('demo.admin');
  const socialWorkerId = userId('demo.socialworker');
  const [volunteerRow] = volunteerId
    ? await db
        .select({ name: users.displayName, areaCodes: users.areaCodes })
        .from(users)
        .where(eq(users.id, volunteerId))
    : [];

  // Looked at in the order of their keys, so the same organisation is chosen every time.
  const keyOf = new Map([...refs.orgIds].map(([key, id]) => [id, key]));
  const orgs: OrgRow[] = (
    keyOf.size > 0
      ? await db
          .select({ id: organizations.id, type: organizations.type, areaCode: organizations.areaCode })
          .from(organizations)
          .where(inArray(organizations.id, [...keyOf.keys()]))
      : []
  ).sort((a, b) => ((keyOf.get(a.id) ?? '') < (keyOf.get(b.id) ?? '') ? -1 : 1));
  /** A demo organisation of the first provider type that has one: the person's subdistrict's, else a wider one. */
  const orgFinder = (areaCode: string) => (types: readonly string[]) => {
    for (const type of types) {
      const local = orgs.find((o) => o.type === type && o.areaCode === areaCode);
      if (local) return local.id;
      const wide = orgs.find(
        (o) => o.type === type && o.areaCode.length < 6 && areaCode.startsWith(o.areaCode),
      );
      if (wide) return wide.id;
    }
    return null;
  };

  // Candidates: one drafting screening per person, a draft of at least two activities.
  interface Candidate {
    row: (typeof rows)[number];
    draft: DraftItem[];
    levels: Record<string, string>;
    trend: PlanTrend;
  }
  const candidates: Candidate[] = [];
  const seen = new Set<string>();
  for (const row of rows) {
    const { person, screening } = row;
    if (seen.has(person.id) || person.mergedInto || withPlan.has(person.id)) continue;
    seen.add(person.id);
    const basis = draftBasis({
      wellbeing: {
        instrument: screening.instrument,
        version: screening.version,
        answers: screening.answers as Record<string, never>,
      },
    });
    const start = `${startMonth}-01`;
    const age =
      Number(start.slice(0, 4)) -
      Number(person.birthDate.slice(0, 4)) -
      (start.slice(5) < person.birthDate.slice(5) ? 1 : 0);
    const draft = draftPlan({
      itemLevels: basis.itemLevels,
      needs: basis.needs,
      person: { ageYears: age, adlGroup: (person.adlGroup as AdlGroup | null) ?? null },
      activities: draftLibrary,
      perDimension: Number.POSITIVE_INFINITY,
    });
    if (draft.length < 2) continue;
    const first = Number((screening.scores as { total?: number }).total);
    const last = latestTotal.get(person.id) ?? first;
    candidates.push({ row, draft, levels: basis.itemLevels, trend: trendOf(last - first) });
  }

  // Everyone who got better or worse has a story to show; the rest of the places go to stable people.
  const random = mulberry32(seedFor(`${DEMO_PLANS_SEED}:${startMonth}:choose`));
  const order = shuffled(random, candidates);
  const moving = order.filter((c) => c.trend !== 'stable').slice(0, Math.round(DEMO_PLAN_PEOPLE * 0.7));
  const chosen = [...moving, ...order.filter((c) => c.trend === 'stable')]
    .slice(0, DEMO_PLAN_PEOPLE)
    .sort((a, b) => (a.row.person.id < b.row.person.id ? -1 : 1));

  const volunteerArea = volunteerRow?.areaCodes?.[0] ?? null;
  const groupActivityIds = new Set(
    library.filter((a) => a.code !== null && Object.hasOwn(GROUP_SPECS, a.code)).map((a) => a.id),
  );
  const specs: PlanSpec[] = chosen.map((c) => {
    const { person, screening } = c.row;
    const r = mulberry32(seedFor(`${DEMO_PLANS_SEED}:plan:${person.id}`));
    const planId = planIdOf(person.id);
    const ownVillage = volunteerArea !== null && person.villageCode === volunteerArea;
    const volunteer = ownVillage
      ? { userId: volunteerId, name: volunteerRow?.name ?? 'อสม.' }
      : { userId: null, name: pick(r, VOLUNTEER_NAMES) };
    const orgFor = orgFinder(person.areaCode);
    const createdAt = isoPlus(isoOf(screening.takenAt), 45 * 60_000, refs.today);
    const startsOn = `${startMonth}-01`;
    const items = chooseItems(r, c.draft, person.areaCode === DEMO_GROUP_AREA ? groupActivityIds : new Set());
    const spec = (
      item: DraftItem,
      version: number,
      at: string,
      from: string,
      starts: string,
    ): ActivitySpec => {
      const lib = libraryById.get(item.activityId)!;
      return {
        id: demoUuid(`plan-activity:${planId}:${lib.code}`),
        library: lib,
        item,
        ...chooseResponsible(r, lib, orgFor, volunteer),
        activityGroupId: null,
        startsOn: starts,
        fromMonth: from,
        addedInVersion: version,
        removedInVersion: null,
        createdAt: at,
      };
    };
    const acts = items.map((item) => spec(item, 1, createdAt, startMonth, startsOn));
    const plan: PlanSpec = {
      id: planId,
      person,
      screeningId: screening.id,
      trend: c.trend,
      goals: goalsOf(r, items, c.levels),
      createdAt,
      createdBy: ownVillage ? volunteerId : person.areaCode === DEMO_GROUP_AREA ? adminId : socialWorkerId,
      activities: acts,
      adjustment: null,
      random: r,
    };
    // About a quarter are adjusted three months in: one activity dropped, another candidate of the draft added.
    const spare = c.draft.filter((d) => !items.includes(d));
    if (chance(r, 0.33) && spare.length > 0 && acts.length >= 2) {
      const adjustMonth = shiftMonth(startMonth, DEMO_ADJUST_AFTER);
      const at = isoPlus(visitOf(person.id, adjustMonth), 30 * 60_000, refs.today);
      const dropped = pick(r, acts);
      dropped.removedInVersion = 2;
      const sameDimension = spare.filter((d) => d.dimension === dropped.item.dimension);
      const added = spec(
        pick(r, sameDimension.length > 0 ? sameDimension : spare),
        2,
        at,
        adjustMonth,
        bangkokDate(at),
      );
      acts.push(added);
      plan.adjustment = { at, reason: pick(r, ADJUST_REASONS), createdBy: plan.createdBy };
    }
    return plan;
  });

  // Group activities of the pilot subdistrict that several plans share meet as activity groups.
  const groups: {
    id: string;
    library: LibraryRow;
    spec: GroupSpec;
    organizationId: string | null;
    members: ActivitySpec[];
    plans: PlanSpec[];
  }[] = [];
  const candidatesForGroups = Object.entries(GROUP_SPECS).flatMap(([code, groupSpec], order) => {
    const lib = library.find((a) => a.code === code);
    if (!lib?.modes.includes('group')) return [];
    const members: ActivitySpec[] = [];
    const memberPlans: PlanSpec[] = [];
    for (const p of specs) {
      if (p.person.areaCode !== DEMO_GROUP_AREA) continue;
      const a = p.activities.find((x) => x.library.id === lib.id && x.removedInVersion === null);
      if (a) {
        members.push(a);
        memberPlans.push(p);
      }
    }
    return [{ code, groupSpec, lib, members, memberPlans, order }];
  });
  // The elders' exercise group first when it has members enough, then the largest of the others.
  candidatesForGroups.sort(
    (a, b) =>
      (a.order === 0 ? 0 : 1) - (b.order === 0 ? 0 : 1) ||
      b.members.length - a.members.length ||
      a.order - b.order,
  );
  for (const { code, groupSpec, lib, members, memberPlans } of candidatesForGroups) {
    if (groups.length >= MAX_GROUPS) break;
    if (members.length < MIN_GROUP_MEMBERS) continue;
    const id = demoUuid(`activity-group:${DEMO_GROUP_AREA}:${code}`);
    const organizationId = orgFinder(DEMO_GROUP_AREA)(lib.providerTypes);
    for (const a of members) {
      a.mode = 'group';
      a.activityGroupId = id;
      if (a.responsible === 'family') {
        a.responsible = 'self';
        a.responsibleName = null;
      }
      // The organisation that runs the group is the one responsible for members it takes charge of.
      if (a.responsible === 'organization') a.organizationId = organizationId;
      if (a.responsible === 'organization' && !organizationId) a.responsible = 'self';
    }
    groups.push({ id, library: lib, spec: groupSpec, organizationId, members, plans: memberPlans });
  }

  // Attendance: weekly sessions from the first of the month three months ago up to today.
  const attendanceFrom = `${shiftMonth(thisMonth, -3)}-01`;
  const attendanceRows: (typeof activityAttendance.$inferInsert)[] = [];
  /** Share of sessions attended, per plan activity and month. */
  const attended = new Map<string, { held: number; present: number }>();
  for (const g of groups) {
    let first = attendanceFrom;
    while (weekdayOf(first) !== g.spec.weekday) first = addDays(first, 1);
    g.members.forEach((a, i) => {
      const p = g.plans[i]!;
      const r = mulberry32(seedFor(`${DEMO_PLANS_SEED}:attendance:${g.id}:${p.person.id}`));
      for (let d = first; d <= todayDate; d = addDays(d, 7)) {
        if (d < a.startsOn) continue;
        const present = chance(r, PRESENT_ODDS[p.trend]);
        attendanceRows.push({
          id: demoUuid(`attendance:${g.id}:${p.person.id}:${d}`),
          activityGroupId: g.id,
          personId: p.person.id,
          heldOn: d,
          present,
          recordedBy: volunteerId,
          createdAt: new Date(Math.min(Date.parse(`${d}T10:00:00Z`), refs.today.getTime())).toISOString(),
        });
        const key = `${a.id}:${d.slice(0, 7)}`;
        const seenMonth = attended.get(key) ?? { held: 0, present: 0 };
        attended.set(key, { held: seenMonth.held + 1, present: seenMonth.present + (present ? 1 : 0) });
      }
    });
  }

  // Rows.
  const planRows: (typeof plans.$inferInsert)[] = [];
  const versionRows: (typeof planVersions.$inferInsert)[] = [];
  const activityRows: (typeof planActivities.$inferInsert)[] = [];
  const progressRows: (typeof planProgress.$inferInsert)[] = [];
  const adjustMonth = shiftMonth(startMonth, DEMO_ADJUST_AFTER);
  for (const p of specs) {
    const version = p.adjustment ? 2 : 1;
    planRows.push({
      id: p.id,
      personId: p.person.id,
      areaCode: p.person.areaCode,
      status: 'active',
      version,
      goals: p.goals,
      startsOn: `${startMonth}-01`,
      endsOn: null,
      screeningId: p.screeningId,
      groupId: null,
      clientId: demoUuid(`plan-client:${p.person.id}`),
      createdBy: p.createdBy,
      createdAt: p.createdAt,
      updatedAt: p.adjustment?.at ?? p.createdAt,
    });
    versionRows.push({
      id: demoUuid(`plan-version:${p.id}:1`),
      planId: p.id,
      version: 1,
      reason: null,
      snapshot: snapshotAt(p, 1, `${startMonth}-01`),
      createdBy: p.createdBy,
      createdAt: p.createdAt,
    });
    if (p.adjustment) {
      versionRows.push({
        id: demoUuid(`plan-version:${p.id}:2`),
        planId: p.id,
        version: 2,
        reason: p.adjustment.reason,
        snapshot: snapshotAt(p, 2, `${startMonth}-01`),
        createdBy: p.adjustment.createdBy,
        createdAt: p.adjustment.at,
      });
    }
    for (const a of p.activities) {
      activityRows.push({
        id: a.id,
        planId: p.id,
        personId: p.person.id,
        activityId: a.library.id,
        dimension: a.item.dimension,
        title: a.item.title,
        addresses: a.item.addresses,
        responsible: a.responsible,
        organizationId: a.organizationId,
        responsibleUserId: a.responsibleUserId,
        responsibleName: a.responsibleName,
        mode: a.mode,
        activityGroupId: a.activityGroupId,
        goal: null,
        startsOn: a.startsOn,
        endsOn: null,
        addedInVersion: a.addedInVersion,
        removedInVersion: a.removedInVersion,
        createdAt: a.createdAt,
      });
      // One report a month while it is in the plan, up to last month, made at the next month's visit.
      const until = a.removedInVersion === null ? lastMonth : shiftMonth(adjustMonth, -1);
      const r = p.random;
      for (let m = a.fromMonth; m <= until; m = shiftMonth(m, 1)) {
        const share = attended.get(`${a.id}:${m}`);
        let status: ProgressStatus;
        if (share && share.held > 0) {
          const f = share.present / share.held;
          status = f >= 0.75 ? 'done' : f >= 0.4 ? 'partly' : 'not_done';
        } else {
          const [done, partly] = STATUS_ODDS[p.trend];
          const x = r();
          status = x < done ? 'done' : x < done + partly ? 'partly' : 'not_done';
        }
        const reportedAs: ProgressReporter =
          a.responsible === 'organization'
            ? 'organization'
            : a.responsible === 'self' && chance(r, 0.2)
              ? 'self'
              : 'volunteer';
        const reportedBy =
          reportedAs === 'organization' ? agencyId : reportedAs === 'self' ? null : volunteerId;
        const next = shiftMonth(m, 1);
        const at = isoPlus(visitOf(p.person.id, next), 15 * 60_000, refs.today);
        progressRows.push({
          id: demoUuid(`plan-progress:${a.id}:${m}`),
          planId: p.id,
          planActivityId: a.id,
          month: m,
          status,
          note: chance(r, 0.25) ? pick(r, (reportedAs === 'organization' ? ORG_NOTES : NOTES)[status]) : null,
          photo: null,
          reportedAs,
          reportedBy,
          clientId: demoUuid(`plan-progress-client:${a.id}:${m}`),
          createdAt: at,
        });
      }
    }
  }

  const groupRows: (typeof activityGroups.$inferInsert)[] = groups.map((g) => ({
    id: g.id,
    activityId: g.library.id,
    areaCode: DEMO_GROUP_AREA,
    name: g.spec.name,
    organizationId: g.organizationId,
    schedule: g.spec.schedule,
    createdBy: adminId,
    createdAt: new Date(Date.parse(monthStart(startMonth)) - 7 * DAY).toISOString(),
  }));

  const insert = async <T>(rowsToInsert: T[], write: (chunk: T[]) => Promise<unknown>) => {
    for (let i = 0; i < rowsToInsert.length; i += CHUNK) await write(rowsToInsert.slice(i, i + CHUNK));
  };
  await insert(groupRows, (c) => db.insert(activityGroups).values(c));
  await insert(planRows, (c) => db.insert(plans).values(c));
  await insert(activityRows, (c) => db.insert(planActivities).values(c));
  await insert(versionRows, (c) => db.insert(planVersions).values(c));
  await insert(progressRows, (c) => db.insert(planProgress).values(c));
  await insert(attendanceRows, (c) => db.insert(activityAttendance).values(c));

  return {
    plans: planRows.length,
    planActivities: activityRows.length,
    adjustedPlans: specs.filter((p) => p.adjustment).length,
    planProgress: progressRows.length,
    activityGroups: groupRows.length,
    attendance: attendanceRows.length,
  };
}
