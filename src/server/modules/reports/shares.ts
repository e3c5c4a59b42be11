import { and, eq, inArray, isNull, notInArray, type SQL, sql } from 'drizzle-orm';
import {
  addCell,
  areaKeysOf,
  type Cell,
  cellFrom,
  emptyCell,
  leafCells,
  leafOf,
} from '../../../core/reports/cells.ts';
import type { Db } from '../../db/client.ts';
import { persons, reportCells, reportPersons } from '../../db/schema.ts';
import { reportPeopleWhere, wellbeingScreeningsOf } from './rows.ts';
import { type PersonState, readState, type StoredState, storeState } from './state.ts';

/**
 * Moves some people's share of the cells from what it was (their stored state) to what it is now
 * (their rows). The household breakdown counts households, so a person's household is worked out
 * again with them: its members' old and new states, village by village. Everyone else's share is
 * untouched, so a screening costs one household's work whatever the size of its village.
 * The caller holds the rollup lock: nobody else writes the cells meanwhile.
 */
export async function moveShares(db: Db, ids: readonly string[], lastYear: number) {
  const now = await currentStates(db, inArray(persons.id, [...ids]));
  const before = await storedStates(db, inArray(reportPersons.personId, [...ids]));
  const households = new Set(
    [...now.values(), ...before.values()].flatMap((s) => s.person.householdId ?? []),
  );
  // Household members who did not change: the same state on both sides.
  const others = households.size
    ? await storedStates(
        db,
        and(
          inArray(reportPersons.householdId, [...households]),
          notInArray(reportPersons.personId, [...ids]),
        ),
      )
    : new Map<string, PersonState>();

  const delta = new Map<string, Cell>(); // `${area}|${period}`
  addShares(delta, [...before.values(), ...others.values()], lastYear, -1);
  addShares(delta, [...now.values(), ...others.values()], lastYear, 1);
  await applyDelta(db, delta);
  const gone = ids.filter((id) => !now.has(id));
  if (gone.length) await db.delete(reportPersons).where(inArray(reportPersons.personId, gone));
  await saveStates(db, [...now.values()]);
}

/**
 * A whole leaf's share, added to cells that do not hold it yet (a rebuild visits each leaf once,
 * and households are counted within a leaf): no old states to look up.
 */
export async function addLeaf(db: Db, areaCode: string, villageCode: string | null, lastYear: number) {
  const now = await currentStates(
    db,
    and(
      eq(persons.areaCode, areaCode),
      villageCode === null ? isNull(persons.villageCode) : eq(persons.villageCode, villageCode),
      // Someone walked already in another leaf moved here meanwhile: the queue moves their share.
      sql`not exists (select 1 from ${reportPersons} r where r.person_id = ${persons.id})`,
    ),
  );
  const delta = new Map<string, Cell>();
  addShares(delta, [...now.values()], lastYear, 1);
  await applyDelta(db, delta);
  await saveStates(db, [...now.values()]);
  return now.size;
}

async function saveStates(db: Db, states: readonly PersonState[]) {
  const rows = states.map((s) => ({
    personId: s.person.id,
    householdId: s.person.householdId,
    state: storeState(s),
  }));
  for (let i = 0; i < rows.length; i += 500) {
    await db
      .insert(reportPersons)
      .values(rows.slice(i, i + 500))
      .onConflictDoUpdate({
        target: reportPersons.personId,
        set: { householdId: sqlExcluded('household_id'), state: sqlExcluded('state') },
      });
  }
}

/** People's cells, village by village (households counted within a village, as the report does). */
function addShares(delta: Map<string, Cell>, states: readonly PersonState[], lastYear: number, sign: 1 | -1) {
  const byLeaf = new Map<string, PersonState[]>();
  for (const s of states) {
    const leaf = leafOf(s.person);
    const list = byLeaf.get(leaf);
    if (list) list.push(s);
    else byLeaf.set(leaf, [s]);
  }
  for (const [leaf, members] of byLeaf) {
    const cells = leafCells(
      members.map((m) => m.person),
      members.flatMap((m) => m.screenings),
      lastYear,
    );
    for (const [period, cell] of cells) {
      for (const area of areaKeysOf(leaf)) {
        const key = `${area}|${period}`;
        delta.set(key, addCell(delta.get(key) ?? emptyCell(), cell, sign));
      }
    }
  }
}

/** What the rows say now: live (not merged) people with their well-being screenings. */
async function currentStates(db: Db, which: SQL | undefined): Promise<Map<string, PersonState>> {
  const people = await reportPeopleWhere(db, and(which, isNull(persons.mergedInto)));
  const out = new Map<string, PersonState>(people.map((p) => [p.id, { person: p, screenings: [] }]));
  for (const s of await wellbeingScreeningsOf(db, [...out.keys()])) out.get(s.personId)?.screenings.push(s);
  return out;
}

async function storedStates(db: Db, where: ReturnType<typeof and>): Promise<Map<string, PersonState>> {
  const rows = await db.select({ state: reportPersons.state }).from(reportPersons).where(where);
  return new Map(
    rows.map((r) => {
      const state = readState(r.state as StoredState);
      return [state.person.id, state];
    }),
  );
}

/** Adds the differences into the stored cells; a cell that comes to all zeros is deleted. */
async function applyDelta(db: Db, delta: ReadonlyMap<string, Cell>) {
  const changed = [...delta].filter(([, cell]) => cell.some((v) => v !== 0));
  if (changed.length === 0) return;
  const areas = [...new Set(changed.map(([key]) => key.split('|')[0] as string))];
  const stored = await db.select().from(reportCells).where(inArray(reportCells.area, areas));
  const current = new Map(stored.map((r) => [`${r.area}|${r.period}`, r.counts]));
  const upserts: { area: string; period: string; counts: number[] }[] = [];
  const zero: [string, string][] = [];
  for (const [key, diff] of changed) {
    const [area, period] = key.split('|') as [string, string];
    const cell = addCell(cellFrom(current.get(key) ?? []), diff);
    if (cell.every((v) => v === 0)) zero.push([area, period]);
    else upserts.push({ area, period, counts: [...cell] });
  }
  for (let i = 0; i < upserts.length; i += 200) {
    await db
      .insert(reportCells)
      .values(upserts.slice(i, i + 200))
      .onConflictDoUpdate({
        target: [reportCells.period, reportCells.area],
        set: { counts: sqlExcluded('counts') },
      });
  }
  for (const [area, period] of zero) {
    await db.delete(reportCells).where(and(eq(reportCells.area, area), eq(reportCells.period, period)));
  }
}

const sqlExcluded = (column: string) => sql.raw(`excluded.${column}`);
