/**
 * Shorthands for writing definitions. They only build plain data (what the
 * schema describes), so a definition file reads like the paper form.
 */
import type { Band, Item, ItemCondition, Level, Text } from '../definition.ts';

export const t = (th: string, en: string): Text => ({ th, en });

export interface YesNoLabels {
  yes: Text;
  no: Text;
}
export const YES_NO: YesNoLabels = { yes: t('ใช่', 'Yes'), no: t('ไม่ใช่', 'No') };
export const HAS_OR_NOT: YesNoLabels = { yes: t('มี', 'Yes'), no: t('ไม่มี', 'No') };
export const EVER_OR_NOT: YesNoLabels = { yes: t('เคย', 'Yes'), no: t('ไม่เคย', 'No') };
export const CORRECT_OR_NOT: YesNoLabels = { yes: t('ถูก', 'Correct'), no: t('ผิด', 'Incorrect') };

/** What most items share; `required` defaults to true because most forms ask everything. */
export interface ItemExtras {
  required?: boolean;
  dimension?: string;
  weight?: number;
  showWhen?: ItemCondition;
  help?: Text;
}

/** An option as [value, Thai, English]. */
export type OptionRow = readonly [value: number, th: string, en: string];

export function choice(
  code: string,
  text: Text,
  options: readonly OptionRow[],
  extras: ItemExtras = {},
): Item {
  const { required = true, ...rest } = extras;
  return {
    code,
    text,
    kind: 'choice',
    required,
    options: options.map(([value, th, en]) => ({ value, label: t(th, en) })),
    ...rest,
  };
}

export function yesNo(code: string, text: Text, labels: YesNoLabels, extras: ItemExtras = {}): Item {
  const { required = true, ...rest } = extras;
  return { code, text, kind: 'yes_no', required, labels, ...rest };
}

export function band(min: number, code: string, level: Level, label: Text, specialpp?: string): Band {
  return { min, code, level, label, ...(specialpp ? { specialpp } : {}) };
}

/** The two bands of a yes/no checklist: any "yes" is a problem. */
export function problemBands(noProblem?: string, problem?: string): Band[] {
  return [
    band(0, 'no_problem', 'green', t('ไม่มีปัญหา', 'No problem'), noProblem),
    band(1, 'problem', 'yellow', t('มีปัญหา', 'Problem'), problem),
  ];
}
