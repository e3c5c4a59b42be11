/**
 * Referrals for the demo (issue 8 items 4 and 8): a handful of cases sent from ป่าขาด (the pilot) to the
 * district hospital's social worker, the dental and palliative SHPHs and the PAO, in every status, so
 * that the queue, the overdue badge and both sides' history have something to show. Times are relative
 * to "today"; due times follow the core rule (`dueAtFor`), and each move is a `service_event` row as the
 * referrals module writes it. Ids are `demoUuid`s. Call inside the demo seed's transaction, after the
 * people, screenings and plans.
 */
import { and, asc, desc, eq, inArray, isNotNull, sql } from 'drizzle-orm';
import type { ReferralDiscipline, ReferralStatus, ReferralUrgency } from '../../core/schemas/index.ts';
import { dueAtFor, isClosed } from '../../core/services/referral.ts';
import type { Db } from '../db/client.ts';
import { persons, plans, referrals, screenings, serviceEvents, users } from '../db/schema.ts';
import { demoUuid } from './demoScreenings.ts';

const HOUR = 3_600_000;
/** The village of demo.volunteer (หมู่ 1 ป่าขาด): the people referred live there. */
const VILLAGE = '90150801';

type Sender = 'demo.volunteer' | 'demo.admin';
type Receiver = 'demo.socialworker' | 'demo.agency' | null;

interface Move {
  to: Exclude<ReferralStatus, 'sent'>;
  /** Hours after the referral was sent. */
  after: number;
  /** Who moved it: the receiver named in the case, or the sender (withdrawals). */
  by: 'receiver' | 'sender';
  note?: string;
}

interface DemoCase {
  key: string;
  from: Sender;
  /** demoOrganizations key of the receiving organisation. */
  to: string;
  /** The receiving member who acts (an account of that organisation), when there is one. */
  actor: Receiver;
  urgency: ReferralUrgency;
  disciplines: ReferralDiscipline[];
  reason: string;
  /** Hours before "today" it was sent. */
  sentHoursAgo: number;
  moves: Move[];
}

