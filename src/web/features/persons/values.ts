import type { Person } from '../../../core/schemas/index.ts';
import { normalizeBirthDate, thaiToday } from '../../../core/thai/birthDate.ts';
import { parseBuddhistYear, toBuddhistYear } from '../../../core/thai/buddhistEra.ts';
import { formatNationalId, normalizeNationalId } from '../../../core/thai/nationalId.ts';
import { optionalText } from '../../app/validation.ts';

/** The person's fields as a form holds them: text as typed, choices as codes. */
export interface PersonValues {
  idType: string;
  nationalId: string;
  noIdReason: string;
  title: string | null;
  firstName: string;
  lastName: string;
  sex: string | null;
  birthDay: string;
  birthMonth: string | null;
  birthYearBE: string;
  birthDateEstimated: boolean;
  nationality: string;
  religion: string | null;
  maritalStatus: string | null;
  education: string | null;
  occupation: string;
  /** The subdistrict (6 digits). */
  areaCode: string | null;
  /** A registered village (8 digits) of that subdistrict, when there is one. */
  villageCode: string | null;
  villageNo: string;
  houseNo: string;
  postcode: string;
  phone: string;
  location: { lat: number; lon: number } | null;
  vulnerability: string[];
  chronicConditions: string[];
  hasDisability: boolean;
  disabilityTypes: string[];
  disabilityCard: string;
  healthCoverage: string | null;
  incomeBand: string | null;
  hasCaregiver: boolean;
  caregiverRelation: string | null;
  caregiverName: string;
  caregiverPhone: string;
}

export function emptyValues(areaCodes: readonly string[] = []): PersonValues {
  const own = areaCodes.find((c) => c.length === 6 || c.length === 8);
  return {
    idType: 'thai_id',
    nationalId: '',
    noIdReason: '',
    title: null,
    firstName: '',
    lastName: '',
    sex: null,
    birthDay: '',
    birthMonth: null,
    birthYearBE: '',
    birthDateEstimated: false,
    nationality: 'TH',
    religion: null,
    maritalStatus: null,
    education: null,
    occupation: '',
    areaCode: own ? own.slice(0, 6) : null,
    villageCode: own && own.length === 8 ? own : null,
    villageNo: '',
    houseNo: '',
    postcode: '',
    phone: '',
    location: null,
    vulnerability: [],
    chronicConditions: [],
    hasDisability: false,
    disabilityTypes: [],
    disabilityCard: '',
    healthCoverage: null,
    incomeBand: null,
    hasCaregiver: false,
    caregiverRelation: null,
    caregiverName: '',
    caregiverPhone: '',
  };
}

/** A stored person back into form values (for editing). */
export function valuesOf(p: Person): PersonValues {
  const [y = '', m = '', d = ''] = p.birthDate.split('-');
  return {
    idType: p.idType,
    // A masked number cannot be sent back; the field starts empty and means "keep".
    nationalId: p.nationalIdMasked
      ? ''
      : p.idType === 'thai_id' && p.nationalId
        ? formatNationalId(p.nationalId)
        : (p.nationalId ?? ''),
    noIdReason: p.noIdReason ?? '',
    title: p.title,
    firstName: p.firstName,
    lastName: p.lastName,
    sex: p.sex,
    birthDay: p.birthDateEstimated ? '' : String(Number(d)),
    birthMonth: p.birthDateEstimated ? null : String(Number(m)),
    birthYearBE: y ? String(toBuddhistYear(Number(y))) : '',
    birthDateEstimated: p.birthDateEstimated,
    nationality: p.nationality ?? 'TH',
    religion: p.religion,
    maritalStatus: p.maritalStatus,
    education: p.education,
    occupation: p.occupation ?? '',
    areaCode: p.address.areaCode,
    villageCode: p.address.villageCode,
    villageNo: p.address.villageNo ? String(p.address.villageNo) : '',
    houseNo: p.address.houseNo ?? '',
    postcode: p.address.postcode ?? '',
    phone: p.phone ?? '',
    location: p.location,
    // Computed, never recorded: elderly from age, bedbound from the latest ADL screening.
    vulnerability: p.vulnerability.filter(
      (v) => v !== 'elderly' && !(v === 'bedbound' && p.adlGroup === 'bed_bound'),
    ),
    chronicConditions: p.chronicConditions,
    hasDisability: Boolean(p.disability?.types.length),
    disabilityTypes: p.disability?.types ?? [],
    disabilityCard: p.disability?.cardNumber ?? '',
    healthCoverage: p.healthCoverage,
    incomeBand: p.incomeBand,
    hasCaregiver: Boolean(p.caregiver),
    caregiverRelation: p.caregiver?.relation ?? null,
    caregiverName: p.caregiver?.name ?? '',
    caregiverPhone: p.caregiver?.phone ?? '',
  };
}

export type BirthProblem = 'notBE' | 'noSuchDay' | 'future' | 'tooOld' | 'required';

