/**
 * Buddhist-era (พ.ศ.) dates for display. Dates are stored and sent as ISO
 * (CE); only what people read shows the Buddhist year (= CE + 543).
 * Pure and deterministic: no Intl, no ICU data, Thai time (UTC+7, no DST).
 */

export type DateLanguage = 'th' | 'en';

export const BE_OFFSET = 543;

const MONTHS: Record<DateLanguage, readonly string[]> = {
  th: ['ม.ค.', 'ก.พ.', 'มี.ค.', 'เม.ย.', 'พ.ค.', 'มิ.ย.', 'ก.ค.', 'ส.ค.', 'ก.ย.', 'ต.ค.', 'พ.ย.', 'ธ.ค.'],
  en: ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'],
};

const BANGKOK_OFFSET_MS = 7 * 60 * 60 * 1000;
const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;
const THAI_DIGITS = '๐๑๒๓๔๕๖๗๘๙';

export function toBuddhistYear(ceYear: number): number {
  return ceYear + BE_OFFSET;
}

export function toCommonEraYear(beYear: number): number {
  return beYear - BE_OFFSET;
}

interface CalendarParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  hasTime: boolean;
}

function calendarParts(iso: string): CalendarParts | null {
  const dateOnly = DATE_ONLY.exec(iso);
  if (dateOnly) {
    const [, y, m, d] = dateOnly;
    const check = new Date(Date.UTC(Number(y), Number(m) - 1, Number(d)));
    if (check.getUTCMonth() !== Number(m) - 1) return null;
    return { year: Number(y), month: Number(m), day: Number(d), hour: 0, minute: 0, hasTime: false };
  }
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return null;
  const bangkok = new Date(ms + BANGKOK_OFFSET_MS);
  return {
    year: bangkok.getUTCFullYear(),
    month: bangkok.getUTCMonth() + 1,
    day: bangkok.getUTCDate(),
    hour: bangkok.getUTCHours(),
    minute: bangkok.getUTCMinutes(),
    hasTime: true,
  };
}

const pad2 = (n: number) => String(n).padStart(2, '0');

/**
 * `2026-11-25` → `25 พ.ย. 2569` (th) or `25 Nov 2026` (en). A datetime is
 * shown in Thai time; with `withTime` the clock follows (`25 พ.ย. 2569 14:05 น.`).
 * Anything unparseable is returned unchanged.
 */
export function formatDate(iso: string, lang: DateLanguage, options: { withTime?: boolean } = {}): string {
  const parts = calendarParts(iso);
  if (!parts) return iso;
  const month = MONTHS[lang][parts.month - 1];
  const year = lang === 'th' ? toBuddhistYear(parts.year) : parts.year;
  const date = `${parts.day} ${month} ${year}`;
  if (!options.withTime || !parts.hasTime) return date;
  const time = `${pad2(parts.hour)}:${pad2(parts.minute)}`;
  return lang === 'th' ? `${date} ${time} น.` : `${date}, ${time}`;
}

/**
 * A year typed by a person in the Buddhist era (`2569`, `๒๕๖๙`, ` 2569 `)
 * → the CE year (2026). Null when it is not a plausible B.E. year.
 */
export function parseBuddhistYear(input: string | number): number | null {
  const text = String(input)
    .trim()
    .replace(/[๐-๙]/g, (d) => String(THAI_DIGITS.indexOf(d)));
  if (!/^\d{4}$/.test(text)) return null;
  const be = Number(text);
  if (be < 2400 || be > 2800) return null;
  return toCommonEraYear(be);
}
