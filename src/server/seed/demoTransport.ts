/**
 * Demo patient-transport requests (issue 8): the Pa Khad volunteer asks the provincial PAO's transport
 * service for rides for a few elders of her village, in every status, each with its history in
 * `service_event`. The lead calls `seedDemoTransport` from the demo seed after the people exist.
 */
import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { TransportNeed, TransportStatus } from '../../core/schemas/index.ts';
import { bangkokDate } from '../../core/screenings/month.ts';
import type { Db } from '../db/client.ts';
import { areas, persons, serviceEvents, transportRequests, users } from '../db/schema.ts';

export interface DemoTransportRefs {
  today: Date;
  /** demoData.ts organisation keys → ids. */
  orgIds: ReadonlyMap<string, string>;
}

/** The volunteer's village (demoData.ts: demo.volunteer looks after หมู่ 1 of ป่าขาด). */
const VILLAGE = '90150801';
const PROVIDER_KEY = 'pao_songkhla';
const REQUESTER = 'demo.volunteer';
const RESPONDER = 'demo.agency';

interface DemoRide {
  /** Days from today (negative: in the past) and Thai clock time of the pick-up. */
  day: number;
  time: string;
  destinationKey: string;
  needs: TransportNeed[];
  note: string | null;
  /** The moves after `requested`, with their notes. */
  moves: { to: TransportStatus; note?: string }[];
}

const RIDES: DemoRide[] = [
  {
    day: 1,
    time: '08:00',
    destinationKey: 'shph_ching_kho',
    needs: ['wheelchair'],
    note: 'นัดทำฟันที่ รพ.สต.ชิงโค',
    moves: [],
  },
  {
    day: 3,
    time: '09:30',
    destinationKey: 'hospital_singhanakhon',
    needs: ['wheelchair', 'escort'],
    note: 'ตรวจตามนัดคลินิกเบาหวาน ญาติไปด้วย 1 คน',
    moves: [{ to: 'accepted' }],
  },
  {
    day: -10,
    time: '08:30',
    destinationKey: 'hospital_singhanakhon',
    needs: ['stretcher', 'oxygen'],
    note: null,
    moves: [{ to: 'accepted' }, { to: 'completed', note: 'ส่งถึงโรงพยาบาลแล้ว' }],
  },
  {
    day: -4,
    time: '13:00',
    destinationKey: 'shph_ram_daeng',
    needs: [],
    note: null,
    moves: [{ to: 'declined', note: 'รถไม่ว่างในวันนั้น โปรดติดต่อกู้ภัยตำบล' }],
  },
  {
    day: 6,
    time: '10:00',
    destinationKey: 'shph_wat_khanun',
    needs: ['escort'],
    note: null,
    moves: [{ to: 'cancelled', note: 'ญาติพาไปเอง' }],
  },
];

const DAY = 86_400_000;

/** `YYYY-MM-DDTHH:MM:00+07:00` of a day counted from today in Thai time. */
function thaiInstant(today: Date, days: number, time: string): string {
  const date = bangkokDate(new Date(today.getTime() + days * DAY));
  return new Date(`${date}T${time}:00+07:00`).toISOString();
}

/** Inserts the demo rides once; returns how many (0 if there were some already or nothing to ride with). */
export async function seedDemoTransport(
  db: Db,
  refs: DemoTransportRefs,
): Promise<{ transportRequests: number }> {
  const [existing] = await db.select({ n: sql<number>`count(*)::int` }).from(transportRequests);
  const providerId = refs.orgIds.get(PROVIDER_KEY);
  if ((existing?.n ?? 0) > 0 || !providerId) return { transportRequests: 0 };

  const accounts = new Map(
    (
      await db
        .select({ id: users.id, username: users.username })
        .from(users)
        .where(inArray(users.username, [REQUESTER, RESPONDER]))
    ).map((u) => [u.username, u.id]),
  );
  const requesterId = accounts.get(REQUESTER);
  const responderId = accounts.get(RESPONDER) ?? null;
  if (!requesterId) return { transportRequests: 0 };

  // The eldest of the village first: those most likely to need a ride.
  const people = await db
    .select({ id: persons.id, areaCode: persons.areaCode, houseNo: persons.houseNo })
    .from(persons)
    .where(and(eq(persons.villageCode, VILLAGE), isNull(persons.mergedInto)))
    .orderBy(asc(persons.birthDate), asc(persons.id))
    .limit(RIDES.length);
  if (people.length === 0) return { transportRequests: 0 };
  const [village] = await db.select({ name: areas.nameTh }).from(areas).where(eq(areas.code, VILLAGE));

  let made = 0;
  for (const [i, ride] of RIDES.entries()) {
    const person = people[i % people.length]!;
    const pickupAt = thaiInstant(refs.today, ride.day, ride.time);
    // Asked a week before the ride (or a day ago for the next ones); each move a few hours later.
    const askedAt = new Date(Math.min(Date.parse(pickupAt) - 7 * DAY, refs.today.getTime() - DAY));
    const times = ride.moves.map((_, k) =>
      new Date(askedAt.getTime() + (k + 1) * 3 * 3600_000).toISOString(),
    );
    const status = ride.moves.at(-1)?.to ?? 'requested';
    const [row] = await db
      .insert(transportRequests)
      .values({
        personId: person.id,
        areaCode: person.areaCode,
        villageCode: VILLAGE,
        requestedBy: requesterId,
        providerOrganizationId: providerId,
        destinationOrganizationId: refs.orgIds.get(ride.destinationKey) ?? null,
        destination: refs.orgIds.has(ride.destinationKey) ? null : 'โรงพยาบาลสิงหนคร',
        pickupAt,
        pickupAddress: [
          person.houseNo ? `บ้านเลขที่ ${person.houseNo}` : null,
          village?.name,
          'ต.ป่าขาด อ.สิงหนคร',
        ]
          .filter(Boolean)
          .join(' '),
        needs: ride.needs,
        status,
        note: ride.note,
        version: ride.moves.length + 1,
        createdAt: askedAt.toISOString(),
        updatedAt: times.at(-1) ?? askedAt.toISOString(),
      })
      .returning({ id: transportRequests.id });
    let from: TransportStatus = 'requested';
    await db.insert(serviceEvents).values([
      {
        subject: 'transport',
        subjectId: row!.id,
        fromStatus: null,
        toStatus: 'requested',
        actorId: requesterId,
        at: askedAt.toISOString(),
      },
      ...ride.moves.map((m, k) => {
        const event = {
          subject: 'transport',
          subjectId: row!.id,
          fromStatus: from,
          toStatus: m.to,
          note: m.note ?? null,
          actorId: m.to === 'cancelled' ? requesterId : responderId,
          at: times[k]!,
        };
        from = m.to;
        return event;
      }),
    ]);
    made++;
  }
  return { transportRequests: made };
}