/** The cases, each a small story; the statuses cover the whole life of a referral. */
const CASES: DemoCase[] = [
  {
    key: 'knee-physio',
    from: 'demo.volunteer',
    to: 'hospital_singhanakhon',
    actor: 'demo.socialworker',
    urgency: 'routine',
    disciplines: ['physiotherapist'],
    reason: 'ปวดเข่าทั้งสองข้าง เดินได้ไม่ถึงหน้าบ้าน อยากให้นักกายภาพมาประเมินและสอนท่าบริหาร',
    sentHoursAgo: 2,
    moves: [],
  },
  {
    key: 'alone-social',
    from: 'demo.volunteer',
    to: 'hospital_singhanakhon',
    actor: 'demo.socialworker',
    urgency: 'urgent',
    disciplines: ['social_worker'],
    reason: 'อยู่บ้านคนเดียว ลูกไปทำงานต่างจังหวัด ไม่มีรายได้ ค้างค่าไฟสองเดือน ขอให้นักสังคมสงเคราะห์ช่วยประเมิน',
    // Past its 24-hour due time and still waiting: the queue shows it overdue.
    sentHoursAgo: 30,
    moves: [],
  },
  {
    key: 'fall-emergency',
    from: 'demo.admin',
    to: 'hospital_singhanakhon',
    actor: 'demo.socialworker',
    urgency: 'emergency',
    disciplines: ['nurse', 'doctor'],
    reason: 'ล้มในห้องน้ำเมื่อเช้า สะโพกบวม ลุกเองไม่ได้ ญาติไม่มีรถพาไป',
    sentHoursAgo: 2,
    moves: [{ to: 'accepted', after: 0.5, by: 'receiver', note: 'รับเรื่องแล้ว ส่งทีมพยาบาลออกไปดู' }],
  },
  {
    key: 'stroke-rehab',
    from: 'demo.volunteer',
    to: 'hospital_singhanakhon',
    actor: 'demo.socialworker',
    urgency: 'routine',
    disciplines: ['physiotherapist', 'occupational_therapist'],
    reason: 'กลับจากโรงพยาบาลหลังอัมพฤกษ์ซีกซ้าย ต้องการฟื้นฟูที่บ้านและปรับบ้านให้ปลอดภัย',
    sentHoursAgo: 5 * 24,
    moves: [
      { to: 'accepted', after: 20, by: 'receiver' },
      { to: 'in_progress', after: 48, by: 'receiver', note: 'เยี่ยมบ้านครั้งแรกแล้ว นัดทำกายภาพทุกสัปดาห์' },
    ],
  },
  {
    key: 'depression',
    from: 'demo.admin',
    to: 'hospital_singhanakhon',
    actor: 'demo.socialworker',
    urgency: 'urgent',
    disciplines: ['psychologist'],
    reason: 'ผลคัดกรองซึมเศร้า 9Q สูง นอนไม่หลับ ไม่อยากออกจากบ้าน',
    sentHoursAgo: 21 * 24,
    moves: [
      { to: 'accepted', after: 6, by: 'receiver' },
      { to: 'in_progress', after: 30, by: 'receiver' },
      {
        to: 'completed',
        after: 14 * 24,
        by: 'receiver',
        note: 'พบนักจิตวิทยาครบ 3 ครั้ง อาการดีขึ้น ส่งกลับให้ อสม. ติดตามรายเดือน',
      },
    ],
  },
  {
    key: 'dental-full',
    from: 'demo.volunteer',
    to: 'shph_wat_khanun',
    actor: null,
    urgency: 'routine',
    disciplines: ['dentist'],
    reason: 'ฟันโยกหลายซี่ เคี้ยวข้าวไม่ได้ ขอทำฟันปลอม',
    sentHoursAgo: 10 * 24,
    moves: [
      {
        to: 'declined',
        after: 26,
        by: 'receiver',
        note: 'คิวทำฟันปลอมเต็มถึงสิ้นเดือนหน้า แนะนำส่ง รพ.สต.ชิงโค',
      },
    ],
  },
  {
    key: 'dental-ching-kho',
    from: 'demo.volunteer',
    to: 'shph_ching_kho',
    actor: null,
    urgency: 'routine',
    disciplines: ['dentist'],
    reason: 'ส่งต่อจาก รพ.สต.วัดขนุน ที่คิวเต็ม: ฟันโยกหลายซี่ ขอทำฟันปลอม',
    sentHoursAgo: 3 * 24,
    moves: [],
  },
  {
    key: 'home-repair',
    from: 'demo.admin',
    to: 'pao_songkhla',
    actor: 'demo.agency',
    urgency: 'routine',
    disciplines: ['caregiver'],
    reason: 'บ้านหลังคารั่ว ห้องน้ำไม่มีราวจับ ผู้สูงอายุติดบ้าน ขอปรับสภาพบ้านและผู้ดูแล',
    sentHoursAgo: 8 * 24,
    moves: [{ to: 'withdrawn', after: 50, by: 'sender', note: 'อบต.ป่าขาดรับซ่อมให้แล้วจากกองทุนตำบล' }],
  },
  {
    key: 'palliative',
    from: 'demo.admin',
    to: 'shph_ram_daeng',
    actor: null,
    urgency: 'urgent',
    disciplines: ['nurse', 'caregiver'],
    reason: 'ผู้ป่วยมะเร็งระยะท้าย ครอบครัวอยากดูแลที่บ้าน ขอคำปรึกษาการดูแลแบบประคับประคอง',
    sentHoursAgo: 3,
    moves: [],
  },
];

export interface DemoReferralRefs {
  today: Date;
  /** Demo organisation ids by their demoOrganizations key. */
  orgIds: ReadonlyMap<string, string>;
}

/**
 * Inserts the demo referrals and their history; returns how many. Skips what it cannot place (no
 * people in the village, an organisation or account missing) rather than failing the demo seed.
 */
