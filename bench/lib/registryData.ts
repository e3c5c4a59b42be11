import type { NationalIdVault } from '../../src/server/modules/persons/nationalIdVault.ts';
import { generatePopulation, type SyntheticPerson } from '../generate/population.ts';
import { profileHousehold } from '../generate/profile.ts';
import { mulberry32, seedFor } from '../generate/random.ts';
import { type ReferenceArea, subdistrictsUnder } from '../generate/reference.ts';

/** What both drivers offer: pg's Client and PGlite take the same `query(text, params)`. */
export interface SqlClient {
  query<T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<{ rows: T[] }>;
}

export interface RegistryLoadOptions {
  /** Province, district or subdistrict: the people are spread evenly over its subdistricts. */
  areaCode: string;
  people: number;
  seed: number;
  /** The subdistrict whose people are kept as search samples. */
  sampleSubdistrict: string;
  asOf: string;
  /** When the people were registered (ISO instant): a bulk import before the screenings; now() if unset. */
  registeredAt?: string;
  log(message: string): void;
}

export interface RegistrySamples {
  /** People of the sample subdistrict, in generator order (every 37th, to spread over villages). */
  people: Pick<SyntheticPerson, 'firstName' | 'lastName' | 'nationalId' | 'phone' | 'villageCode'>[];
  villages: string[];
}

export interface RegistryLoadResult {
  people: number;
  households: number;
  villages: number;
  consents: number;
  ms: number;
  /** Of `ms`: generating and encrypting in this process. */
  prepareMs: number;
  analyzeMs: number;
  samples: RegistrySamples;
}

/** Rows per INSERT … SELECT FROM unnest(…): large enough to amortise a round trip, small enough for memory. */
const BATCH = 5000;

/**
 * Loads a synthetic registry straight into the tables (households, people with their national IDs
 * encrypted and hashed by the server's own vault, consents, the villages in `area`), one subdistrict at
 * a time so memory stays flat, then VACUUM ANALYZE. The database must be the installation's, migrated
 * and with the area reference loaded, and no server writing to it.
 */
