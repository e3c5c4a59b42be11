import type { Level } from '../../../core/instruments/index.ts';
import {
  itemLevelsOfScreening,
  WELLBEING_INSTRUMENT,
  wellbeingItemCodes,
} from '../../../core/plans/screening.ts';
import type { ReportPerson, ReportScreening } from '../../../core/reports/expected.ts';

/**
 * A person's share of the report cells is worked out from this: their report fields and their
 * well-being screenings in brief (no answers: item levels as one letter each). Kept in
 * `report_person.state` so that the next change can take the old share away.
 */
export interface PersonState {
  person: ReportPerson;
  screenings: ReportScreening[];
}

interface StoredScreening {
  id: string;
  t: string;
  v: number;
  l: Record<string, string>;
  s: Record<string, number>;
  /** Item levels in `wellbeingItemCodes()` order: g, y, r, or - when unknown. */
  i: string;
}
export interface StoredState {
  p: ReportPerson;
  s: StoredScreening[];
}

const codes = wellbeingItemCodes();
const letter: Record<Level, string> = { green: 'g', yellow: 'y', red: 'r' };
const fromLetter: Record<string, Level> = { g: 'green', y: 'yellow', r: 'red' };

export function storeState(state: PersonState): StoredState {
  return {
    p: state.person,
    s: state.screenings.map((s) => {
      const items = s.itemLevels ?? itemLevelsOfScreening(s);
      return {
        id: s.id,
        t: s.takenAt,
        v: s.version,
        l: { ...s.levels },
        s: { ...s.scores },
        i: codes.map((c) => (items[c] ? letter[items[c]] : '-')).join(''),
      };
    }),
  };
}

export function readState(stored: StoredState): PersonState {
  return {
    person: stored.p,
    screenings: stored.s.map((s) => {
      const itemLevels: Record<string, Level> = {};
      codes.forEach((code, i) => {
        const level = fromLetter[s.i[i] as string];
        if (level) itemLevels[code] = level;
      });
      return {
        id: s.id,
        personId: stored.p.id,
        instrument: WELLBEING_INSTRUMENT,
        version: s.v,
        takenAt: s.t,
        levels: s.l,
        scores: s.s,
        answers: {},
        itemLevels,
      };
    }),
  };
}
