import {
  type AssistanceCreate,
  type AssistanceKind,
  assistanceCreate,
} from '../../../core/schemas/assistance.ts';
import { givenOnProblem } from '../../../core/services/assistance.ts';
import { type BuddhistDate, parseBuddhistDate, toBuddhistDate } from '../../components/buddhistDate.ts';

/** The record-help form as typed: text fields, the date in the Buddhist era. */
export interface AssistanceFormValues {
  kind: AssistanceKind | null;
  description: string;
  /** Baht as typed: "1,500.50", Thai digits allowed; empty for none. */
  value: string;
  givenOn: BuddhistDate;
  organizationId: string | null;
  fundingSource: string;
}

export const FORM_FIELDS = [
  'kind',
  'description',
  'value',
  'givenOn',
  'organizationId',
  'fundingSource',
] as const;
export type FormField = (typeof FORM_FIELDS)[number];

/** What is wrong with a field, for the page to put in words. */
export type FormProblem =
  | 'required'
  | 'invalid'
  | 'tooLong'
  | 'dateIncomplete'
  | 'dateInvalid'
  | 'future'
  | 'tooOld'
  | 'value';

export function emptyForm(today: string, organizationId: string | null): AssistanceFormValues {
  return {
    kind: null,
    description: '',
    value: '',
    givenOn: toBuddhistDate(today),
    organizationId,
    fundingSource: '',
  };
}

const arabic = (text: string) => text.replace(/[๐-๙]/g, (d) => String(d.charCodeAt(0) - 0x0e50));

/** Typed baht → a number (null: left empty; undefined: not a valid amount). */
export function parseBaht(text: string): number | null | undefined {
  const cleaned = arabic(text).replace(/[,\s]/g, '').replace(/บาท$/, '');
  if (cleaned === '') return null;
  if (!/^\d+(\.\d{1,2})?$/.test(cleaned)) return undefined;
  return Number(cleaned);
}

/** The date typed, in ISO (CE), or what is wrong with it; `today` is the Thai date. */
export function givenOnOf(date: BuddhistDate, today: string): { iso: string } | { problem: FormProblem } {
  const parsed = parseBuddhistDate(date);
  if (!parsed.ok) return { problem: parsed.problem === 'incomplete' ? 'dateIncomplete' : 'dateInvalid' };
  if (parsed.iso === null) return { problem: 'required' };
  const rule = givenOnProblem(parsed.iso, today);
  if (rule === 'assistance_given_future') return { problem: 'future' };
  if (rule === 'assistance_given_too_old') return { problem: 'tooOld' };
  return { iso: parsed.iso };
}

/**
 * The request for the typed values, checked by the same schema and date rule as the server; or the
 * problem of each field.
 */
export function toRequest(
  v: AssistanceFormValues,
  ids: { personId: string; clientId: string },
  today: string,
  confirmDuplicate = false,
): { ok: true; body: AssistanceCreate } | { ok: false; errors: Partial<Record<FormField, FormProblem>> } {
  const errors: Partial<Record<FormField, FormProblem>> = {};
  if (!v.kind) errors.kind = 'required';
  if (!v.organizationId) errors.organizationId = 'required';
  const value = parseBaht(v.value);
  if (value === undefined) errors.value = 'value';
  const date = givenOnOf(v.givenOn, today);
  if ('problem' in date) errors.givenOn = date.problem;

  const body = {
    personId: ids.personId,
    kind: v.kind ?? undefined,
    description: v.description.trim(),
    value: value ?? undefined,
    givenOn: 'iso' in date ? date.iso : undefined,
    organizationId: v.organizationId ?? undefined,
    fundingSource: v.fundingSource.trim() || undefined,
    clientId: ids.clientId,
    ...(confirmDuplicate ? { confirmDuplicate: true } : {}),
  };
  const parsed = assistanceCreate.safeParse(body);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = issue.path[0] as FormField;
      if (!FORM_FIELDS.includes(field) || errors[field]) continue;
      const blank = body[field as keyof typeof body] === undefined || body[field as keyof typeof body] === '';
      errors[field] = blank ? 'required' : issue.code === 'too_big' ? 'tooLong' : 'invalid';
    }
  }
  if (Object.keys(errors).length > 0 || !parsed.success) return { ok: false, errors };
  return { ok: true, body: parsed.data };
}
