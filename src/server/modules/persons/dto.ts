import { isAdlGroup, vulnerabilityOf } from '../../../core/persons/vulnerability.ts';
import type { Actor, PersonRelation } from '../../../core/policy/index.ts';
import { decide, placeOf } from '../../../core/policy/index.ts';
import type { Person } from '../../../core/schemas/index.ts';
import { ageOn } from '../../../core/thai/birthDate.ts';
import { maskNationalId } from '../../../core/thai/nationalId.ts';
import { iso } from '../users/repo.ts';
import type { NationalIdVault } from './nationalIdVault.ts';
import type { ConsentState, PersonRow } from './repo.ts';

/** A person as the API shows it to this actor: the national ID in full only where the policy says so. */
export function toPersonDto(
  row: PersonRow,
  ctx: {
    actor: Actor;
    vault: NationalIdVault;
    today: string;
    consent: ConsentState;
    areaName: string | null;
    /** What groups and links give the actor over this person (a linked person sees their own ID). */
    relation?: PersonRelation;
  },
): Person {
  const full = decide(ctx.actor, {
    action: 'person.readNationalId',
    areaCode: placeOf(row),
    relation: ctx.relation,
  }).allow;
  const id = row.nationalIdEnc ? ctx.vault.decrypt(row.nationalIdEnc) : null;
  const shown =
    id === null ? null : full ? id : row.idType === 'thai_id' ? maskNationalId(id) : maskOther(id);
  const caregiver = row.caregiver as {
    relation: string;
    name?: string;
    phone?: string;
    personId?: string;
  } | null;
  return {
    id: row.id,
    idType: row.idType as Person['idType'],
    nationalId: shown,
    nationalIdMasked: id !== null && !full,
    noIdReason: row.noIdReason,
    title: row.title as Person['title'],
    firstName: row.firstName,
    lastName: row.lastName,
    sex: row.sex as Person['sex'],
    birthDate: row.birthDate,
    birthDateEstimated: row.birthDateEstimated,
    age: ageOn(row.birthDate, ctx.today),
    nationality: row.nationality,
    religion: row.religion as Person['religion'],
    maritalStatus: row.maritalStatus as Person['maritalStatus'],
    education: row.education as Person['education'],
    occupation: row.occupation,
    incomeBand: row.incomeBand as Person['incomeBand'],
    healthCoverage: row.healthCoverage as Person['healthCoverage'],
    address: {
      areaCode: row.areaCode,
      villageCode: row.villageCode,
      villageNo: row.villageNo,
      houseNo: row.houseNo,
      postcode: row.postcode,
      areaName: ctx.areaName,
    },
    householdId: row.householdId,
    relationToHead: row.relationToHead as Person['relationToHead'],
    phone: row.phone,
    chronicConditions: row.chronicConditions,
    disability: row.disabilityTypes.length
      ? { types: row.disabilityTypes, cardNumber: row.disabilityCardNo }
      : null,
    vulnerability: vulnerabilityOf(row.vulnerability, row.birthDate, ctx.today, row.adlGroup),
    adlGroup: isAdlGroup(row.adlGroup) ? row.adlGroup : null,
    adlTakenAt: row.adlTakenAt ? iso(row.adlTakenAt) : null,
    caregiver: caregiver
      ? {
          relation: caregiver.relation,
          name: caregiver.name ?? null,
          phone: caregiver.phone ?? null,
          personId: caregiver.personId ?? null,
        }
      : null,
    location:
      row.latitude !== null && row.longitude !== null ? { lat: row.latitude, lon: row.longitude } : null,
    consent: ctx.consent,
    version: row.version,
    mergedInto: row.mergedInto,
    createdAt: iso(row.createdAt),
    updatedAt: iso(row.updatedAt),
  };
}

/** Passports and alien IDs have no fixed shape: keep the last three characters. */
function maskOther(id: string): string {
  return `${'x'.repeat(Math.max(0, id.length - 3))}${id.slice(-3)}`;
}
