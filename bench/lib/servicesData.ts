/**
 * The data of the `services` benchmark (bench/services.ts): organisations, field staff, and months of
 * coordinated services (visits, referrals with their status histories, rides, the assistance ledger)
 * over a synthetic registry, loaded straight into the tables with INSERT … SELECT. Each row's choices
 * come from `hashtext` of its number, so the same scale gives the same rows (up to the random ids).
 */

import type { NationalIdVault } from '../../src/server/modules/persons/nationalIdVault.ts';
import { DEFAULT_AS_OF } from '../generate/population.ts';
import type { ReferenceArea } from '../generate/reference.ts';
import { addBenchUser } from './installation.ts';
import { loadRegistry, type SqlClient } from './registryData.ts';

export const SERVICES_DISTRICT = '9015';
/** The sample subdistrict (ป่าขาด) whose area calendar is read. */
export const SERVICES_SUBDISTRICT = '901508';
/** The organisation member the benchmark reads as: a social worker of the district hospital. */
export const STAFF_USERNAME = 'bench-staff';
/** Field staff (volunteers of the subdistrict's health-promoting hospital) who do the visits and requests. */
const FIELD_PER_SUBDISTRICT = 20;

export interface ServicesScale {
  people: number;
  visits: number;
  referrals: number;
  transports: number;
  assistance: number;
  /** Every n-th visit, referral, ride and assistance row is the sample person's. */
  heavyEvery: number;
  /** Every n-th visit also has the staff member as an assignee (their "visits today"). */
  staffEvery: number;
}

/** PostgreSQL's default: 50,000 people and about 3 months of services; PGlite a tenth. */
export function servicesScale(people: number): ServicesScale {
  const f = people / 50_000;
  const n = (base: number) => Math.max(50, Math.round(base * f));
  return {
    people,
    visits: n(100_000),
    referrals: n(30_000),
    transports: n(20_000),
    assistance: n(100_000),
    // About 100 visits, 30 referrals, 20 rides and 100 assistance rows for the sample person at any size.
    heavyEvery: Math.max(5, Math.round(1000 * f)),
    staffEvery: Math.max(5, Math.round(40 * f)),
  };
}

export interface ServicesLoaded {
  people: number;
  households: number;
  organizations: number;
  fieldUsers: number;
  visits: number;
  referrals: number;
  referralEvents: number;
  transports: number;
  transportEvents: number;
  assistance: number;
  registryMs: number;
  servicesMs: number;
  busyOrganizationId: string;
  staffUserId: string;
  heavyPersonId: string;
  /** Rows behind each measured case, for the table's data column. */
  sizes: Record<string, string>;
  /** People with cash help in the last 25 days: a new cash record for them meets the duplicate check. */
  duplicateTargets: string[];
}

const BKK_MS = 7 * 3_600_000;