/**
 * Day, month and Buddhist-era year → an ISO date in CE. Only the year when
 * the date is estimated: then 1 January of that year, the civil registry's
 * custom for an unknown birthday.
 */
export function birthDateOf(
  v: Pick<PersonValues, 'birthDay' | 'birthMonth' | 'birthYearBE' | 'birthDateEstimated'>,
  today: string = thaiToday(),
): { date: string } | { problem: BirthProblem; field: 'birthYearBE' | 'birthDay' | 'birthMonth' } {
  if (!v.birthYearBE.trim()) return { problem: 'required', field: 'birthYearBE' };
  const year = parseBuddhistYear(v.birthYearBE);
  if (year === null) return { problem: 'notBE', field: 'birthYearBE' };
  if (!v.birthDateEstimated) {
    if (!v.birthDay.trim()) return { problem: 'required', field: 'birthDay' };
    if (!v.birthMonth) return { problem: 'required', field: 'birthMonth' };
  }
  const month = v.birthDateEstimated ? 1 : Number(v.birthMonth);
  const day = v.birthDateEstimated ? 1 : Number(v.birthDay.trim());
  if (!Number.isInteger(day) || day < 1 || day > 31) return { problem: 'noSuchDay', field: 'birthDay' };
  const iso = `${String(year).padStart(4, '0')}-${pad(month)}-${pad(day)}`;
  const checked = normalizeBirthDate(iso, today);
  if (checked.ok) return { date: checked.date };
  if (checked.problem === 'future') return { problem: 'future', field: 'birthYearBE' };
  if (checked.problem === 'too_old') return { problem: 'tooOld', field: 'birthYearBE' };
  return { problem: 'noSuchDay', field: 'birthDay' };
}

const pad = (n: number) => String(n).padStart(2, '0');

function villageNoOf(v: PersonValues): number | undefined {
  if (v.villageCode) return undefined;
  const n = Number(v.villageNo.trim());
  return v.villageNo.trim() && Number.isFinite(n) ? n : undefined;
}

/** The form's values as the body of `POST /persons` (before the shared schema parses it). */
export function toCreateBody(v: PersonValues) {
  const birth = birthDateOf(v);
  const hasId = v.idType !== 'none';
  return {
    idType: v.idType,
    nationalId: hasId
      ? optionalText(v.idType === 'thai_id' ? normalizeNationalId(v.nationalId) : v.nationalId)
      : undefined,
    noIdReason: hasId ? undefined : optionalText(v.noIdReason),
    title: v.title ?? undefined,
    firstName: v.firstName.trim(),
    lastName: v.lastName.trim(),
    sex: v.sex ?? undefined,
    birthDate: 'date' in birth ? birth.date : '',
    birthDateEstimated: v.birthDateEstimated || undefined,
    nationality: optionalText(v.nationality.toUpperCase()),
    religion: v.religion ?? undefined,
    maritalStatus: v.maritalStatus ?? undefined,
    education: v.education ?? undefined,
    occupation: optionalText(v.occupation),
    incomeBand: v.incomeBand ?? undefined,
    healthCoverage: v.healthCoverage ?? undefined,
    address: {
      areaCode: v.villageCode ?? v.areaCode ?? '',
      villageNo: villageNoOf(v),
      houseNo: optionalText(v.houseNo),
      postcode: optionalText(v.postcode),
    },
    phone: optionalText(v.phone),
    chronicConditions: v.chronicConditions.length ? v.chronicConditions : undefined,
    disability:
      v.hasDisability && v.disabilityTypes.length
        ? { types: v.disabilityTypes, cardNumber: optionalText(v.disabilityCard) }
        : v.hasDisability
          ? { types: [], cardNumber: optionalText(v.disabilityCard) }
          : undefined,
    vulnerability: v.vulnerability.length ? v.vulnerability : undefined,
    caregiver: v.hasCaregiver
      ? {
          relation: v.caregiverRelation ?? '',
          name: optionalText(v.caregiverName),
          phone: optionalText(v.caregiverPhone),
        }
      : undefined,
    location: v.location ?? undefined,
  };
}

/**
 * The fields that differ from the stored person, as the body of a PATCH: a
 * cleared optional field is sent as null, an unchanged one not at all.
 */
export function toPatchBody(before: PersonValues, after: PersonValues): Record<string, unknown> {
  const a = toCreateBody(before) as Record<string, unknown>;
  const b = toCreateBody(after) as Record<string, unknown>;
  const body: Record<string, unknown> = {};
  for (const key of Object.keys(b)) {
    if (key === 'nationalId' && !after.nationalId.trim()) continue;
    if (JSON.stringify(a[key]) === JSON.stringify(b[key])) continue;
    body[key] = b[key] === undefined ? null : b[key];
  }
  if ('birthDate' in body || 'birthDateEstimated' in body) {
    body.birthDate = b.birthDate;
    body.birthDateEstimated = after.birthDateEstimated;
  }
  if (body.chronicConditions === null) body.chronicConditions = [];
  if (body.vulnerability === null) body.vulnerability = [];
  return body;
}
