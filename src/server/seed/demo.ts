import { eq, inArray } from 'drizzle-orm';
import { thaiToday } from '../../core/thai/birthDate.ts';
import type { Db } from '../db/client.ts';
import { areas, installation, organizations, users } from '../db/schema.ts';
import { audit } from '../modules/audit/service.ts';
import { hashPassword, randomPassword } from '../modules/auth/secrets.ts';
import type { NationalIdVault } from '../modules/persons/nationalIdVault.ts';
import { seedDemoAssistance } from './demoAssistance.ts';
import { demoOrganizations, demoUsers, demoVillages } from './demoData.ts';
import { seedDemoGroups } from './demoGroups.ts';
import { RECORDER_USERNAMES, type Recorder, SHARED_AGENCY_KEYS, seedDemoPeople } from './demoPeople.ts';
import { seedDemoPlans } from './demoPlans.ts';
import { seedDemoReferrals } from './demoReferrals.ts';
import { seedDemoScreenings } from './demoScreenings.ts';
import { seedDemoTransport } from './demoTransport.ts';
import { seedDemoVisits } from './demoVisits.ts';

export interface DemoAccount {
  username: string;
  password: string;
  roles: string[];
}

const MARK = 'demo_seeded';

/**
 * Singhanakhon district as the demo area, once per database: its villages,
 * the organisations of the seed documents, one account per role, and about
 * 500 people in households (demoPeople.ts; their national IDs through the
 * vault). Returns the accounts with their new passwords, or null if the demo
 * was already there.
 */
export async function seedDemo(db: Db, vault: NationalIdVault): Promise<DemoAccount[] | null> {
  const [done] = await db.select().from(installation).where(eq(installation.key, MARK));
  if (done) return null;

  return db.transaction(async (tx) => {
    await tx
      .insert(areas)
      .values(
        demoVillages.map((v) => ({
          code: v.parentCode + String(v.villageNo).padStart(2, '0'),
          level: 'village' as const,
          parentCode: v.parentCode,
          villageNo: v.villageNo,
          nameTh: v.nameTh,
          nameEn: v.nameEn ?? null,
        })),
      )
      .onConflictDoNothing();

    const orgIds = new Map<string, string>();
    for (const { key, ...org } of demoOrganizations) {
      const [row] = await tx.insert(organizations).values(org).returning({ id: organizations.id });
      orgIds.set(key, row!.id);
    }

    const accounts: DemoAccount[] = [];
    for (const u of demoUsers) {
      const password = randomPassword();
      const [row] = await tx
        .insert(users)
        .values({
          username: u.username,
          passwordHash: await hashPassword(password),
          displayName: u.displayName,
          roles: u.roles,
          organizationId: u.organizationKey ? (orgIds.get(u.organizationKey) ?? null) : null,
          areaCodes: u.areaCodes,
        })
        .onConflictDoNothing()
        .returning({ id: users.id });
      if (row) accounts.push({ username: u.username, password, roles: u.roles });
    }

    const recorderNames = Object.values(RECORDER_USERNAMES);
    const userIds = new Map(
      (
        await tx
          .select({ id: users.id, username: users.username })
          .from(users)
          .where(inArray(users.username, recorderNames))
      ).map((r) => [r.username, r.id]),
    );
    const people = await seedDemoPeople(tx, vault, {
      users: Object.fromEntries(
        (Object.entries(RECORDER_USERNAMES) as [Recorder, string][]).map(([r, name]) => [
          r,
          userIds.get(name),
        ]),
      ),
      agencyIds: SHARED_AGENCY_KEYS.map((key) => orgIds.get(key)).filter((id): id is string => Boolean(id)),
    });

    // A year of monthly wellbeing20 screenings for the people aged 40+, up to this month (no alerts).
    const screened = await seedDemoScreenings(tx, {
      volunteerId: userIds.get(RECORDER_USERNAMES.volunteer) ?? null,
      today: new Date(),
    });

    // The Pa Khad pilot group and a second one, with partners (demo.partner among them) and consenting people.
    const grouped = await seedDemoGroups(tx, thaiToday());
    accounts.push(...grouped.accounts);

    // Individual well-being plans drafted six months ago for about 50 screened people, with monthly progress.
    const planned = await seedDemoPlans(tx, { today: new Date(), orgIds });

    // Coordinated services: this week's and next week's visits, referrals in every status, rides.
    const services = { today: new Date(), orgIds };
    const visited = await seedDemoVisits(tx, services);
    const referred = await seedDemoReferrals(tx, services);
    const rides = await seedDemoTransport(tx, services);
    const assisted = await seedDemoAssistance(tx, services);

    await tx.insert(installation).values({ key: MARK, value: { at: new Date().toISOString() } });
    await audit(tx, null, {
      action: 'demo.seed',
      entity: 'installation',
      detail: {
        users: accounts.length,
        ...people,
        screenings: screened.screenings,
        groups: grouped.groups,
        plans: planned.plans,
        planActivities: planned.planActivities,
        adjustedPlans: planned.adjustedPlans,
        planProgress: planned.planProgress,
        activityGroups: planned.activityGroups,
        attendance: planned.attendance,
        ...visited,
        ...referred,
        ...rides,
        ...assisted,
      },
    });
    return accounts;
  });
}