/** Loads everything with no server running; `now` is the instant the services are placed around. */
export async function loadServices(
  db: SqlClient,
  areas: readonly ReferenceArea[],
  vault: NationalIdVault,
  scale: ServicesScale,
  options: { password: string; now: Date; seed: number; log(m: string): void },
): Promise<ServicesLoaded> {
  const { log, now } = options;
  log(`loading ${scale.people.toLocaleString('en-US')} people in ${SERVICES_DISTRICT}`);
  const registry = await loadRegistry(db, areas, vault, {
    areaCode: SERVICES_DISTRICT,
    people: scale.people,
    seed: options.seed,
    sampleSubdistrict: SERVICES_SUBDISTRICT,
    asOf: DEFAULT_AS_OF,
    registeredAt: '2025-12-31T17:00:00.000Z',
    log,
  });
  const started = performance.now();
  const nowIso = now.toISOString();
  // Midnight of today in Bangkok, as an instant.
  const todayStart = new Date(Math.floor((now.getTime() + BKK_MS) / 86_400_000) * 86_400_000 - BKK_MS);
  const today = new Date(now.getTime() + BKK_MS).toISOString().slice(0, 10);

  const orgs = await insertOrganizations(db, areas);
  const staffUserId = await addBenchUser(db, {
    username: STAFF_USERNAME,
    password: options.password,
    roles: ['social_worker'],
    areaCodes: [SERVICES_DISTRICT],
  });
  await db.query('update app_user set organization_id = $1 where id = $2', [orgs.busy, staffUserId]);
  const { rows: fieldUsers } = await db.query<{ n: number }>(
    `insert into app_user (username, password_hash, display_name, roles, area_codes, organization_id)
     select 'bench-field-' || o.area_code || '-' || k, 'not-a-hash', 'อสม. ' || o.area_code || '/' || k,
            '{volunteer}'::text[], array[o.area_code], o.id
       from organization o cross join generate_series(1, ${FIELD_PER_SUBDISTRICT}) k
      where o.type = 'shph'
     returning 1 as n`,
  );

  // Numbered people and field users, to pick from by hash.
  await db.query('drop table if exists bench_person');
  await db.query(
    `create temp table bench_person as
       select (row_number() over (order by id))::int as n, id, area_code, village_code
         from person where merged_into is null`,
  );
  await db.query('create unique index on bench_person (n)');
  await db.query('drop table if exists bench_field');
  await db.query(
    `create temp table bench_field as
       select id, organization_id as org, area_codes[1] as area,
              (row_number() over (partition by area_codes[1] order by username))::int as k
         from app_user where username like 'bench-field-%'`,
  );
  await db.query('create index on bench_field (area, k)');
  const { rows: counted } = await db.query<{ n: number }>('select count(*)::int as n from bench_person');
  const people = counted[0]?.n ?? 0;
  const { rows: heavy } = await db.query<{ id: string }>('select id from bench_person where n = 1');
  const heavyPersonId = heavy[0]?.id;
  if (!heavyPersonId || people === 0) throw new Error('no people were loaded');

  // The parameters the loading statements share, by name (see `named`).
  const params = (rows: number) => ({
    rows,
    people,
    heavy: scale.heavyEvery,
    now: nowIso,
    today0: todayStart.toISOString(),
    busy: orgs.busy,
    staff: staffUserId,
    transport: orgs.transport,
    sdo: orgs.sdo,
  });

  log(`  ${scale.visits.toLocaleString('en-US')} visits over 3 months`);
  await named(
    db,
    `with x as (
       select g, (2147483647 & hashtext('v' || g)) as h, (2147483647 & hashtext('v2' || g)) as h2 from generate_series(1, @rows::int) g
     ), y as (
       select x.*, p.id as person_id, p.area_code, p.village_code,
              @today0::timestamptz + ((h % 91) - 45) * interval '1 day'
                + interval '8 hours' + ((h / 91) % 16) * interval '30 minutes' as starts_at
         from x join bench_person p on p.n = case when g % @heavy::int = 0 then 1 else 1 + h % @people::int end
     ), z as (
       select y.*, u.id as field_id, shph.id as shph_id,
              case when starts_at >= @now::timestamptz then 'scheduled'
                   when h2 % 10 = 0 then 'cancelled' when h2 % 10 = 1 then 'missed' else 'done' end as status
         from y
         join bench_field u on u.area = y.area_code and u.k = 1 + (h2 / 10) % ${FIELD_PER_SUBDISTRICT}
         join organization shph on shph.type = 'shph' and shph.area_code = y.area_code
     )
     insert into visit (person_id, area_code, village_code, kind, starts_at, duration_minutes, organization_id,
                        assignee_ids, purpose, status, record, created_by, created_at, updated_at)
     select person_id, area_code, village_code,
            case when h2 % 4 = 0 then 'centre_appointment' else 'home_visit' end,
            starts_at, 30 + 15 * ((h2 / 40) % 4),
            case when (h2 / 160) % 10 = 0 then @busy::uuid else shph_id end,
            case when g % ${scale.staffEvery} = 0 then array[field_id, @staff::uuid] else array[field_id] end,
            'เยี่ยมติดตามอาการ', status,
            case when status in ('done', 'missed') then jsonb_build_object(
              'status', status,
              'doneAt', to_char(starts_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
              'attendeeIds', jsonb_build_array(field_id), 'activities', 'วัดความดัน ถามอาการ',
              'vitals', null, 'notes', 'อาการคงที่', 'followUpNeeded', false, 'followUpNote', null,
              'recordedBy', field_id,
              'recordedAt', to_char(starts_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
              'clientId', null) end,
            field_id, least(starts_at - interval '3 days', @now::timestamptz),
            case when status = 'scheduled' then least(starts_at - interval '3 days', @now::timestamptz)
                 else least(starts_at + interval '2 hours', @now::timestamptz) end
       from z`,
    params(scale.visits),
  );

  log(`  ${scale.referrals.toLocaleString('en-US')} referrals and their status histories`);
  await named(
    db,
    `with x as (
       select g, (2147483647 & hashtext('r' || g)) as h, (2147483647 & hashtext('r2' || g)) as h2 from generate_series(1, @rows::int) g
     ), y as (
       select x.*, p.id as person_id, p.area_code, p.village_code,
              @now::timestamptz - (h % (90 * 24 * 60)) * interval '1 minute' as created_at,
              case when h2 % 100 < 8 then 'emergency' when h2 % 100 < 30 then 'urgent' else 'routine' end as urgency
         from x join bench_person p on p.n = case when g % @heavy::int = 0 then 1 else 1 + h % @people::int end
     ), z as (
       select y.*, u.id as field_id, u.org as field_org, shph.id as shph_id,
              case when y.created_at < @now::timestamptz - interval '14 days' then
                     case when (h2 / 1000) % 100 < 75 then 'completed' when (h2 / 1000) % 100 < 83 then 'declined'
                          when (h2 / 1000) % 100 < 88 then 'withdrawn' when (h2 / 1000) % 100 < 94 then 'in_progress'
                          when (h2 / 1000) % 100 < 97 then 'accepted' else 'sent' end
                   else
                     case when (h2 / 1000) % 100 < 40 then 'sent' when (h2 / 1000) % 100 < 65 then 'accepted'
                          when (h2 / 1000) % 100 < 85 then 'in_progress' else 'completed' end
              end as status
         from y
         join bench_field u on u.area = y.area_code and u.k = 1 + (h / 7) % ${FIELD_PER_SUBDISTRICT}
         join organization shph on shph.type = 'shph' and shph.area_code = y.area_code
     )
     insert into referral (person_id, area_code, village_code, from_user_id, from_organization_id,
                           to_organization_id, disciplines, reason, urgency, status, due_at, closed_at,
                           created_at, updated_at)
     select person_id, area_code, village_code, field_id, field_org,
            case when (h2 / 100) % 10 < 4 then @busy::uuid when (h2 / 100) % 10 < 5 then @sdo::uuid else shph_id end,
            '{nurse,social_worker}'::text[], 'ผู้สูงอายุติดเตียง ต้องการประเมินที่บ้าน', urgency, status,
            created_at + case urgency when 'emergency' then interval '4 hours'
                                      when 'urgent' then interval '24 hours' else interval '7 days' end,
            case when status in ('completed', 'declined', 'withdrawn')
                 then least(created_at + interval '3 days', @now::timestamptz) end,
            created_at, created_at
       from z`,
    params(scale.referrals),
  );
  // The history each status implies: the creation row (no from_status), then every move to it.
  await named(
    db,
    `insert into service_event (subject, subject_id, from_status, to_status, note, actor_id, at)
     select 'referral', r.id, m.from_s, m.to_s, case when m.to_s = 'declined' then 'อยู่นอกเขตบริการ' end,
            case when m.from_s is null or m.to_s = 'withdrawn' then r.from_user_id
                 when r.to_organization_id = @busy::uuid then @staff::uuid else r.from_user_id end,
            least(r.created_at + m.step * interval '12 hours', @now::timestamptz)
       from referral r
       join (values ('sent', 0, null, 'sent'),
                    ('accepted', 0, null, 'sent'), ('accepted', 1, 'sent', 'accepted'),
                    ('in_progress', 0, null, 'sent'), ('in_progress', 1, 'sent', 'accepted'),
                    ('in_progress', 2, 'accepted', 'in_progress'),
                    ('completed', 0, null, 'sent'), ('completed', 1, 'sent', 'accepted'),
                    ('completed', 2, 'accepted', 'in_progress'), ('completed', 3, 'in_progress', 'completed'),
                    ('declined', 0, null, 'sent'), ('declined', 1, 'sent', 'declined'),
                    ('withdrawn', 0, null, 'sent'), ('withdrawn', 1, 'sent', 'withdrawn'))
         as m(final, step, from_s, to_s) on m.final = r.status`,
    { now: nowIso, busy: orgs.busy, staff: staffUserId },
  );

  log(`  ${scale.transports.toLocaleString('en-US')} transport requests and their histories`);
  await named(
    db,
    `with x as (
       select g, (2147483647 & hashtext('t' || g)) as h, (2147483647 & hashtext('t2' || g)) as h2 from generate_series(1, @rows::int) g
     ), y as (
       select x.*, p.id as person_id, p.area_code, p.village_code,
              @today0::timestamptz + ((h % 91) - 45) * interval '1 day'
                + interval '7 hours' + ((h / 91) % 16) * interval '30 minutes' as pickup_at
         from x join bench_person p on p.n = case when g % @heavy::int = 0 then 1 else 1 + h % @people::int end
     ), z as (
       select y.*, u.id as field_id,
              case when pickup_at < @now::timestamptz then
                     case when h2 % 10 < 8 then 'completed' when h2 % 10 = 8 then 'cancelled' else 'declined' end
                   else case when h2 % 20 < 10 then 'requested' when h2 % 20 < 19 then 'accepted'
                             else 'cancelled' end
              end as status
         from y join bench_field u on u.area = y.area_code and u.k = 1 + (h2 / 20) % ${FIELD_PER_SUBDISTRICT}
     )
     insert into transport_request (person_id, area_code, village_code, requested_by, provider_organization_id,
                                    destination_organization_id, pickup_at, pickup_address, needs, status,
                                    note, created_at, updated_at)
     select person_id, area_code, village_code, field_id,
            case when (h2 / 100) % 10 < 6 then @transport::uuid else @busy::uuid end, @busy::uuid, pickup_at,
            'บ้านเลขที่ ' || (1 + h % 200) || ' หมู่ ' || (1 + h % 9),
            case when h2 % 3 = 0 then '{wheelchair}'::text[] else '{}'::text[] end, status,
            'นัดตรวจตามนัด', least(pickup_at - interval '5 days', @now::timestamptz),
            least(pickup_at - interval '4 days', @now::timestamptz)
       from z`,
    params(scale.transports),
  );
  await named(
    db,
    `insert into service_event (subject, subject_id, from_status, to_status, note, actor_id, at)
     select 'transport', t.id, m.from_s, m.to_s, case when m.to_s = 'declined' then 'รถไม่ว่าง' end,
            t.requested_by, least(t.created_at + m.step * interval '1 day', @now::timestamptz)
       from transport_request t
       join (values ('requested', 0, null, 'requested'),
                    ('accepted', 0, null, 'requested'), ('accepted', 1, 'requested', 'accepted'),
                    ('completed', 0, null, 'requested'), ('completed', 1, 'requested', 'accepted'),
                    ('completed', 2, 'accepted', 'completed'),
                    ('declined', 0, null, 'requested'), ('declined', 1, 'requested', 'declined'),
                    ('cancelled', 0, null, 'requested'), ('cancelled', 1, 'requested', 'cancelled'))
         as m(final, step, from_s, to_s) on m.final = t.status`,
    { now: nowIso },
  );

  log(`  ${scale.assistance.toLocaleString('en-US')} assistance rows this year`);
  const yearStart = `${today.slice(0, 4)}-01-01`;
  const days = Math.round((Date.parse(today) - Date.parse(yearStart)) / 86_400_000) + 1;
  await named(
    db,
    `with x as (
       select g, (2147483647 & hashtext('a' || g)) as h, (2147483647 & hashtext('a2' || g)) as h2 from generate_series(1, @rows::int) g
     ), y as (
       select x.*, p.id as person_id, p.area_code, p.village_code,
              @yearStart::date + (h % @days::int) as given_on,
              case when h2 % 100 < 35 then 'cash' when h2 % 100 < 65 then 'goods' when h2 % 100 < 85 then 'service'
                   when h2 % 100 < 95 then 'equipment' else 'home_repair' end as kind
         from x join bench_person p on p.n = case when g % @heavy::int = 0 then 1 else 1 + h % @people::int end
     )
     insert into assistance (person_id, area_code, village_code, kind, description, value, given_on,
                             organization_id, funding_source, duplicate_confirmed, recorded_by, created_at)
     select y.person_id, y.area_code, y.village_code, kind,
            case kind when 'cash' then 'เงินช่วยเหลือผู้ยากไร้' when 'goods' then 'ถุงยังชีพ'
                      when 'service' then 'ตัดผม ทำความสะอาดบ้าน' when 'equipment' then 'รถเข็นวีลแชร์'
                      else 'ซ่อมหลังคาบ้าน' end,
            case kind when 'cash' then 500 * (1 + (h2 / 100) % 6) when 'goods' then 200 * (1 + (h2 / 100) % 5)
                      when 'equipment' then 1500 + 500 * ((h2 / 100) % 8) when 'home_repair' then 5000 * (1 + (h2 / 100) % 6)
                      end,
            given_on,
            case when (h2 / 1000) % 20 < 5 then @busy::uuid when (h2 / 1000) % 20 < 12 then @transport::uuid
                 when (h2 / 1000) % 20 < 14 then @sdo::uuid else u.org end,
            case (h2 / 20000) % 4 when 0 then 'กองทุนหลักประกันสุขภาพตำบล' when 1 then 'งบประมาณ อปท.'
                                  when 2 then 'พมจ.สงขลา' end,
            (h2 / 80000) % 50 = 0, u.id,
            least((given_on + interval '3 hours') at time zone 'UTC', @now::timestamptz)
       from y join bench_field u on u.area = y.area_code and u.k = 1 + (h / 9) % ${FIELD_PER_SUBDISTRICT}`,
    { ...params(scale.assistance), yearStart, days },
  );

  log('  vacuum analyze');
  for (const table of [
    'organization',
    'app_user',
    'visit',
    'referral',
    'transport_request',
    'service_event',
    'assistance',
  ])
    await db.query(`vacuum analyze ${table}`);

  const count = async (sql: string, values: unknown[] = []) =>
    (await db.query<{ n: number }>(sql, values)).rows[0]?.n ?? 0;
  const open = `status in ('sent', 'accepted', 'in_progress')`;
  const week = visitRange(todayStart, -3, 4);
  const month = visitRange(todayStart, -15, 15);
  const fmt = (n: number) => n.toLocaleString('en-US');
  const sizes: Record<string, string> = {
    queue: `${fmt(await count('select count(*)::int as n from referral where to_organization_id = $1', [orgs.busy]))} referrals to the org`,
    overdue: `${fmt(
      await count(
        `select count(*)::int as n from referral where to_organization_id = $1 and ${open} and due_at < $2`,
        [orgs.busy, nowIso],
      ),
    )} open past due`,
    orgWeek: `${fmt(await count('select count(*)::int as n from visit where organization_id = $1 and starts_at >= $2 and starts_at < $3', [orgs.busy, week.start, week.end]))} visits in the week`,
    orgMonth: `${fmt(await count('select count(*)::int as n from visit where organization_id = $1 and starts_at >= $2 and starts_at < $3', [orgs.busy, month.start, month.end]))} visits in the month`,
    areaWeek: `${fmt(await count('select count(*)::int as n from visit where area_code = $1 and starts_at >= $2 and starts_at < $3', [SERVICES_SUBDISTRICT, week.start, week.end]))} visits in the week`,
    todo:
      `${fmt(await count(`select count(*)::int as n from referral where to_organization_id = $1 and status = 'sent'`, [orgs.busy]))} to accept, ` +
      `${fmt(await count(`select count(*)::int as n from transport_request where provider_organization_id = $1 and status = 'requested'`, [orgs.busy]))} rides, ` +
      `${fmt(
        await count(
          `select count(*)::int as n from visit where $1::uuid = any(assignee_ids) and status = 'scheduled' and starts_at >= $2 and starts_at < $3`,
          [staffUserId, todayStart.toISOString(), new Date(todayStart.getTime() + 86_400_000).toISOString()],
        ),
      )} visits today`,
    timeline: `${fmt(
      (await count('select count(*)::int as n from visit where person_id = $1', [heavyPersonId])) +
        (await count(`select count(*)::int as n from visit where person_id = $1 and status <> 'scheduled'`, [
          heavyPersonId,
        ])) +
        (await count(
          `select count(*)::int as n from referral r join service_event e on e.subject_id = r.id where r.person_id = $1`,
          [heavyPersonId],
        )) +
        (await count(
          `select count(*)::int as n from transport_request r join service_event e on e.subject_id = r.id where r.person_id = $1`,
          [heavyPersonId],
        )) +
        (await count('select count(*)::int as n from assistance where person_id = $1', [heavyPersonId])),
    )} entries, page of 50`,
    totalsArea: `${fmt(await count('select count(*)::int as n from assistance where given_on >= $1 and given_on <= $2', [yearStart, today]))} rows this year`,
    totalsOrg: `${fmt(
      await count(
        'select count(*)::int as n from assistance where organization_id = $1 and given_on >= $2 and given_on <= $3',
        [orgs.busy, yearStart, today],
      ),
    )} rows this year`,
  };
  const { rows: targets } = await db.query<{ id: string }>(
    `select distinct person_id::text as id from assistance
      where kind = 'cash' and given_on >= $1::date - 25 and given_on <= $1::date and person_id <> $2
      order by 1 limit 200`,
    [today, heavyPersonId],
  );

  const total = (table: string, where = 'true') =>
    count(`select count(*)::int as n from ${table} where ${where}`);
  return {
    people,
    households: registry.households,
    organizations: orgs.count,
    fieldUsers: fieldUsers.length,
    visits: await total('visit'),
    referrals: await total('referral'),
    referralEvents: await total('service_event', `subject = 'referral'`),
    transports: await total('transport_request'),
    transportEvents: await total('service_event', `subject = 'transport'`),
    assistance: await total('assistance'),
    registryMs: registry.ms,
    servicesMs: performance.now() - started,
    busyOrganizationId: orgs.busy,
    staffUserId,
    heavyPersonId,
    sizes,
    duplicateTargets: targets.map((t) => t.id),
  };
}

