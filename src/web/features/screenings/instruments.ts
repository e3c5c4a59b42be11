/**
 * The instrument definitions as the phone uses them: straight from core (no
 * request, works offline), the same data the server scores with.
 */
import { useTranslation } from 'react-i18next';
import { itemConditionHolds } from '../../../core/instruments/conditions.ts';
import {
  type AnswerValue,
  getInstrument,
  type InstrumentDefinition,
  type Item,
  instruments,
  type Text,
} from '../../../core/instruments/index.ts';

export type Lang = 'th' | 'en';

export const WELLBEING = 'wellbeing20';
export const NEEDS = 'needs';

export function useLang(): Lang {
  const { i18n } = useTranslation();
  return i18n.language === 'en' ? 'en' : 'th';
}

export const say = (text: Text | undefined, lang: Lang): string => (text ? text[lang] : '');

/** What one visit asks: the well-being screening is followed by the needs survey. */
export function flowOf(code: string): string[] {
  return code === WELLBEING ? [WELLBEING, NEEDS] : [code];
}

/** The elders' instruments (and any other than the monthly pair), in publication order. */
export const otherInstruments: readonly InstrumentDefinition[] = instruments.filter(
  (d) => d.code !== WELLBEING && d.code !== NEEDS,
);

export function instrumentTitle(code: string, lang: Lang, version?: number): string {
  return getInstrument(code, version)?.title[lang] ?? code;
}

/** `9Q`, `ADL`: the short name in brackets at the end of a title, else the whole title. */
export function shortTitle(code: string, lang: Lang): string {
  const title = instrumentTitle(code, lang);
  return /\(([^()]+)\)\s*$/.exec(title)?.[1] ?? title;
}

export type DraftAnswers = Record<string, AnswerValue>;

/**
 * The items shown for these answers, in order. Skip logic only looks back,
 * and only at answers of items that are themselves shown (as the server's
 * validation reads them), so one pass decides.
 */
export function visibleItems(definition: InstrumentDefinition, answers: DraftAnswers): Item[] {
  const accepted: DraftAnswers = {};
  const shown: Item[] = [];
  for (const item of definition.items) {
    if (item.showWhen && !itemConditionHolds(item.showWhen, accepted)) continue;
    shown.push(item);
    const value = Object.hasOwn(answers, item.code) ? answers[item.code] : undefined;
    if (value !== undefined) accepted[item.code] = value;
  }
  return shown;
}

/** Only the answers of shown items: an answer left behind on a now hidden item would be refused. */
export function answersToSend(definition: InstrumentDefinition, answers: DraftAnswers): DraftAnswers {
  const out: DraftAnswers = {};
  for (const item of visibleItems(definition, answers)) {
    const value = answers[item.code];
    if (value !== undefined) out[item.code] = value;
  }
  return out;
}

export const isAnswered = (answers: DraftAnswers, item: Item): boolean =>
  Object.hasOwn(answers, item.code) && answers[item.code] !== undefined;

/** An answer in words, as the person heard it. */
export function answerText(item: Item, value: AnswerValue | undefined, lang: Lang, none: string): string {
  if (value === undefined) return none;
  switch (item.kind) {
    case 'choice':
      return item.options.find((o) => o.value === value)?.label[lang] ?? String(value);
    case 'yes_no':
      return value === true ? item.labels.yes[lang] : item.labels.no[lang];
    case 'number':
      return `${value}${item.unit ? ` ${item.unit[lang]}` : ''}`;
    case 'multi': {
      const picked = Array.isArray(value) ? value : [];
      if (picked.length === 0) return none;
      return picked.map((v) => item.options.find((o) => o.value === v)?.label[lang] ?? v).join(', ');
    }
  }
}
