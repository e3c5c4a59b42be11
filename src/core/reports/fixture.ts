/**
 * A small, hand-countable community for the report's tests (unit tests here; the server's tests
 * can load the same rows into a database and compare its report with `expectedReport`).
 *
 * Twenty people in district 1001 (subdistricts 100101 and 100102) plus one elsewhere, and sixty
 * screenings from October 2025 to April 2026, "now" being 15 April 2026 (BE 2569). A screening is
 * written as four letters, one per dimension (health, economy, society, environment): g, y or r,
 * scored 1, 4 and 7 (green 0–2, yellow 3–5, red 6–10). The answers are built so that no red flag
 * fires, and scored by the real engine. Points go to the dimension's items in order, 2 at a time,
 * skipping the red-flag item (H3, E5, S2, V1): health g → H1 = 1; y → H1 = H2 = 2; r → H1 = H2 =
 * H4 = 2, H5 = 1.
 *
 * Edge cases on purpose: p01's January screening is at 2025-12-31T18:00Z (01:00 on 1 January in
 * Bangkok); p03's at 2025-12-31T16:59Z is still December; p03 has two in January (the later
 * counts) and turns 60 on 10 January 2026; p14 has two in February at the same instant (the larger
 * id counts); p16 was merged into p01; p17 lives in another province; p18 was registered in May
 * 2026 but screened in February (imported history); p19 was registered in March and never
 * screened; p20 in April; p05 also has a Barthel ADL screening (not counted); p02's March health
 * score is 2 (still green, but worse than February's 1 by score).
 */
import { getInstrument, scoreResponse } from '../instruments/index.ts';
import type { ReportPerson, ReportPlan, ReportProgress, ReportScreening } from './expected.ts';

export const FIXTURE_NOW = '2026-04-15T03:00:00.000Z';
export const V1 = '10010101';
export const V2 = '10010102';
export const V3 = '10010201';

/** `p01` → a UUID whose last digits are the number. */
export const pid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const sid = (n: number) => `00000000-0000-4000-9000-${String(n).padStart(12, '0')}`;

function person(n: number, p: Partial<ReportPerson>): ReportPerson {
  return {
    id: pid(n),
    areaCode: '100101',
    villageCode: V1,
    householdId: null,
    sex: n % 2 === 0 ? 'male' : 'female',
    birthDate: '1980-01-01',
    vulnerability: [],
    adlGroup: null,
    mergedInto: null,
    createdAt: '2025-06-01T00:00:00.000Z',
    ...p,
  };
}

const hh = (c: string) => `00000000-0000-4000-a000-00000000000${c}`;

export const fixturePeople: ReportPerson[] = [
  person(1, { householdId: hh('a'), birthDate: '1950-06-01' }),
  person(2, { householdId: hh('a'), birthDate: '1990-03-01' }),
  person(3, { householdId: hh('b'), birthDate: '1966-01-10' }),
  person(4, { householdId: hh('b'), birthDate: '2010-05-05', vulnerability: ['child_orphan'] }),
  person(5, { householdId: hh('c'), birthDate: '1940-02-02', adlGroup: 'bed_bound' }),
  person(6, { birthDate: '1985-01-01', vulnerability: ['disabled'] }),
  person(7, { villageCode: V2, householdId: hh('d'), birthDate: '1955-01-01' }),
  person(8, { villageCode: V2, householdId: hh('d'), birthDate: '1958-12-31' }),
  person(9, { villageCode: V2, householdId: hh('e'), birthDate: '1975-01-01', vulnerability: ['poor'] }),
  person(10, { villageCode: V2, householdId: hh('e'), birthDate: '1930-07-07', adlGroup: 'home_bound' }),
  person(11, { villageCode: null, birthDate: '2000-01-01' }),
  person(12, { villageCode: null, birthDate: '1962-04-20', vulnerability: ['chronic_illness', 'poor'] }),
  person(13, {
    areaCode: '100102',
    villageCode: V3,
    householdId: hh('f'),
    birthDate: '1948-01-01',
    adlGroup: 'social_bound',
  }),
  person(14, { areaCode: '100102', villageCode: V3, householdId: hh('f'), birthDate: '1945-01-01' }),
  person(15, { areaCode: '100102', villageCode: V3, birthDate: '1999-01-01' }),
  person(16, { mergedInto: pid(1), birthDate: '1950-06-01' }),
  person(17, { areaCode: '200101', villageCode: '20010101' }),
  person(18, { createdAt: '2026-05-01T00:00:00.000Z' }),
  person(19, { createdAt: '2026-03-10T00:00:00.000Z', birthDate: '1970-01-01' }),
  person(20, { villageCode: V2, createdAt: '2026-04-02T00:00:00.000Z', birthDate: '1966-06-01' }),
];

