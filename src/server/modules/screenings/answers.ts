/**
 * Checking and scoring answers is the engine's job (core/instruments); this
 * file only turns the engine's verdict into field errors people can read,
 * each naming the item (`answers.H3`).
 */
import {
  type AnswerError,
  getInstrument,
  type InstrumentDefinition,
  type Item,
  type ScoredResponse,
  scoreResponse,
} from '../../../core/instruments/index.ts';
import type { DetailCode } from '../../http/messages.ts';
import type { FieldError } from '../../http/problem.ts';

export type Scoring =
  | { ok: true; definition: InstrumentDefinition; scored: ScoredResponse; answers: Record<string, unknown> }
  | { ok: false; errors: FieldError[] };

/** The instrument (the newest version when none is named), or the field error saying why not. */
export function findDefinition(
  code: string,
  version: number | undefined,
): { definition: InstrumentDefinition } | { error: FieldError } {
  const definition = getInstrument(code, version);
  if (definition) return { definition };
  if (version !== undefined && getInstrument(code)) {
    return { error: { path: 'version', detail: 'instrument_version_unknown', params: { code, version } } };
  }
  return { error: { path: 'instrument', detail: 'instrument_unknown', params: { code } } };
}

/** Scores with the engine; answers sent as null (cleared on the phone) are dropped before storing. */
export function scoreAnswers(definition: InstrumentDefinition, raw: Record<string, unknown>): Scoring {
  const outcome = scoreResponse(definition, raw);
  if (!outcome.ok) return { ok: false, errors: outcome.errors.map((e) => answerFieldError(definition, e)) };
  const answers = Object.fromEntries(Object.entries(raw).filter(([, v]) => v !== null && v !== undefined));
  return { ok: true, definition, scored: outcome.scored, answers };
}

function answerFieldError(definition: InstrumentDefinition, e: AnswerError): FieldError {
  const item = definition.items.find((i) => i.code === e.item);
  const params: Record<string, string | number> = { item: e.item };
  if (item && e.problem === 'wrong_type') params.expected = expectedType(item);
  if (item && e.problem === 'not_an_option' && (item.kind === 'choice' || item.kind === 'multi')) {
    params.values = item.options.map((o) => o.value).join(', ');
  }
  if (item?.kind === 'number' && e.problem === 'out_of_range') {
    params.min = item.min;
    params.max = item.max;
  }
  // Every engine problem has its message: the compiler checks `answer_<problem>` against messages.ts.
  const detail: DetailCode = `answer_${e.problem}` as const;
  return { path: `answers.${e.item}`, detail, params };
}

function expectedType(item: Item): string {
  switch (item.kind) {
    case 'choice':
      return `number: ${item.options.map((o) => o.value).join(', ')}`;
    case 'yes_no':
      return 'true | false';
    case 'number':
      return item.integer ? 'integer' : 'number';
    case 'multi':
      return 'array of option codes';
  }
}
