import type { PersonValues } from '../values.ts';

export type StepId = 'identity' | 'person' | 'address' | 'health' | 'care' | 'review';

type Field = keyof PersonValues | 'consentMethod' | 'witnessName';

/** The registration, a few fields per screen; each screen checks only its own fields. */
export const STEPS: readonly { id: StepId; fields: readonly Field[] }[] = [
  { id: 'identity', fields: ['idType', 'nationalId', 'noIdReason'] },
  {
    id: 'person',
    fields: [
      'title',
      'firstName',
      'lastName',
      'sex',
      'birthDay',
      'birthMonth',
      'birthYearBE',
      'nationality',
      'religion',
      'maritalStatus',
      'education',
      'occupation',
    ],
  },
  {
    id: 'address',
    fields: ['areaCode', 'villageCode', 'villageNo', 'houseNo', 'postcode', 'phone', 'location'],
  },
  {
    id: 'health',
    fields: [
      'vulnerability',
      'chronicConditions',
      'disabilityTypes',
      'disabilityCard',
      'healthCoverage',
      'incomeBand',
    ],
  },
  {
    id: 'care',
    fields: ['caregiverRelation', 'caregiverName', 'caregiverPhone', 'consentMethod', 'witnessName'],
  },
  { id: 'review', fields: [] },
];

/** The first step showing one of these fields (server errors are sent back to it). */
export function stepOfFields(fields: readonly string[]): number {
  const index = STEPS.findIndex((s) => s.fields.some((f) => fields.includes(f)));
  return index === -1 ? STEPS.length - 1 : index;
}

export function onlyStep(errors: Record<string, string>, step: number): Record<string, string> {
  const fields: readonly string[] = STEPS[step]?.fields ?? [];
  return Object.fromEntries(Object.entries(errors).filter(([f]) => fields.includes(f)));
}