const DIMENSIONS = ['health', 'economy', 'society', 'environment'] as const;
/** Items of each dimension in the order points are given: the red-flag item last. */
const FILL: Record<(typeof DIMENSIONS)[number], string[]> = {
  health: ['H1', 'H2', 'H4', 'H5', 'H3'],
  economy: ['E1', 'E2', 'E3', 'E4', 'E5'],
  society: ['S1', 'S3', 'S4', 'S5', 'S2'],
  environment: ['V2', 'V3', 'V4', 'V5', 'V1'],
};
const POINTS: Record<string, number> = { g: 1, y: 4, r: 7 };

/** Answers giving these dimension scores. */
export function answersFor(scores: readonly number[]): Record<string, number> {
  const answers: Record<string, number> = {};
  DIMENSIONS.forEach((d, i) => {
    let left = scores[i] ?? 0;
    for (const code of FILL[d]) {
      const points = Math.min(2, left);
      answers[code] = points;
      left -= points;
    }
  });
  return answers;
}

const wellbeing = getInstrument('wellbeing20');
let next = 1;

/** A scored wellbeing20 screening: `code` like `gyrg`; `scores` overrides the points of a letter. */
function screening(n: number, takenAt: string, code: string, scores?: readonly number[]): ReportScreening {
  const points = scores ?? [...code].map((c) => POINTS[c] ?? 0);
  const answers = answersFor(points);
  if (!wellbeing) throw new Error('wellbeing20 missing');
  const outcome = scoreResponse(wellbeing, answers);
  if (!outcome.ok) throw new Error(`fixture answers invalid: ${JSON.stringify(outcome.errors)}`);
  return {
    id: sid(next++),
    personId: pid(n),
    instrument: 'wellbeing20',
    version: wellbeing.version,
    takenAt,
    scores: outcome.scored.scores,
    levels: outcome.scored.levels,
    answers,
  };
}

const at = (month: string, day = 10) => `${month}-${String(day).padStart(2, '0')}T03:00:00.000Z`;

