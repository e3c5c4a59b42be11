/** The screens of a screening: one question each, in order, skip logic applied; then the review. */
import { getInstrument, type InstrumentDefinition, type Item } from '../../../core/instruments/index.ts';
import { type DraftPart, REVIEW } from './draft.ts';
import { isAnswered, visibleItems } from './instruments.ts';

export interface QuestionStep {
  key: string;
  part: number;
  definition: InstrumentDefinition;
  item: Item;
  /** 1-based within its instrument, for "ข้อ 3 จาก 20". */
  number: number;
  ofPart: number;
}

export function stepKey(instrument: string, itemCode: string): string {
  return `${instrument}:${itemCode}`;
}

export function questionSteps(parts: readonly DraftPart[]): QuestionStep[] {
  const steps: QuestionStep[] = [];
  parts.forEach((part, index) => {
    const definition = getInstrument(part.instrument, part.version);
    if (!definition) return;
    const items = visibleItems(definition, part.answers);
    items.forEach((item, i) => {
      steps.push({
        key: stepKey(part.instrument, item.code),
        part: index,
        definition,
        item,
        number: i + 1,
        ofPart: items.length,
      });
    });
  });
  return steps;
}

/**
 * Where to resume: the stored screen if it still exists; when skip logic
 * took it away, the first unanswered question; else the review.
 */
export function resumeIndex(steps: readonly QuestionStep[], parts: readonly DraftPart[], position: string) {
  if (position === REVIEW) return steps.length;
  const at = steps.findIndex((s) => s.key === position);
  if (at >= 0) return at;
  const open = steps.findIndex((s) => !isAnswered(parts[s.part]?.answers ?? {}, s.item));
  return open >= 0 ? open : steps.length;
}

/** Required questions still without an answer (a changed answer can bring a new one into view). */
export function missingSteps(steps: readonly QuestionStep[], parts: readonly DraftPart[]): QuestionStep[] {
  return steps.filter((s) => s.item.required && !isAnswered(parts[s.part]?.answers ?? {}, s.item));
}
