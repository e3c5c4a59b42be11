/**
 * What a plan is drafted from, read off the stored screenings: the traffic light of each
 * well-being item and the needs picked in the needs survey.
 *
 * A stored screening keeps its answers and the *dimension* levels only (`screening.levels`), not a
 * level per item, so the item levels are derived here from the answers and the instrument's own
 * definition — the same definition the screening was scored with (`getInstrument(code, version)`).
 */
import {
  type AnswerValue,
  getInstrument,
  type InstrumentDefinition,
  instrumentVersions,
  type Level,
} from '../instruments/index.ts';
import { type PlanDimension, planDimensions } from '../schemas/plan.ts';

export const WELLBEING_INSTRUMENT = 'wellbeing20';
export const NEEDS_INSTRUMENT = 'needs';

export type ItemLevels = Record<string, Level>;

/**
 * The traffic light of each answered choice item. The well-being items are answered
 * 0 fine (green) / 1 at risk (yellow) / 2 problem (red) (INSTRUMENTS.md §1); read generally, an
 * item's options ordered from its dimension's good end are green (the best), red (the worst) and
 * yellow (anything between). A dimension whose `worseWhen` is `lower` reverses the order.
 * Unanswered items, answers that are not an option, and items of unbanded dimensions are left out:
 * nothing is known about them, so nothing is drafted for them.
 */
export function itemLevelsOf(
  definition: InstrumentDefinition,
  answers: Readonly<Record<string, AnswerValue | null | undefined>>,
): ItemLevels {
  const result: ItemLevels = {};
  for (const [code, levels] of itemLevelTable(definition)) {
    if (!Object.hasOwn(answers, code)) continue;
    const answer = answers[code];
    if (typeof answer !== 'number') continue;
    const level = levels.get(answer);
    if (level) result[code] = level;
  }
  return result;
}

// Reports read the item levels of every screening of a village at once: the table is made once.
const itemLevelTables = new WeakMap<InstrumentDefinition, Map<string, Map<number, Level>>>();

/** For each banded choice item, in the instrument's order: its answer values and their levels. */
function itemLevelTable(definition: InstrumentDefinition): Map<string, Map<number, Level>> {
  const cached = itemLevelTables.get(definition);
  if (cached) return cached;
  const dimensions = new Map(definition.scoring.dimensions.map((d) => [d.code, d]));
  const table = new Map<string, Map<number, Level>>();
  for (const item of definition.items) {
    if (item.kind !== 'choice' || item.dimension === undefined) continue;
    const dimension = dimensions.get(item.dimension);
    if (!dimension?.bands) continue;
    const values = [...new Set(item.options.map((o) => o.value))].sort((a, b) => a - b);
    if (dimension.worseWhen === 'lower') values.reverse();
    table.set(
      item.code,
      new Map(
        values.map((v, position) => [
          v,
          position === 0 ? 'green' : position === values.length - 1 ? 'red' : 'yellow',
        ]),
      ),
    );
  }
  itemLevelTables.set(definition, table);
  return table;
}

/** The needs picked (option codes of the survey's multi-select items), first pick first, no repeats. */
export function needsOf(
  definition: InstrumentDefinition,
  answers: Readonly<Record<string, AnswerValue | null | undefined>>,
): string[] {
  const picked = new Set<string>();
  for (const item of definition.items) {
    if (item.kind !== 'multi' || !Object.hasOwn(answers, item.code)) continue;
    const answer = answers[item.code];
    if (!Array.isArray(answer)) continue;
    const options = new Set(item.options.map((o) => o.value));
    for (const value of answer) if (options.has(value)) picked.add(value);
  }
  return [...picked];
}

/**
 * `itemLevelsOf` / `needsOf` for a stored screening: `{instrument, version, answers}` as the API
 * returns it. An instrument or version that is not published gives nothing (empty), never a guess.
 */
export interface AnswerSource {
  instrument: string;
  version: number;
  answers: Readonly<Record<string, AnswerValue | null | undefined>>;
}

export function itemLevelsOfScreening(screening: AnswerSource): ItemLevels {
  const definition = getInstrument(screening.instrument, screening.version);
  return definition ? itemLevelsOf(definition, screening.answers) : {};
}

export function needsOfScreening(screening: AnswerSource): string[] {
  const definition = getInstrument(screening.instrument, screening.version);
  return definition ? needsOf(definition, screening.answers) : [];
}

const isPlanDimension = (value: string | undefined): value is PlanDimension =>
  (planDimensions as readonly string[]).includes(value ?? '');

/**
 * The plan dimension of every well-being item code (H1…V5) and needs code, over every published
 * version of both instruments, so that an old screening's codes are still known.
 */
function buildCodeDimensions(): ReadonlyMap<string, PlanDimension> {
  const map = new Map<string, PlanDimension>();
  for (const code of [WELLBEING_INSTRUMENT, NEEDS_INSTRUMENT]) {
    for (const version of instrumentVersions(code)) {
      const definition = getInstrument(code, version);
      for (const item of definition?.items ?? []) {
        if (!isPlanDimension(item.dimension)) continue;
        if (item.kind === 'multi') for (const o of item.options) map.set(o.value, item.dimension);
        else if (code === WELLBEING_INSTRUMENT) map.set(item.code, item.dimension);
      }
    }
  }
  return map;
}

export const CODE_DIMENSIONS: ReadonlyMap<string, PlanDimension> = buildCodeDimensions();

/** The current well-being item codes (H1…V5). */
export const wellbeingItemCodes = (): string[] =>
  (getInstrument(WELLBEING_INSTRUMENT)?.items ?? []).map((i) => i.code);

/** The current needs codes. */
export const needsCodes = (): string[] =>
  (getInstrument(NEEDS_INSTRUMENT)?.items ?? []).flatMap((i) =>
    i.kind === 'multi' ? i.options.map((o) => o.value) : [],
  );