function build(): ReportScreening[] {
  next = 1;
  const rows: ReportScreening[] = [
    screening(1, at('2025-11'), 'gggg'),
    screening(1, at('2025-12'), 'gygg'),
    screening(1, '2025-12-31T18:00:00.000Z', 'yygg'),
    screening(1, at('2026-02'), 'yyyg'),
    screening(1, at('2026-03'), 'gygg'),
    screening(1, at('2026-04'), 'gggg'),
    screening(2, at('2025-12'), 'gggg'),
    screening(2, at('2026-01'), 'gggg'),
    screening(2, at('2026-02'), 'gggg'),
    screening(2, at('2026-03'), 'gggg', [2, 1, 1, 1]),
    screening(3, '2025-12-31T16:59:00.000Z', 'yggg'),
    screening(3, at('2026-01', 5), 'rggg'),
    screening(3, at('2026-01', 20), 'yggg'),
    screening(3, at('2026-02'), 'yggg'),
    screening(3, at('2026-03'), 'gggg'),
    screening(4, at('2026-01'), 'gyyg'),
    screening(4, at('2026-02'), 'gyyg'),
    screening(4, at('2026-03'), 'gyyg'),
    screening(4, at('2026-04'), 'gyyg'),
    screening(5, at('2025-11'), 'rryy'),
    screening(5, at('2026-01'), 'rryy'),
    screening(5, at('2026-02'), 'rrry'),
    screening(5, at('2026-03'), 'rrrr'),
    screening(5, at('2026-04'), 'rrry'),
    screening(6, at('2026-01'), 'yggy'),
    screening(6, at('2026-03'), 'yggy'),
    screening(7, at('2025-12'), 'ggyg'),
    screening(7, at('2026-01'), 'ggyg'),
    screening(7, at('2026-02'), 'ggyg'),
    screening(7, at('2026-03'), 'gggg'),
    screening(7, at('2026-04'), 'gggg'),
    screening(8, at('2026-01'), 'yyyy'),
    screening(8, at('2026-02'), 'yyyy'),
    screening(8, at('2026-03'), 'ryyy'),
    screening(8, at('2026-04'), 'ryyy'),
    screening(9, at('2026-01'), 'gryg'),
    screening(9, at('2026-02'), 'gryg'),
    screening(9, at('2026-03'), 'gyyg'),
    screening(10, at('2025-10'), 'rgyr'),
    screening(10, at('2026-01'), 'rgyr'),
    screening(10, at('2026-02'), 'rgrr'),
    screening(10, at('2026-03'), 'rgrr'),
    screening(10, at('2026-04'), 'rgyr'),
    screening(11, at('2026-02'), 'gggy'),
    screening(12, at('2026-01'), 'yrgg'),
    screening(12, at('2026-03'), 'yrgg'),
    screening(13, at('2026-01'), 'gggg'),
    screening(13, at('2026-02'), 'gggy'),
    screening(13, at('2026-03'), 'ggyy'),
    screening(13, at('2026-04'), 'ggyy'),
    screening(14, at('2025-12'), 'yggg'),
    screening(14, at('2026-01'), 'yggg'),
    screening(14, at('2026-02'), 'yggg'),
    screening(14, at('2026-02'), 'rggg'), // the same instant as the one before: the larger id counts
    screening(15, at('2026-03'), 'gggg'),
    screening(16, at('2026-01'), 'rrrr'),
    screening(16, at('2026-02'), 'rrrr'),
    screening(17, at('2026-01'), 'rrrr'),
    screening(18, at('2026-02'), 'yyyy'),
  ];
  // A Barthel ADL screening: another instrument, not counted.
  rows.push({
    id: sid(next++),
    personId: pid(5),
    instrument: 'adl_barthel',
    version: 1,
    takenAt: at('2026-01', 15),
    scores: { total: 3 },
    levels: { adl: 'red' },
    answers: {},
  });
  return rows;
}

export const fixtureScreenings: ReportScreening[] = build();

export const fixturePlans: ReportPlan[] = [
  { personId: pid(5), createdAt: '2026-02-01T03:00:00.000Z' },
  { personId: pid(10), createdAt: '2026-03-01T03:00:00.000Z' },
  { personId: pid(16), createdAt: '2026-01-01T03:00:00.000Z' },
];

export const fixtureProgress: ReportProgress[] = [
  {
    personId: pid(5),
    planActivityId: 'a1',
    month: '2025-12',
    status: 'done',
    createdAt: '2025-12-20T03:00:00.000Z',
  },
  {
    personId: pid(5),
    planActivityId: 'a1',
    month: '2026-02',
    status: 'done',
    createdAt: '2026-02-20T03:00:00.000Z',
  },
  {
    personId: pid(5),
    planActivityId: 'a1',
    month: '2026-03',
    status: 'partly',
    createdAt: '2026-03-20T03:00:00.000Z',
  },
  {
    personId: pid(10),
    planActivityId: 'a2',
    month: '2026-03',
    status: 'not_done',
    createdAt: '2026-03-20T03:00:00.000Z',
  },
  {
    personId: pid(10),
    planActivityId: 'a2',
    month: '2026-04',
    status: 'done',
    createdAt: '2026-04-10T03:00:00.000Z',
  },
];

export const fixtureNames: Record<string, string> = { [V1]: 'บ้านหนึ่ง', [V2]: 'บ้านสอง', [V3]: 'บ้านสาม' };
