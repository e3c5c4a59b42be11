import { COMPUTED_VULNERABILITY, type CodedField, codeOf, labelKey } from './labels.ts';

/**
 * Turning spreadsheet text into the values the person schema expects. Each
 * helper returns the raw text when it cannot read it, so that the shared
 * schema rejects it and the error names the column.
 */

const THAI_DIGITS = /[๐-๙]/g;
export const asciiDigits = (s: string) => s.replace(THAI_DIGITS, (d) => String(d.charCodeAt(0) - 0x0e50));

/** Blank, and the dash people type for "none", are both empty. */
export function present(text: string | undefined): string | undefined {
  const t = text?.trim();
  return t && t !== '-' && t !== '–' ? t : undefined;
}

const THAI_MONTHS = [
  ['มกราคม', 'ม.ค.'],
  ['กุมภาพันธ์', 'ก.พ.'],
  ['มีนาคม', 'มี.ค.'],
  ['เมษายน', 'เม.ย.'],
  ['พฤษภาคม', 'พ.ค.'],
  ['มิถุนายน', 'มิ.ย.'],
  ['กรกฎาคม', 'ก.ค.'],
  ['สิงหาคม', 'ส.ค.'],
  ['กันยายน', 'ก.ย.'],
  ['ตุลาคม', 'ต.ค.'],
  ['พฤศจิกายน', 'พ.ย.'],
  ['ธันวาคม', 'ธ.ค.'],
].flatMap(([full, short], i) => [
  [labelKey(full!), i + 1],
  [labelKey(short!), i + 1],
]) as [string, number][];
const monthByName = new Map(THAI_MONTHS);

const pad = (n: string | number) => String(n).padStart(2, '0');

/**
 * A date as staff write it → `YYYY-MM-DD` with the year as written (B.E. or
 * CE; `normalizeBirthDate` decides which). Accepts 13/04/2493, 13-4-2493,
 * 13 เม.ย. 2493, 2493-04-13, 24930413 (MoPH), an ISO timestamp, and a bare
 * year (then the date is estimated). Null when it is none of these.
 */
export function readDate(text: string): { iso: string; yearOnly: boolean } | null {
  const t = asciiDigits(text.trim());
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ].*)?$/.exec(t);
  if (m) return { iso: `${m[1]}-${pad(m[2]!)}-${pad(m[3]!)}`, yearOnly: false };
  m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(t);
  if (m) return { iso: `${m[3]}-${pad(m[2]!)}-${pad(m[1]!)}`, yearOnly: false };
  m = /^(\d{4})(\d{2})(\d{2})$/.exec(t);
  if (m) return { iso: `${m[1]}-${m[2]}-${m[3]}`, yearOnly: false };
  m = /^(\d{1,2})\s*([^\d\s]+(?:\s?[^\d\s]+)?)\s*(\d{4})$/.exec(t);
  const month = m ? monthByName.get(labelKey(m[2]!)) : undefined;
  if (m && month) return { iso: `${m[3]}-${pad(month)}-${pad(m[1]!)}`, yearOnly: false };
  m = /^(\d{4})$/.exec(t);
  if (m) return { iso: `${m[1]}-01-01`, yearOnly: true };
  return null;
}

/** A number, or the text itself for the schema to reject. */
export function readNumber(text: string): number | string {
  const t = asciiDigits(text.trim()).replace(/,/g, '');
  return /^-?\d+(\.\d+)?$/.test(t) ? Number(t) : text.trim();
}

/** "หมู่ 3", "ม.3", "๓" → 3. */
export function readVillageNo(text: string): number | string {
  return readNumber(text.trim().replace(/^(หมู่ที่|หมู่|ม\.?)\s*/, ''));
}

const YES = new Set(['ใช่', 'ประมาณ', 'yes', 'y', 'true', '1', '✓', 'x']);
const NO = new Set(['ไม่', 'ไม่ใช่', 'no', 'n', 'false', '0']);
export function readBool(text: string): boolean | string {
  const k = labelKey(text);
  if (YES.has(k)) return true;
  if (NO.has(k)) return false;
  return text.trim();
}

/** Spreadsheets store 0812345678 as the number 812345678: every Thai number starts with 0, so put it back. */
export function readPhone(text: string): string {
  const t = asciiDigits(text.trim());
  return /^[1-9]\d{7,8}$/.test(t.replace(/[\s-]/g, '')) ? `0${t.replace(/[\s-]/g, '')}` : t;
}

/** Comma-separated labels (also ; / and the Thai space-separated style with commas) → codes. */
export function readList(field: CodedField, text: string): string[] {
  const items = text
    .split(/[,;、/]/)
    .map((s) => s.trim())
    .filter(Boolean);
  const codes = items
    .filter((s) => field !== 'vulnerability' || !COMPUTED_VULNERABILITY.has(labelKey(s)))
    .map((s) => codeOf(field, s));
  return [...new Set(codes)];
}

const NATIONALITIES: Record<string, string> = {
  ไทย: 'TH',
  thai: 'TH',
  พม่า: 'MM',
  เมียนมา: 'MM',
  myanmar: 'MM',
  ลาว: 'LA',
  lao: 'LA',
  กัมพูชา: 'KH',
  เขมร: 'KH',
  cambodian: 'KH',
  เวียดนาม: 'VN',
  จีน: 'CN',
  มาเลเซีย: 'MY',
};
export function readNationality(text: string): string {
  const t = text.trim();
  return NATIONALITIES[labelKey(t)] ?? (/^[a-z]{2}$/i.test(t) ? t.toUpperCase() : t);
}
