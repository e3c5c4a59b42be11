import type { TFunction } from 'i18next';
import { consentCreate, personCreate } from '../../../core/schemas/index.ts';
import { nationalIdProblem } from '../../../core/thai/nationalId.ts';
import { schemaErrors } from '../../app/validation.ts';
import { birthDateOf, type PersonValues, toCreateBody } from './values.ts';

/** API/schema paths → the form field that shows their message. */
const FIELD_OF: Record<string, keyof PersonValues> = {
  birthDate: 'birthYearBE',
  'address.areaCode': 'areaCode',
  'address.villageNo': 'villageNo',
  'address.houseNo': 'houseNo',
  'address.postcode': 'postcode',
  'disability.types': 'disabilityTypes',
  'disability.cardNumber': 'disabilityCard',
  'caregiver.relation': 'caregiverRelation',
  'caregiver.name': 'caregiverName',
  'caregiver.phone': 'caregiverPhone',
  'location.lat': 'location',
  'location.lon': 'location',
};

/** The form field of a schema or server error path (`address.houseNo` → `houseNo`). */
export function fieldOf(path: string): string {
  if (FIELD_OF[path]) return FIELD_OF[path];
  const parts = path.split('.');
  while (parts.length > 1) {
    parts.pop();
    const joined = parts.join('.');
    if (FIELD_OF[joined]) return FIELD_OF[joined];
  }
  return parts[0] ?? path;
}

/**
 * Every problem of the person's values, keyed by form field, checked with the
 * same schema as the server plus the Thai rules worded for people (check
 * digit, Buddhist-era year).
 */
export function personErrors(values: PersonValues, t: TFunction): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const [path, message] of Object.entries(schemaErrors(personCreate, toCreateBody(values), t))) {
    const field = fieldOf(path);
    if (!(field in errors)) errors[field] = message;
  }
  if (errors.phone) errors.phone = t('persons.address.phoneRule');
  if (errors.caregiverPhone) errors.caregiverPhone = t('persons.address.phoneRule');

  delete errors.birthYearBE;
  const birth = birthDateOf(values);
  if ('problem' in birth) {
    errors[birth.field] =
      birth.problem === 'required' ? t('validation.required') : t(`persons.birth.${birth.problem}`);
  }

  if (values.idType === 'thai_id' && values.nationalId.trim()) {
    const problem = nationalIdProblem(values.nationalId);
    if (problem) errors.nationalId = idMessage(problem, values.nationalId, t);
    else delete errors.nationalId;
  }
  return errors;
}

export function idMessage(
  problem: NonNullable<ReturnType<typeof nationalIdProblem>>,
  typed: string,
  t: TFunction,
): string {
  if (problem === 'check_digit') return t('persons.id.checkDigit');
  if (problem === 'digits') return t('persons.id.digits');
  return t('persons.id.length', { count: typed.replace(/\D/g, '').length });
}

export interface ConsentValues {
  consentGiven: boolean;
  consentMethod: string | null;
  witnessName: string;
}

export const consentBody = (c: ConsentValues) => ({
  purpose: 'collect' as const,
  granted: true,
  method: c.consentMethod ?? '',
  witnessName: c.consentMethod === 'verbal_witnessed' ? c.witnessName.trim() || undefined : undefined,
});

export function consentErrors(c: ConsentValues, t: TFunction): Record<string, string> {
  if (!c.consentGiven) return {};
  const errors = schemaErrors(consentCreate, consentBody(c), t);
  const out: Record<string, string> = {};
  if (errors.method) out.consentMethod = errors.method;
  if (errors.witnessName) out.witnessName = errors.witnessName;
  return out;
}
