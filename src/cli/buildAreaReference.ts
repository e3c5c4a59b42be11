/**
 * Builds src/server/db/reference/areas.csv: the DOPA area list (../shared/data/dopa-areas.csv) with English
 * names taken from the npm package thai-address-universal.
 *
 * The package is used with suspicion on two counts:
 * - its geocodes are not reliable (over a thousand subdistricts carry pre-split or non-DOPA codes, some
 *   districts a neighbour's code), so a code is only accepted when the Thai names under it agree; otherwise the
 *   row is matched by Thai name within the same parent;
 * - a minority of its English names are broken machine transliterations ("Khnong Sip" for คลองสิบ, "Tnat Noi"
 *   for ตลาดน้อย), mostly Bangkok khwaeng, so every English name is checked against the Thai spelling and
 *   dropped when it cannot be a romanisation of it. An empty name_en is better than a wrong one.
 *
 * Run: npx tsx src/cli/buildAreaReference.ts
 */
import { readFile, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { getDatabase, type IExpanded, setEngMode, setGeoMode } from 'thai-address-universal';
import {
  AREA_CSV_HEADER,
  type AreaReferenceRow,
  DEFAULT_AREA_CSV_PATH,
  formatCsvRow,
  parseCsv,
  type ReferenceAreaLevel,
} from '../server/db/reference/readAreas.ts';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const dopaCsvPath = resolve(repoRoot, '../shared/data/dopa-areas.csv');
const levels: readonly ReferenceAreaLevel[] = ['province', 'district', 'subdistrict'];
const codeLength: Record<ReferenceAreaLevel, number> = { province: 2, district: 4, subdistrict: 6 };

/**
 * Rows whose Thai name was mangled when the upstream FSH file was converted (abbreviation dots expanded into
 * province/district words, a trailing เขต/ตำบล taken for an administrative word and cut off). Applied only while
 * the source still holds exactly the broken text, so a fixed upstream file is never overwritten. Every
 * correction agrees with the name thai-address-universal has for the same place.
 */
const SOURCE_FIXES: ReadonlyArray<{ code: string; broken: string; fixed: string }> = [
  // DOPA: "ปอภาร (ปอพาน)", tambon Po Phan of Mueang Roi Et.
  { code: '450109', broken: 'จังหวัดร้อยเอ็ด อำเภอเมืองร้อยเอ็ด ปอพาน)', fixed: 'ปอภาร' },
  // DOPA: "จ.ป.ร.", tambon Cho Po Ro of Kra Buri; the abbreviation dots were read as จ./อ. prefixes.
  { code: '850406', broken: 'จังหวัดระนอง อำเภอกระบุรี ร.', fixed: 'จ.ป.ร.' },
  // Amphoe Sanam Chai Khet, Chachoengsao.
  { code: '2408', broken: 'สนามชัย', fixed: 'สนามชัยเขต' },
  // Tambon Sam Tambon, Chulabhorn district, Nakhon Si Thammarat.
  { code: '801906', broken: 'สาม', fixed: 'สามตำบล' },
];

// Longest first so that "กิ่งอำเภอ" is not left as "กิ่ง" after stripping "อำเภอ".
const NAME_PREFIXES = ['กิ่งอำเภอ', 'จังหวัด', 'อำเภอ', 'ตำบล', 'แขวง', 'เขต'];

/**
 * Comparison key for Thai names: both sources write the same place slightly differently (an administrative
 * prefix, spacing, or sara am typed as nikhahit + sara aa), none of which changes which place is meant.
 */
function normalizeThaiName(name: string): string {
  let key = name
    .normalize('NFC')
    .replaceAll('\u0e4d\u0e32', '\u0e33')
    .replace(/\u200b/g, '')
    .trim();
  for (const prefix of NAME_PREFIXES) {
    if (key.startsWith(prefix) && key.length > prefix.length) {
      key = key.slice(prefix.length).trim();
      break;
    }
  }
  return key.replace(/\s+/g, '');
}

function cleanEnglish(name: string | undefined): string {
  return (name ?? '').replace(/\s+/g, ' ').trim();
}

/** Whole names that are conventional exonyms rather than romanisations, so the checks below do not apply. */
const CONVENTIONAL_NAMES: ReadonlySet<string> = new Set(['Bangkok']);

/** Royal and Pali-style spellings that the government itself uses, although they break the RTGS shape rules. */
const ALLOWED_TOKENS: ReadonlySet<string> = new Set([
  'sirindhorn',
  'chulabhorn',
  'vibhavadi',
  'srinagarindra',
  'palm',
  'sra',
]);

/** Tokens that only ever appear as garbled ใหม่ / ใหญ่ / เหนือ in the package ("Ban Aim" for บ้านใหม่). */
const GARBLED_TOKENS: ReadonlySet<string> = new Set(['aim', 'ain', 'enue']);

// RTGS syllables start with one of these consonant spellings and end in a vowel or one of the final consonants.
const RTGS_ONSETS: ReadonlySet<string> = new Set([
  '',
  ...'b ch d f h k kh khl khr khw kl kr kw l m n ng p ph phl phr pl pr r s t th thr tr w y'.split(' '),
]);
const RTGS_CODAS: ReadonlySet<string> = new Set(['', 'k', 'p', 't', 'm', 'n', 'ng']);

function tokenLooksRomanised(token: string): boolean {
  const t = token.toLowerCase();
  if (GARBLED_TOKENS.has(t)) return false;
  if (!/^[a-z]+$/.test(t) || ALLOWED_TOKENS.has(t)) return true;
  const onset = /^[^aeiou]*/.exec(t)?.[0] ?? '';
  const coda = /[^aeiou]*$/.exec(t)?.[0] ?? '';
  return onset !== t && RTGS_ONSETS.has(onset) && RTGS_CODAS.has(coda);
}

const FOLLOWING_VOWEL_OR_TONE = 'ะาิีึืุูัำ็่้๊๋';
const LEADING_VOWELS = 'เแโใไ';

/**
 * How many times one of `letters` starts a syllable in `thai`. Only unambiguous positions count (followed by a
 * vowel or tone mark, or right after a leading vowel, alone or as the second consonant of a cluster), so a
 * final consonant, which RTGS writes differently (ร/ล as "n", ส as "t"), is never counted.
 */
function syllableInitialCount(thai: string, letters: string, silentAfter = ''): number {
  const chars = [...thai];
  let count = 0;
  chars.forEach((ch, i) => {
    if (!letters.includes(ch)) return;
    const next = chars[i + 1] ?? '';
    const prev = chars[i - 1] ?? '';
    const prev2 = chars[i - 2] ?? '';
    // Thanthakhat silences the letter; ทร/สร/ศร/จร read as a plain s/ch.
    if (next === '\u0e4c' || (prev !== '' && silentAfter.includes(prev))) return;
    // ห before a sonorant only sets the tone (หนอง, ใหญ่, หลัก).
    if (ch === 'ห' && next !== '' && 'งญนมยรลว'.includes(next)) return;
    // ย after ี / ื is part of the vowel (เปียะ, เขียว).
    if (ch === 'ย' && chars.slice(Math.max(0, i - 2), i).some((c) => c === 'ี' || c === 'ื')) return;
    const secondOfCluster = 'รลว'.includes(ch) || prev === 'ห' || prev === 'อ';
    const afterLeadingVowel =
      (prev !== '' && LEADING_VOWELS.includes(prev)) ||
      (prev2 !== '' && LEADING_VOWELS.includes(prev2) && /[ก-ฮ]/.test(prev) && secondOfCluster);
    const wordFinal = next === '' || next === ' ';
    if ((next !== '' && FOLLOWING_VOWEL_OR_TONE.includes(next)) || (!wordFinal && afterLeadingVowel))
      count += 1;
  });
  return count;
}

function occurrences(pattern: RegExp, text: string): number {
  return text.match(pattern)?.length ?? 0;
}

/**
 * Reasons why `nameEn` cannot be a romanisation of `nameTh`, empty when it can. The letter checks target the
 * package's broken transliterations, which turn syllable-initial ร/ล into "n", drop ห and ย, and write ส as "t".
 */
function romanisationProblems(nameTh: string, nameEn: string): string[] {
  if (CONVENTIONAL_NAMES.has(nameEn)) return [];
  const problems: string[] = [];
  const badTokens = nameEn.split(/[\s'-]+/).filter((t) => t !== '' && !tokenLooksRomanised(t));
  if (badTokens.length > 0) problems.push(`not RTGS-shaped: ${badTokens.join(' ')}`);
  const en = nameEn.toLowerCase();
  const letterChecks: Array<[string, RegExp, number]> = [
    ['r', /r/g, syllableInitialCount(nameTh, 'ร', 'ทสศจ')],
    ['l', /l/g, syllableInitialCount(nameTh, 'ลฬ')],
    ['s', /s/g, syllableInitialCount(nameTh, 'สศษซ')],
    ['y', /y/g, syllableInitialCount(nameTh, 'ยญ')],
    // "h" on its own, not the second letter of kh/ph/th/ch.
    ['h', /(^|[^ckpts])h/g, syllableInitialCount(nameTh, 'หฮ')],
  ];
  for (const [letter, pattern, expected] of letterChecks) {
    if (occurrences(pattern, en) < expected) problems.push(`missing "${letter}"`);
  }
  return problems;
}

interface PackageEntry {
  nameTh: string;
  nameEn: string;
}

/** Collects candidate English names under a key; more than one distinct name means the key is ambiguous. */
class CandidateIndex {
  private readonly map = new Map<string, PackageEntry[]>();

  add(key: string, entry: PackageEntry): void {
    if (entry.nameEn === '') return;
    const list = this.map.get(key);
    if (list) list.push(entry);
    else this.map.set(key, [entry]);
  }

  /** The single English name under `key` whose Thai name agrees with `nameTh`, or null. */
  find(key: string, nameTh: string): string | null {
    const wanted = normalizeThaiName(nameTh);
    const names = new Set(
      (this.map.get(key) ?? []).filter((e) => normalizeThaiName(e.nameTh) === wanted).map((e) => e.nameEn),
    );
    return names.size === 1 ? ([...names][0] ?? null) : null;
  }

  /**
   * The single English name under `key` whose Thai name is one edit away from `nameTh` (a dropped thanthakhat,
   * ิ for ี, ษ for ส: spelling variants of the same place), skipping Thai names in `taken`, which belong to a
   * sibling that matched exactly, so a missing place never borrows its neighbour's name.
   */
  findOneEditAway(key: string, nameTh: string, taken: ReadonlySet<string>): string | null {
    const wanted = normalizeThaiName(nameTh);
    if ([...wanted].length < 3) return null;
    const near = (this.map.get(key) ?? []).filter((e) => {
      const candidate = normalizeThaiName(e.nameTh);
      return !taken.has(candidate) && editDistanceIsOne(wanted, candidate);
    });
    const thaiNames = new Set(near.map((e) => normalizeThaiName(e.nameTh)));
    const names = new Set(near.map((e) => e.nameEn));
    return thaiNames.size === 1 && names.size === 1 ? ([...names][0] ?? null) : null;
  }
}

/** True when one substitution, insertion or deletion of a code point turns `a` into `b`. */
function editDistanceIsOne(a: string, b: string): boolean {
  const x = [...a];
  const y = [...b];
  if (Math.abs(x.length - y.length) > 1 || a === b) return false;
  let i = 0;
  while (i < x.length && i < y.length && x[i] === y[i]) i += 1;
  const tail = (from: string[], start: number) => from.slice(start).join('');
  if (x.length === y.length) return tail(x, i + 1) === tail(y, i + 1);
  return x.length > y.length ? tail(x, i + 1) === tail(y, i) : tail(x, i) === tail(y, i + 1);
}

interface DopaRow {
  code: string;
  level: ReferenceAreaLevel;
  parentCode: string;
  nameTh: string;
}

async function readDopa(): Promise<DopaRow[]> {
  const [header, ...body] = parseCsv(await readFile(dopaCsvPath, 'utf8'));
  if (header?.join(',') !== 'code,level,parent_code,name_th') {
    throw new Error(`${dopaCsvPath}: unexpected header ${header?.join(',')}`);
  }
  const fixes = new Map(SOURCE_FIXES.map((f) => [f.code, f]));
  return body.map((fields, index) => {
    const [code = '', level = '', parentCode = '', rawName = ''] = fields;
    if (!levels.includes(level as ReferenceAreaLevel)) {
      throw new Error(`${dopaCsvPath} line ${index + 2}: unknown level ${level}`);
    }
    const fix = fixes.get(code);
    const nameTh = fix && rawName.trim() === fix.broken ? fix.fixed : rawName.trim();
    if (fix && nameTh !== fix.fixed) console.warn(`note: source fix for ${code} no longer applies`);
    return { code, level: level as ReferenceAreaLevel, parentCode, nameTh };
  });
}

/** The package's rows in both languages; both datasets decode the same tree, so row i is the same place. */
async function readPackageRows(): Promise<Array<{ th: IExpanded; en: IExpanded }>> {
  await setGeoMode(true);
  await setEngMode(false);
  const th = [...getDatabase()];
  await setEngMode(true);
  const en = [...getDatabase()];
  await setEngMode(false);
  if (th.length === 0 || th.length !== en.length) {
    throw new Error(`thai-address-universal: ${th.length} Thai rows but ${en.length} English rows`);
  }
  return th.map((row, i) => {
    const other = en[i];
    if (
      !other ||
      other.sub_district_code !== row.sub_district_code ||
      other.postal_code !== row.postal_code
    ) {
      throw new Error(`thai-address-universal: Thai and English rows diverge at index ${i}`);
    }
    return { th: row, en: other };
  });
}

/**
 * How a row got (or lost) its English name: by code, by exact Thai name within the parent, by a Thai name one
 * edit away within the parent, or matched but 'rejected' by the romanisation checks.
 */
type MatchKind = 'code' | 'name' | 'spelling' | 'rejected' | 'none';

async function main(): Promise<void> {
  const dopa = await readDopa();
  const pkg = await readPackageRows();

  // Two indexes per level: by the package's own code, and by the Thai names of the place and its ancestors.
  const byCode: Record<ReferenceAreaLevel, CandidateIndex> = {
    province: new CandidateIndex(),
    district: new CandidateIndex(),
    subdistrict: new CandidateIndex(),
  };
  const byName: Record<ReferenceAreaLevel, CandidateIndex> = {
    province: new CandidateIndex(),
    district: new CandidateIndex(),
    subdistrict: new CandidateIndex(),
  };
  for (const { th, en } of pkg) {
    const p = normalizeThaiName(th.province);
    const d = normalizeThaiName(th.district);
    const province = { nameTh: th.province, nameEn: cleanEnglish(en.province) };
    const district = { nameTh: th.district, nameEn: cleanEnglish(en.district) };
    const subdistrict = { nameTh: th.sub_district, nameEn: cleanEnglish(en.sub_district) };
    if (th.province_code) byCode.province.add(th.province_code, province);
    if (th.district_code) byCode.district.add(th.district_code, district);
    if (th.sub_district_code) byCode.subdistrict.add(th.sub_district_code, subdistrict);
    byName.province.add('', province);
    byName.district.add(p, district);
    byName.subdistrict.add(`${p}|${d}`, subdistrict);
  }

  const dopaByCode = new Map(dopa.map((row) => [row.code, row]));
  const parentKey = (row: DopaRow): string => {
    // The name path of the DOPA parent(s): "" for provinces, "province" for districts, "province|district".
    const names: string[] = [];
    for (let code = row.parentCode; code !== ''; ) {
      const parent = dopaByCode.get(code);
      if (!parent) throw new Error(`DOPA row ${row.code}: parent ${code} is missing`);
      names.unshift(normalizeThaiName(parent.nameTh));
      code = parent.parentCode;
    }
    return names.join('|');
  };

  // Normalised Thai names of the DOPA children of each parent, to keep one-edit matches off real siblings.
  const siblingNames = new Map<string, Set<string>>();
  for (const row of dopa) {
    const names = siblingNames.get(row.parentCode) ?? new Set<string>();
    names.add(normalizeThaiName(row.nameTh));
    siblingNames.set(row.parentCode, names);
  }

  interface Result {
    row: DopaRow;
    kind: MatchKind;
    nameEn: string | null;
    problems: string[];
  }
  const results: Result[] = dopa.map((row) => {
    if (row.code.length !== codeLength[row.level]) {
      throw new Error(`DOPA row ${row.code}: a ${row.level} code must have ${codeLength[row.level]} digits`);
    }
    let kind: MatchKind = 'code';
    let nameEn = byCode[row.level].find(row.code, row.nameTh);
    if (nameEn === null) {
      kind = 'name';
      nameEn = byName[row.level].find(parentKey(row), row.nameTh);
    }
    if (nameEn === null) {
      kind = 'spelling';
      const taken = siblingNames.get(row.parentCode) ?? new Set<string>();
      nameEn = byName[row.level].findOneEditAway(parentKey(row), row.nameTh, taken);
    }
    if (nameEn === null) return { row, kind: 'none', nameEn: null, problems: [] };
    const problems = romanisationProblems(row.nameTh, nameEn);
    return problems.length > 0
      ? { row, kind: 'rejected', nameEn: null, problems }
      : { row, kind, nameEn, problems };
  });

  // Bangkok khwaeng are where the package's transliterations are worst, and some broken ones still look like
  // RTGS ("Buan Niet" for บวรนิเวศ). There, every word must also occur in an accepted name elsewhere.
  const attested = new Set<string>();
  const isBangkokSubdistrict = (row: DopaRow) => row.level === 'subdistrict' && row.code.startsWith('10');
  const words = (name: string) =>
    name
      .toLowerCase()
      .split(/[\s'-]+/)
      .filter((w) => w !== '');
  for (const r of results) {
    if (r.nameEn !== null && !isBangkokSubdistrict(r.row)) for (const w of words(r.nameEn)) attested.add(w);
  }
  for (const r of results) {
    if (r.nameEn === null || !isBangkokSubdistrict(r.row)) continue;
    const unattested = words(r.nameEn).filter((w) => !attested.has(w));
    if (unattested.length > 0) {
      r.problems = [`Bangkok word not attested elsewhere: ${unattested.join(' ')}`];
      r.kind = 'rejected';
      r.nameEn = null;
    }
  }

  const output: AreaReferenceRow[] = results.map(({ row, nameEn }) => ({
    code: row.code,
    level: row.level,
    parentCode: row.parentCode === '' ? null : row.parentCode,
    nameTh: row.nameTh,
    nameEn,
  }));
  // Plain code-point order keeps every child right after its parent ("90" < "9015" < "901501" < "9016").
  output.sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  const lines = [
    formatCsvRow(AREA_CSV_HEADER),
    ...output.map((r) => formatCsvRow([r.code, r.level, r.parentCode ?? '', r.nameTh, r.nameEn ?? ''])),
  ];
  await writeFile(DEFAULT_AREA_CSV_PATH, `${lines.join('\n')}\n`, 'utf8');

  console.log(`wrote ${output.length} rows to ${DEFAULT_AREA_CSV_PATH}`);
  const pad = (n: number, width: number) => String(n).padStart(width);
  const zero = (): Record<MatchKind, number> => ({ code: 0, name: 0, spelling: 0, rejected: 0, none: 0 });
  const total = zero();
  for (const level of levels) {
    const c = zero();
    for (const r of results) if (r.row.level === level) c[r.kind] += 1;
    for (const kind of Object.keys(c) as MatchKind[]) total[kind] += c[kind];
    const rows = c.code + c.name + c.spelling + c.rejected + c.none;
    const covered = c.code + c.name + c.spelling;
    const percent = rows === 0 ? 0 : (100 * covered) / rows;
    console.log(
      `${level.padEnd(11)} rows ${pad(rows, 5)}  with English ${pad(covered, 5)} (${percent.toFixed(2)}%)  ` +
        `by code ${pad(c.code, 5)}  by Thai name ${pad(c.name, 4)}  by Thai name one edit away ${pad(c.spelling, 2)}  ` +
        `rejected as mistransliterated ${pad(c.rejected, 3)}  not found ${pad(c.none, 2)}`,
    );
  }
  console.log(
    `matched by Thai-name fallback: ${total.name + total.spelling} (${total.spelling} of them one edit away)`,
  );
  for (const r of results) {
    if (r.kind === 'none') console.log(`  not found: ${r.row.code} ${r.row.nameTh}`);
    if (r.kind === 'spelling') console.log(`  one edit away: ${r.row.code} ${r.row.nameTh} = ${r.nameEn}`);
  }
  if (process.argv.includes('--verbose')) {
    for (const r of results) {
      if (r.kind === 'rejected')
        console.log(`  rejected: ${r.row.code} ${r.row.nameTh}: ${r.problems.join('; ')}`);
    }
  } else {
    console.log('(run with --verbose to list the rejected English names)');
  }
}

await main();
