/**
 * Scores that are not a weighted sum, referenced from a definition by name so
 * the definition stays plain JSON. Thresholds come in as `params` from the
 * definition: a new instrument version changes them without a code change.
 */
import type { Item } from './definition.ts';

export interface ScoreRange {
  min: number;
  max: number;
}

/** Answers by input name; undefined when the mapped item was not answered or not shown. */
export type DerivedInputs = Readonly<Record<string, number | boolean | undefined>>;
export type DerivedParams = Readonly<Record<string, number>>;

export interface DerivedInputSpec {
  kind: 'number' | 'yes_no';
  /** A required input must map to an item that is always shown and required. */
  required: boolean;
}

export interface DerivedScore {
  inputs: Readonly<Record<string, DerivedInputSpec>>;
  params: readonly string[];
  compute(inputs: DerivedInputs, params: DerivedParams): number;
  /** The scores it can give, from the bounds of the items its inputs map to. */
  range(items: Readonly<Record<string, Item>>, params: DerivedParams): ScoreRange;
}

const numberOf = (inputs: DerivedInputs, name: string): number | undefined => {
  const v = inputs[name];
  return typeof v === 'number' ? v : undefined;
};
const isYes = (inputs: DerivedInputs, name: string): boolean => inputs[name] === true;
const param = (params: DerivedParams, name: string): number => params[name] ?? Number.NaN;

const bounds = (item: Item | undefined): ScoreRange =>
  item?.kind === 'number' ? { min: item.min, max: item.max } : { min: Number.NaN, max: Number.NaN };

/**
 * Body-mass index, kg/m², to one decimal. Rounded first so that the figure a
 * volunteer sees and the band it falls in always agree (47.36 kg at 160 cm is
 * 18.4999… in floating point, 18.5 on paper).
 */
export function bodyMassIndex(weightKg: number, heightCm: number): number {
  const metres = heightCm / 100;
  return Math.round((weightKg / (metres * metres)) * 10) / 10;
}

const bmi: DerivedScore = {
  inputs: { weightKg: { kind: 'number', required: true }, heightCm: { kind: 'number', required: true } },
  params: [],
  compute: (inputs) => bodyMassIndex(numberOf(inputs, 'weightKg') ?? 0, numberOf(inputs, 'heightCm') ?? 1),
  range: (items) => {
    const weight = bounds(items.weightKg);
    const height = bounds(items.heightCm);
    return { min: bodyMassIndex(weight.min, height.max), max: bodyMassIndex(weight.max, height.min) };
  },
};

/** Nutrition risk criteria met (0–2): BMI below `underweightBmi`; unintended weight loss. */
const nutritionRisk: DerivedScore = {
  inputs: {
    weightKg: { kind: 'number', required: true },
    heightCm: { kind: 'number', required: true },
    weightLoss: { kind: 'yes_no', required: true },
  },
  params: ['underweightBmi'],
  compute: (inputs, params) => {
    const index = bodyMassIndex(numberOf(inputs, 'weightKg') ?? 0, numberOf(inputs, 'heightCm') ?? 1);
    const underweight = index < param(params, 'underweightBmi') ? 1 : 0;
    return underweight + (isYes(inputs, 'weightLoss') ? 1 : 0);
  },
  range: () => ({ min: 0, max: 2 }),
};

/**
 * Fall risk criteria met (0–2): Timed Up and Go of `tugSeconds` or more, or
 * unable to do the test at all (someone who cannot stand up and walk 3 m is
 * at least as much at risk as a slow walker); a fall in the last 6 months.
 */
const fallRisk: DerivedScore = {
  inputs: {
    tugSeconds: { kind: 'number', required: false },
    tugUnable: { kind: 'yes_no', required: false },
    fell: { kind: 'yes_no', required: true },
  },
  params: ['tugSeconds'],
  compute: (inputs, params) => {
    const seconds = numberOf(inputs, 'tugSeconds');
    const slow = seconds !== undefined && seconds >= param(params, 'tugSeconds');
    const mobility = slow || isYes(inputs, 'tugUnable') ? 1 : 0;
    return mobility + (isYes(inputs, 'fell') ? 1 : 0);
  },
  range: () => ({ min: 0, max: 2 }),
};

export const derivedScores: Readonly<Record<string, DerivedScore>> = { bmi, nutritionRisk, fallRisk };

/** By name, from data: an own property only, so `toString` and friends are never taken for a score. */
export function findDerivedScore(name: string): DerivedScore | undefined {
  return Object.hasOwn(derivedScores, name) ? derivedScores[name] : undefined;
}