export async function seedDemoReferrals(
  db: Db,
  refs: DemoReferralRefs,
): Promise<{ referrals: number; referralEvents: number }> {
  const accounts = new Map(
    (
      await db
        .select({ id: users.id, username: users.username, organizationId: users.organizationId })
        .from(users)
        .where(inArray(users.username, ['demo.volunteer', 'demo.admin', 'demo.socialworker', 'demo.agency']))
    ).map((u) => [u.username, u]),
  );
  const people = await db
    .select({ id: persons.id, areaCode: persons.areaCode, villageCode: persons.villageCode })
    .from(persons)
    .where(and(eq(persons.villageCode, VILLAGE), isNotNull(persons.birthDate)))
    .orderBy(asc(persons.birthDate), asc(persons.id))
    .limit(CASES.length);
  if (people.length === 0) return { referrals: 0, referralEvents: 0 };

  let count = 0;
  let eventCount = 0;
  for (const [i, c] of CASES.entries()) {
    const person = people[i % people.length]!;
    const sender = accounts.get(c.from);
    const toOrganizationId = refs.orgIds.get(c.to);
    if (!sender || !toOrganizationId) continue;
    const receiver = c.actor ? accounts.get(c.actor) : undefined;
    const sentAt = new Date(refs.today.getTime() - c.sentHoursAgo * HOUR);
    const moves = c.moves.filter((m) => sentAt.getTime() + m.after * HOUR <= refs.today.getTime());
    // The receiving organisation may have no demo account: its moves are then recorded without an actor.
    const actorOf = (m: Move) => (m.by === 'sender' ? sender.id : (receiver?.id ?? null));
    const last = moves.at(-1);
    const status: ReferralStatus = last?.to ?? 'sent';
    const lastAt = last ? new Date(sentAt.getTime() + last.after * HOUR).toISOString() : sentAt.toISOString();
    const accepted = moves.find((m) => m.to === 'accepted');
    const shared = await sharedFor(db, person.id, sentAt.toISOString());
    const id = demoUuid(`referral:${c.key}`);

    await db.insert(referrals).values({
      id,
      personId: person.id,
      areaCode: person.areaCode,
      villageCode: person.villageCode,
      fromUserId: sender.id,
      fromOrganizationId: sender.organizationId,
      toOrganizationId,
      disciplines: c.disciplines,
      reason: c.reason,
      urgency: c.urgency,
      status,
      shared,
      dueAt: dueAtFor(sentAt, c.urgency),
      assignedUserId: accepted ? actorOf(accepted) : null,
      closedAt: isClosed(status) ? lastAt : null,
      version: 1 + moves.length,
      createdAt: sentAt.toISOString(),
      updatedAt: lastAt,
    });
    let from: ReferralStatus | null = null;
    const rows: { to: ReferralStatus; at: string; actorId: string | null; note: string | null }[] = [
      { to: 'sent', at: sentAt.toISOString(), actorId: sender.id, note: null },
    ];
    for (const m of moves) {
      rows.push({
        to: m.to,
        at: new Date(sentAt.getTime() + m.after * HOUR).toISOString(),
        actorId: actorOf(m),
        note: m.note ?? null,
      });
    }
    for (const [n, r] of rows.entries()) {
      await db.insert(serviceEvents).values({
        id: demoUuid(`referral:${c.key}:event:${n}`),
        subject: 'referral',
        subjectId: id,
        fromStatus: from,
        toStatus: r.to,
        note: r.note,
        actorId: r.actorId,
        at: r.at,
      });
      from = r.to;
    }
    count++;
    eventCount += rows.length;
  }
  return { referrals: count, referralEvents: eventCount };
}

/** What a sender would have shared then: the latest 20-item screening and the active plan. */
async function sharedFor(db: Db, personId: string, before: string) {
  const [screening] = await db
    .select({ id: screenings.id })
    .from(screenings)
    .where(
      and(
        eq(screenings.personId, personId),
        eq(screenings.instrument, 'wellbeing20'),
        sql`${screenings.takenAt} <= ${before}::timestamptz`,
      ),
    )
    .orderBy(desc(screenings.takenAt))
    .limit(1);
  const [plan] = await db
    .select({ id: plans.id })
    .from(plans)
    .where(and(eq(plans.personId, personId), eq(plans.status, 'active')))
    .limit(1);
  return {
    ...(screening ? { screeningId: screening.id } : {}),
    ...(plan ? { planId: plan.id } : {}),
  };
}
