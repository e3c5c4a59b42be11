import { formatNationalId } from '../../src/core/thai/nationalId.ts';
import { type FieldKey, fieldForHeader } from '../../src/server/modules/imports/fields.ts';
import { type CodedField, codeOf, thaiLabels } from '../../src/server/modules/imports/labels.ts';
import { generatePopulation, type SyntheticPerson } from '../generate/population.ts';
import { type PersonProfile, profileHousehold } from '../generate/profile.ts';
import { mulberry32, seedFor } from '../generate/random.ts';
import type { ReferenceArea } from '../generate/reference.ts';

export interface ImportFile {
  csv: Buffer;
  rows: number;
  /** The villages the rows name (subdistrict code + number), to register before importing. */
  villages: { code: string; subdistrictCode: string; villageNo: number; nameTh: string }[];
  /** Template headers the file fills, and the ones it leaves blank. */
  filled: string[];
  blank: string[];
}

/** The Thai label staff would type for a code (the template help sheet's first label). */
function labelOf(field: CodedField, code: string): string {
  for (const label of thaiLabels(field)) if (codeOf(field, label) === code) return label;
  return code;
}

const list = (field: CodedField, codes: readonly string[]) => codes.map((c) => labelOf(field, c)).join(', ');

/** 1950-04-13 → 13/04/2493: the Buddhist-era day/month/year staff keep in their spreadsheets. */
function thaiDate(iso: string): string {
  const [y, m, d] = iso.split('-');
  return `${d}/${m}/${Number(y) + 543}`;
}

function thaiPhone(p: string | null | undefined): string {
  return p ? `${p.slice(0, 3)}-${p.slice(3, 6)}-${p.slice(6)}` : '';
}

function valueFor(key: FieldKey, p: SyntheticPerson, f: PersonProfile): string {
  switch (key) {
    case 'idType':
      return labelOf('idType', 'thai_id');
    case 'nationalId':
      return formatNationalId(p.nationalId);
    case 'title':
      return p.prefix;
    case 'firstName':
      return p.firstName;
    case 'lastName':
      return p.lastName;
    case 'sex':
      return labelOf('sex', p.sex);
    case 'birthDate':
      return thaiDate(p.birthDate);
    case 'nationality':
      return 'ไทย';
    case 'religion':
      return labelOf('religion', f.religion);
    case 'maritalStatus':
      return labelOf('maritalStatus', f.maritalStatus);
    case 'education':
      return labelOf('education', f.education);
    case 'occupation':
      return f.occupation ?? '';
    case 'incomeBand':
      return labelOf('incomeBand', f.incomeBand);
    case 'healthCoverage':
      return labelOf('healthCoverage', f.healthCoverage);
    case 'areaCode':
      return p.areaCode;
    case 'villageNo':
      return String(p.villageNo);
    case 'houseNo':
      return p.houseNo;
    case 'phone':
      return thaiPhone(p.phone);
    case 'chronicConditions':
      return list('chronicConditions', f.chronicConditions);
    case 'disabilityTypes':
      return list('disabilityTypes', f.disabilityTypes);
    case 'vulnerability':
      return list('vulnerability', f.vulnerability);
    case 'relationToHead':
      return labelOf('relationToHead', p.relation);
    case 'caregiverRelation':
      return f.caregiver ? labelOf('caregiverRelation', f.caregiver.relation) : '';
    case 'caregiverName':
      return f.caregiver?.name ?? '';
    case 'caregiverPhone':
      return thaiPhone(f.caregiver?.phone);
    default:
      // Postcode, coordinates, disability card, a no-ID reason, an estimated-date flag: left blank as most lists do.
      return '';
  }
}

function csvCell(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/**
 * A file in our import template (`toemsuk-persons`): the template's own header row, as the server hands
 * it out, then one row per synthetic person with the values staff type (Thai labels, Buddhist-era dates,
 * IDs and phone numbers with dashes). UTF-8 with a BOM, as Excel saves it.
 */
export function buildImportCsv(
  templateCsv: string,
  areas: readonly ReferenceArea[],
  options: { areaCode: string; people: number; seed: number; asOf: string },
): ImportFile {
  const headerLine = templateCsv.replace(/^\uFEFF/, '').split(/\r?\n/)[0] ?? '';
  const headers = headerLine.split(',').map((h) => h.replace(/^"|"$/g, ''));
  const keys = headers.map((h) => fieldForHeader(h));
  if (!keys.includes('firstName') || !keys.includes('birthDate'))
    throw new Error(`the template's header row is not recognised: ${headerLine.slice(0, 200)}`);

  const population = generatePopulation(areas, options);
  const random = mulberry32(seedFor(`${options.seed}:import-profile`));
  const members = new Map<string, SyntheticPerson[]>();
  for (const p of population.people) {
    const m = members.get(p.householdId);
    if (m) m.push(p);
    else members.set(p.householdId, [p]);
  }
  const lines: string[] = [headers.map(csvCell).join(',')];
  const used = headers.map(() => false);
  for (const h of population.households) {
    const list = members.get(h.id) ?? [];
    const { people } = profileHousehold(random, list, options.asOf);
    list.forEach((p, i) => {
      const cells = keys.map((k) => (k ? valueFor(k, p, people[i]!) : ''));
      cells.forEach((c, j) => {
        if (c !== '') used[j] = true;
      });
      lines.push(cells.map(csvCell).join(','));
    });
  }
  return {
    csv: Buffer.from(`\uFEFF${lines.join('\r\n')}\r\n`, 'utf8'),
    rows: population.people.length,
    villages: population.villages,
    filled: headers.filter((_, i) => used[i]),
    blank: headers.filter((_, i) => !used[i]),
  };
}