/**
 * Runs `text` with `@name` placeholders bound from `values`: each name becomes `$n` in order of first
 * use, so a statement binds exactly the values it names (PostgreSQL refuses unused parameters).
 */
async function named(db: SqlClient, text: string, values: Record<string, unknown>): Promise<void> {
  const order: string[] = [];
  const sql = text.replace(/@([a-zA-Z]\w*)/g, (_, name: string) => {
    if (!(name in values)) throw new Error(`no value for @${name}`);
    if (!order.includes(name)) order.push(name);
    return `$${order.indexOf(name) + 1}`;
  });
  await db.query(
    sql,
    order.map((name) => values[name]),
  );
}

/** `[start, end)` of the Thai days `from`..`to` days around today (the calendar's own range rule). */
export function visitRange(todayStart: Date, from: number, toExclusive: number) {
  return {
    start: new Date(todayStart.getTime() + from * 86_400_000).toISOString(),
    end: new Date(todayStart.getTime() + toExclusive * 86_400_000).toISOString(),
  };
}

/**
 * The district's organisations: the district hospital (the busy one: referrals, rides, a share of the
 * visits and help), one health-promoting hospital per subdistrict, the municipality's transport service
 * and the provincial social development office.
 */
async function insertOrganizations(db: SqlClient, areas: readonly ReferenceArea[]) {
  const subdistricts = areas.filter((a) => a.level === 'subdistrict' && a.parentCode === SERVICES_DISTRICT);
  const insert = async (name: string, type: string, areaCode: string, services: string[]) => {
    const { rows } = await db.query<{ id: string }>(
      `insert into organization (name, type, area_code, services) values ($1, $2, $3, $4::text[]) returning id`,
      [name, type, areaCode, services],
    );
    return rows[0]!.id;
  };
  const busy = await insert('โรงพยาบาลสิงหนคร', 'hospital', SERVICES_DISTRICT, [
    'elderly_clinic',
    'rehabilitation',
    'palliative_care',
    'patient_transport',
  ]);
  const transport = await insert('เทศบาลเมืองสิงหนคร (รถรับส่งผู้ป่วย)', 'lao', SERVICES_DISTRICT, [
    'patient_transport',
    'home_modification',
  ]);
  const sdo = await insert(
    'สำนักงานพัฒนาสังคมและความมั่นคงของมนุษย์จังหวัดสงขลา',
    'social_development_office',
    SERVICES_DISTRICT,
    ['social_assistance'],
  );
  for (const s of subdistricts) await insert(`รพ.สต.${s.nameTh}`, 'shph', s.code, ['long_term_care']);
  return { busy, transport, sdo, count: 3 + subdistricts.length };
}
