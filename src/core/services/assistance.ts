import { type AssistanceKind, assistanceKinds } from '../schemas/assistance.ts';

/**
 * The duplicate-help rule of the assistance ledger (issue 8 item 5), the one place it lives: the server
 * answers 409 with it, the web shows the same window before recording.
 *
 * Help is a probable duplicate of earlier help when it goes to the same person, is of the same kind, and
 * is given within the kind's window (in days) before or after the earlier help. "Probable": the same kind
 * can be meant (a second bag of rice a month later), so the recorder may confirm it and record it anyway.
 * Nothing else is compared (not the description, not the giver): simple enough to explain to anyone.
 */

/** Days before or after, by kind: money and goods monthly, equipment and home repairs yearly, services weekly. */
export const DEFAULT_DUPLICATE_DAYS: Readonly<Record<AssistanceKind, number>> = {
  cash: 30,
  goods: 30,
  equipment: 365,
  home_repair: 365,
  service: 7,
};

/** Help may be recorded up to this many years after it was given (paper ledgers caught up), no earlier. */
export const OLDEST_YEARS = 10;

export type DuplicateWindows = Readonly<Record<AssistanceKind, number>>;

/** An override from configuration: one number for every kind, or some kinds' own. */
export type WindowOverride = number | Partial<Record<AssistanceKind, number>>;

/** The windows in force: the defaults, with the configured override on top. */
export function duplicateWindows(override?: WindowOverride): DuplicateWindows {
  if (override === undefined) return DEFAULT_DUPLICATE_DAYS;
  if (typeof override === 'number') {
    return Object.fromEntries(assistanceKinds.map((k) => [k, override])) as Record<AssistanceKind, number>;
  }
  return { ...DEFAULT_DUPLICATE_DAYS, ...override };
}

const DAY_MS = 86_400_000;
const dayNumber = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / DAY_MS;

/** Whole days from `a` to `b` (ISO dates); negative when `b` is earlier. */
export function daysBetween(a: string, b: string): number {
  return Math.round(dayNumber(b) - dayNumber(a));
}

/** `iso` moved by `days` (ISO dates, no time zone involved). */
export function shiftDays(iso: string, days: number): string {
  return new Date(Date.parse(`${iso}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** The first and last day (inclusive) of the window around `givenOn`, for the database to narrow by. */
export function windowAround(givenOn: string, days: number): { from: string; to: string } {
  return { from: shiftDays(givenOn, -days), to: shiftDays(givenOn, days) };
}

/** The widest window, for one query that covers every kind. */
export const widestWindow = (windows: DuplicateWindows) =>
  Math.max(...assistanceKinds.map((k) => windows[k]));

export interface HelpGiven {
  kind: AssistanceKind;
  givenOn: string;
}

/** Earlier help as stored (its kind read back as text). */
export interface HelpRecord {
  kind: string;
  givenOn: string;
}

/** The rule itself: same kind, within the kind's window before or after. (Same person: the caller's.) */
export function isProbableDuplicate(
  next: HelpGiven,
  earlier: HelpRecord,
  windows: DuplicateWindows,
): boolean {
  return (
    next.kind === earlier.kind && Math.abs(daysBetween(earlier.givenOn, next.givenOn)) <= windows[next.kind]
  );
}

/** The earlier help of one person that `next` probably duplicates, in the order given. */
export function probableDuplicates<T extends HelpRecord>(
  next: HelpGiven,
  earlier: readonly T[],
  windows: DuplicateWindows,
): T[] {
  return earlier.filter((e) => isProbableDuplicate(next, e, windows));
}

const isKind = (kind: string): kind is AssistanceKind =>
  (assistanceKinds as readonly string[]).includes(kind);

/**
 * What a person received inside the window of help given on `on`: of one kind when `kind` is given,
 * else of every kind (each by its own window). What the form shows before recording.
 */
export function recentHelp<T extends HelpRecord>(
  earlier: readonly T[],
  on: string,
  windows: DuplicateWindows,
  kind?: AssistanceKind,
): T[] {
  return earlier.filter(
    (e) =>
      isKind(e.kind) &&
      (kind === undefined || e.kind === kind) &&
      isProbableDuplicate({ kind: e.kind, givenOn: on }, e, windows),
  );
}

/** Why a date of help cannot be right, as a detail code; null when it can. `today` is the Thai date. */
export function givenOnProblem(
  givenOn: string,
  today: string,
): 'assistance_given_future' | 'assistance_given_too_old' | null {
  if (givenOn > today) return 'assistance_given_future';
  if (givenOn < shiftYears(today, -OLDEST_YEARS)) return 'assistance_given_too_old';
  return null;
}

function shiftYears(iso: string, years: number): string {
  const [y, m, d] = iso.split('-');
  // 29 February of a leap year becomes 28 February; close enough for "about ten years".
  const day = m === '02' && d === '29' ? '28' : d;
  return `${String(Number(y) + years).padStart(4, '0')}-${m}-${day}`;
}