export async function loadRegistry(
  db: SqlClient,
  areas: readonly ReferenceArea[],
  vault: NationalIdVault,
  options: RegistryLoadOptions,
): Promise<RegistryLoadResult> {
  const started = performance.now();
  let prepareMs = 0;
  const subdistricts = subdistrictsUnder(areas, options.areaCode);
  const totals = { people: 0, households: 0, villages: 0, consents: 0 };
  const samples: RegistrySamples = { people: [], villages: [] };
  let nextReport = 100_000;

  for (const [index, subdistrict] of subdistricts.entries()) {
    const share =
      Math.floor(options.people / subdistricts.length) +
      (index < options.people % subdistricts.length ? 1 : 0);
    if (share === 0) continue;
    const prepStarted = performance.now();
    // The same rows as one generatePopulation call over the whole area: each subdistrict has its own stream.
    const part = generatePopulation(areas, {
      areaCode: subdistrict.code,
      seed: options.seed,
      people: share,
      asOf: options.asOf,
    });
    const random = mulberry32(seedFor(`${options.seed}:${subdistrict.code}:profile`));
    const members = new Map<string, SyntheticPerson[]>();
    for (const p of part.people) {
      const list = members.get(p.householdId);
      if (list) list.push(p);
      else members.set(p.householdId, [p]);
    }
    const people: PersonRow[] = [];
    const homes: HouseholdRow[] = [];
    for (const h of part.households) {
      const list = members.get(h.id) ?? [];
      const { household, people: profiles } = profileHousehold(random, list, options.asOf);
      homes.push({ ...h, housingType: household.housingType });
      list.forEach((p, i) => {
        const profile = profiles[i]!;
        const vulnerable = profile.vulnerability.length > 0;
        people.push({
          p,
          enc: vault.encrypt(p.nationalId),
          hash: vault.lookupHash('thai_id', p.nationalId),
          title: profile.title,
          religion: profile.religion,
          marital: profile.maritalStatus,
          education: profile.education,
          occupation: profile.occupation,
          income: profile.incomeBand,
          coverage: profile.healthCoverage,
          chronic: arrayLiteral(profile.chronicConditions),
          disability: arrayLiteral(profile.disabilityTypes),
          vulnerability: arrayLiteral(profile.vulnerability),
          caregiver: profile.caregiver ? JSON.stringify(profile.caregiver) : null,
          // Consent to collect for nine in ten; to share within a group for most of those at risk.
          collect: i % 10 !== 9,
          share: i % 10 !== 9 && (vulnerable ? i % 5 !== 4 : i % 3 === 0),
        });
      });
    }
    prepareMs += performance.now() - prepStarted;

    await insertVillages(db, part.villages);
    for (let i = 0; i < homes.length; i += BATCH) await insertHouseholds(db, homes.slice(i, i + BATCH));
    for (let i = 0; i < people.length; i += BATCH) {
      const batch = people.slice(i, i + BATCH);
      await insertPeople(db, batch, options.registeredAt ?? null);
      totals.consents += await insertConsents(db, batch);
    }
    if (subdistrict.code === options.sampleSubdistrict) {
      samples.villages = part.villages.map((v) => v.code);
      samples.people = part.people
        .filter((_, i) => i % 37 === 5)
        .map((p) => ({
          firstName: p.firstName,
          lastName: p.lastName,
          nationalId: p.nationalId,
          phone: p.phone,
          villageCode: p.villageCode,
        }));
    }
    totals.people += part.people.length;
    totals.households += part.households.length;
    totals.villages += part.villages.length;
    if (totals.people >= nextReport || index === subdistricts.length - 1) {
      const seconds = (performance.now() - started) / 1000;
      options.log(
        `  loaded ${totals.people.toLocaleString('en-US')} / ${options.people.toLocaleString('en-US')} people ` +
          `(${subdistrict.code}, ${seconds.toFixed(0)} s, ${Math.round(totals.people / seconds).toLocaleString('en-US')} people/s)`,
      );
      while (nextReport <= totals.people) nextReport += 100_000;
    }
  }
  const analyzeStarted = performance.now();
  options.log('  vacuum analyze');
  for (const table of ['area', 'household', 'person', 'consent']) await db.query(`vacuum analyze ${table}`);
  const analyzeMs = performance.now() - analyzeStarted;
  return { ...totals, ms: performance.now() - started, prepareMs, analyzeMs, samples };
}

interface HouseholdRow {
  id: string;
  areaCode: string;
  villageCode: string;
  villageNo: number;
  houseNo: string;
  headPersonId: string;
  housingType: string;
}

interface PersonRow {
  p: SyntheticPerson;
  enc: string;
  hash: string;
  title: string;
  religion: string;
  marital: string;
  education: string;
  occupation: string | null;
  income: string;
  coverage: string;
  chronic: string;
  disability: string;
  vulnerability: string;
  caregiver: string | null;
  collect: boolean;
  share: boolean;
}

/** `{a,b}`: the values are plain identifiers, so no quoting is needed; cast to text[] in SQL. */
function arrayLiteral(values: readonly string[]): string {
  return `{${values.join(',')}}`;
}

async function insertVillages(
  db: SqlClient,
  villages: readonly { code: string; subdistrictCode: string; villageNo: number; nameTh: string }[],
) {
  if (villages.length === 0) return;
  await db.query(
    `insert into area (code, level, parent_code, village_no, name_th)
     select code, 'village', parent, no, name
       from unnest($1::text[], $2::text[], $3::int[], $4::text[]) as v(code, parent, no, name)
     on conflict (code) do nothing`,
    [
      villages.map((v) => v.code),
      villages.map((v) => v.subdistrictCode),
      villages.map((v) => v.villageNo),
      villages.map((v) => v.nameTh),
    ],
  );
}

