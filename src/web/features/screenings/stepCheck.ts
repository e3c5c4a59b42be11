/**
 * What "next" does with the answer on screen, shared by the screening flow
 * and the correction flow: a problem to show, or go on. Pure, so both flows
 * refuse the same answers the server would.
 */
import type { TFunction } from 'i18next';
import type { AnswerValue, Item } from '../../../core/instruments/index.ts';
import { valueProblem } from '../../../core/instruments/validate.ts';
import { type DraftAnswers, isAnswered } from './instruments.ts';

export type StepProblem = 'choose' | 'range' | 'whole';

export type StepCheck =
  | {
      ok: true /** An answer to store before going on (an untouched needs screen means "nothing needed"). */;
      fill?: AnswerValue;
    }
  | { ok: false; problem: StepProblem };

export function checkStep(item: Item, answers: DraftAnswers): StepCheck {
  const value = answers[item.code];
  if (item.kind === 'multi' && value === undefined) return { ok: true, fill: [] };
  if (!isAnswered(answers, item)) {
    if (!item.required) return { ok: true };
    return { ok: false, problem: item.kind === 'number' ? 'range' : 'choose' };
  }
  const problem = valueProblem(item, value);
  if (problem === 'not_integer') return { ok: false, problem: 'whole' };
  if (problem) return { ok: false, problem: item.kind === 'number' ? 'range' : 'choose' };
  return { ok: true };
}

/** The problem in plain words, under the question. */
export function stepProblemText(t: TFunction, item: Item, problem: StepProblem): string {
  if (problem === 'whole') return t('screenings.flow.wholeNumber');
  if (problem === 'choose') return t('screenings.flow.chooseOne');
  const range = item.kind === 'number' ? item : { min: '', max: '' };
  return t('screenings.flow.enterNumber', { min: range.min, max: range.max });
}
