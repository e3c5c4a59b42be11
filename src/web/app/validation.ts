import type { TFunction } from 'i18next';
import type { z } from 'zod';
import { ApiError, type FieldError } from './api.ts';

/** Messages the shared schemas name with a key, e.g. `.regex(re, 'phone')`. */
const NAMED = ['phone', 'areaCode', 'subdistrictCode', 'villageCode', 'username'] as const;

/**
 * Checks form values with the same zod schema the server uses and words each
 * problem for people, keyed by field path (`name`, `roles`, `areaCodes.0`).
 */
export function schemaErrors(schema: z.ZodType, values: unknown, t: TFunction): Record<string, string> {
  const result = schema.safeParse(values);
  if (result.success) return {};
  const errors: Record<string, string> = {};
  for (const issue of result.error.issues) {
    const path = issue.path.map(String).join('.');
    if (path in errors) continue;
    errors[path] = isBlank(valueAt(values, issue.path)) ? blankMessage(issue, t) : message(issue, t);
  }
  return errors;
}

function valueAt(values: unknown, path: readonly PropertyKey[]): unknown {
  let current = values;
  for (const key of path) {
    if (typeof current !== 'object' || current === null) return undefined;
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return current;
}

const isBlank = (value: unknown) => value === undefined || value === null || value === '';

/** An empty field says "fill this in", whatever rule it broke. */
function blankMessage(issue: z.core.$ZodIssue, t: TFunction): string {
  return issue.code === 'too_small' && issue.origin === 'array'
    ? t('validation.chooseOne')
    : t('validation.required');
}

function message(issue: z.core.$ZodIssue, t: TFunction): string {
  const named = NAMED.find((key) => key === issue.message);
  if (named) return t(`validation.${named}`);
  switch (issue.code) {
    case 'too_small':
      if (issue.origin === 'array') return t('validation.chooseOne');
      if (issue.origin === 'string') {
        return Number(issue.minimum) <= 1
          ? t('validation.required')
          : t('validation.minLength', { min: Number(issue.minimum) });
      }
      return t('validation.invalid');
    case 'too_big':
      return issue.origin === 'string'
        ? t('validation.maxLength', { max: Number(issue.maximum) })
        : t('validation.invalid');
    case 'invalid_format':
      return issue.format === 'email' ? t('validation.email') : t('validation.invalid');
    case 'invalid_type':
    case 'invalid_value':
      return issue.input === undefined || issue.input === ''
        ? t('validation.required')
        : t('validation.invalid');
    default:
      return t('validation.invalid');
  }
}

/**
 * Splits a server's field errors into those a form can show next to a field
 * (`roles.0` goes to `roles`) and the rest, for the general alert.
 */
export function fieldErrorsFor(error: unknown, fields: readonly string[]) {
  const byField: Record<string, string> = {};
  const rest: FieldError[] = [];
  if (!(error instanceof ApiError)) return { byField, rest };
  for (const e of error.errors) {
    const field = owningField(e.path, fields);
    if (field && !(field in byField)) byField[field] = e.message;
    else if (!field) rest.push(e);
  }
  return { byField, rest };
}

function owningField(path: string, fields: readonly string[]): string | undefined {
  const parts = path.split('.');
  while (parts.length > 0) {
    const candidate = parts.join('.');
    if (fields.includes(candidate)) return candidate;
    parts.pop();
  }
  return undefined;
}

/** The field paths the general alert need not repeat. */
export function shownPaths(error: unknown, fields: readonly string[]): string[] {
  if (!(error instanceof ApiError)) return [];
  return error.errors.filter((e) => owningField(e.path, fields)).map((e) => e.path);
}

/** Form text → request value: blank optional text is left out. */
export function optionalText(value: string): string | undefined {
  const trimmed = value.trim();
  return trimmed === '' ? undefined : trimmed;
}

/** Form text → PATCH value: blank nullable text clears the field. */
export function nullableText(value: string): string | null {
  const trimmed = value.trim();
  return trimmed === '' ? null : trimmed;
}