async function insertHouseholds(db: SqlClient, rows: readonly HouseholdRow[]) {
  await db.query(
    `insert into household (id, area_code, village_code, village_no, house_no, housing_type, head_person_id)
     select * from unnest($1::uuid[], $2::text[], $3::text[], $4::int[], $5::text[], $6::text[], $7::uuid[])`,
    [
      rows.map((h) => h.id),
      rows.map((h) => h.areaCode),
      rows.map((h) => h.villageCode),
      rows.map((h) => h.villageNo),
      rows.map((h) => h.houseNo),
      rows.map((h) => h.housingType),
      rows.map((h) => h.headPersonId),
    ],
  );
}

async function insertPeople(db: SqlClient, rows: readonly PersonRow[], registeredAt: string | null) {
  const col = <T>(f: (r: PersonRow) => T) => rows.map(f);
  await db.query(
    `insert into person (id, area_code, village_code, village_no, house_no, household_id, relation_to_head,
        id_type, national_id_enc, national_id_hash, title, first_name, last_name, sex, birth_date,
        nationality, religion, marital_status, education, occupation, income_band, health_coverage, phone,
        chronic_conditions, disability_types, vulnerability, caregiver, created_at, updated_at)
     select id, area, village, no, house, hh, rel, 'thai_id', enc, hash, title, first, last, sex, birth,
        'TH', religion, marital, education, occupation, income, coverage, phone,
        chronic::text[], disability::text[], vulnerability::text[], caregiver::jsonb,
        coalesce($26::timestamptz, now()), coalesce($26::timestamptz, now())
       from unnest($1::uuid[], $2::text[], $3::text[], $4::int[], $5::text[], $6::uuid[], $7::text[],
                   $8::text[], $9::text[], $10::text[], $11::text[], $12::text[], $13::text[], $14::date[],
                   $15::text[], $16::text[], $17::text[], $18::text[], $19::text[], $20::text[], $21::text[],
                   $22::text[], $23::text[], $24::text[], $25::text[])
         as x(id, area, village, no, house, hh, rel, enc, hash, title, first, last, sex, birth,
              religion, marital, education, occupation, income, coverage, phone,
              chronic, disability, vulnerability, caregiver)`,
    [
      col((r) => r.p.id),
      col((r) => r.p.areaCode),
      col((r) => r.p.villageCode),
      col((r) => r.p.villageNo),
      col((r) => r.p.houseNo),
      col((r) => r.p.householdId),
      col((r) => r.p.relation),
      col((r) => r.enc),
      col((r) => r.hash),
      col((r) => r.title),
      col((r) => r.p.firstName),
      col((r) => r.p.lastName),
      col((r) => r.p.sex),
      col((r) => r.p.birthDate),
      col((r) => r.religion),
      col((r) => r.marital),
      col((r) => r.education),
      col((r) => r.occupation),
      col((r) => r.income),
      col((r) => r.coverage),
      col((r) => r.p.phone),
      col((r) => r.chronic),
      col((r) => r.disability),
      col((r) => r.vulnerability),
      col((r) => r.caregiver),
      registeredAt,
    ],
  );
}

async function insertConsents(db: SqlClient, rows: readonly PersonRow[]): Promise<number> {
  const ids: string[] = [];
  const areas: string[] = [];
  const purposes: string[] = [];
  for (const r of rows) {
    for (const [given, purpose] of [
      [r.collect, 'collect'],
      [r.share, 'share_group'],
    ] as const) {
      if (!given) continue;
      ids.push(r.p.id);
      areas.push(r.p.areaCode);
      purposes.push(purpose);
    }
  }
  if (ids.length === 0) return 0;
  await db.query(
    `insert into consent (person_id, area_code, purpose, granted, method)
     select id, area, purpose, true, 'paper' from unnest($1::uuid[], $2::text[], $3::text[]) as c(id, area, purpose)`,
    [ids, areas, purposes],
  );
  return ids.length;
}
