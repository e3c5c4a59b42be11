import { sexes, vulnerabilityTypes } from '../../../core/schemas/person.ts';

/** Age bands people think in; each maps onto `ageMin`/`ageMax` of the API. */
export const ageBands = {
  child: { min: 0, max: 17 },
  adult: { min: 18, max: 59 },
  elderly: { min: 60, max: undefined },
  '60_69': { min: 60, max: 69 },
  '70_79': { min: 70, max: 79 },
  '80_plus': { min: 80, max: undefined },
} as const satisfies Record<string, { min: number; max: number | undefined }>;
export type AgeBand = keyof typeof ageBands;
export const ageBandKeys = Object.keys(ageBands) as AgeBand[];

type Vulnerability = (typeof vulnerabilityTypes)[number];
type Sex = (typeof sexes)[number];

/** The registry's filters, kept in the URL so a filtered list can be shared and reloaded. */
export interface PersonFilters {
  q?: string;
  area?: string;
  vulnerability?: Vulnerability;
  sex?: Sex;
  age?: AgeBand;
}

const pick = <T extends string>(allowed: readonly T[], value: string | null): T | undefined =>
  allowed.find((a) => a === value);

export function filtersFrom(params: URLSearchParams): PersonFilters {
  const q = params.get('q')?.trim();
  const area = params.get('area')?.trim();
  return {
    q: q || undefined,
    area: area && /^\d{2}(\d{2}){0,3}$/.test(area) ? area : undefined,
    vulnerability: pick(vulnerabilityTypes, params.get('vulnerability')),
    sex: pick(sexes, params.get('sex')),
    age: pick(ageBandKeys, params.get('age')),
  };
}

export function filtersTo(filters: PersonFilters): URLSearchParams {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filters)) if (value) params.set(key, value);
  return params;
}

/** The API's query for these filters. */
export function toQuery(f: PersonFilters) {
  const band = f.age ? ageBands[f.age] : undefined;
  return {
    q: f.q,
    area: f.area,
    vulnerability: f.vulnerability,
    sex: f.sex,
    ageMin: band?.min,
    ageMax: band?.max,
  };
}

export const hasFilters = (f: PersonFilters) => Boolean(f.q || f.area || f.vulnerability || f.sex || f.age);
