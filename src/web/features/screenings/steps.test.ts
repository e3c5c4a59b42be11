import { describe, expect, it, vi } from 'vitest';
import { getInstrument, scoreResponse } from '../../../core/instruments/index.ts';
import type { DraftPart } from './draft.ts';
import { answersToSend, answerText, visibleItems } from './instruments.ts';
import { missingSteps, questionSteps, resumeIndex } from './steps.ts';
import { answerErrors, isRetryable, methodOf } from './submit.ts';

// submit.ts reaches app/i18n through app/api; in Node it only needs <html> to set `lang` on.
vi.hoisted(() => {
  (globalThis as { document?: unknown }).document ??= { documentElement: {} };
});

const { ApiError } = await import('../../app/api.ts');

const part = (instrument: string, answers: DraftPart['answers'] = {}): DraftPart => ({
  instrument,
  version: getInstrument(instrument)!.version,
  clientId: '00000000-0000-4000-8000-000000000000',
  answers,
});

describe('the screens of a screening', () => {
  it('asks the well-being screening, then the needs survey, one question a screen', () => {
    const steps = questionSteps([part('wellbeing20'), part('needs')]);
    expect(steps).toHaveLength(24);
    expect(steps[0]).toMatchObject({ key: 'wellbeing20:H1', number: 1, ofPart: 20 });
    expect(steps[20]).toMatchObject({ key: 'needs:needs_health', number: 1, ofPart: 4 });
  });

  it('follows skip logic: 8Q item 3a only after a yes to item 3', () => {
    const eightQ = getInstrument('8q')!;
    expect(visibleItems(eightQ, {}).map((i) => i.code)).not.toContain('q3a');
    expect(visibleItems(eightQ, { q3: true }).map((i) => i.code)).toContain('q3a');
    expect(visibleItems(eightQ, { q3: false, q3a: 8 }).map((i) => i.code)).not.toContain('q3a');
  });

  it('never sends the answer of a question that skip logic has hidden since', () => {
    const eightQ = getInstrument('8q')!;
    const answers = {
      q1: false,
      q2: false,
      q3: false,
      q3a: 8,
      q4: false,
      q5: false,
      q6: false,
      q7: false,
      q8: false,
    };
    const sent = answersToSend(eightQ, answers);
    expect(sent).not.toHaveProperty('q3a');
    expect(scoreResponse(eightQ, sent).ok).toBe(true);
    expect(scoreResponse(eightQ, answers).ok).toBe(false);
  });

  it('resumes at the stored screen, else at the first unanswered question', () => {
    const parts = [part('wellbeing20', { H1: 0, H2: 1 }), part('needs')];
    const steps = questionSteps(parts);
    expect(resumeIndex(steps, parts, 'wellbeing20:H2')).toBe(1);
    expect(resumeIndex(steps, parts, 'wellbeing20:GONE')).toBe(2);
    expect(resumeIndex(steps, parts, 'review')).toBe(steps.length);
    expect(missingSteps(steps, parts)).toHaveLength(18);
  });

  it('words answers as the person heard them', () => {
    const wellbeing = getInstrument('wellbeing20')!;
    const h3 = wellbeing.items.find((i) => i.code === 'H3')!;
    expect(answerText(h3, 2, 'th', '—')).toBe('มีทั้งสองข้อ');
    expect(answerText(h3, undefined, 'th', '—')).toBe('—');
    const needs = getInstrument('needs')!.items[0]!;
    expect(answerText(needs, ['home_visit', 'medicines'], 'en', 'none')).toBe(
      'Home visits, Medicines and supplies',
    );
    expect(answerText(needs, [], 'th', 'ไม่ต้องการ')).toBe('ไม่ต้องการ');
  });
});

describe('sending', () => {
  it('sends again unchanged only when the network or the server failed', () => {
    expect(isRetryable(new ApiError({ status: 0, title: 'network' }))).toBe(true);
    expect(isRetryable(new ApiError({ status: 503, title: 'busy' }))).toBe(true);
    expect(isRetryable(new ApiError({ status: 400, title: 'bad' }))).toBe(false);
  });

  it('puts the server’s answer problems on their questions', () => {
    const error = new ApiError({
      status: 400,
      title: 'bad',
      errors: [
        { path: 'answers.H3', message: 'required' },
        { path: 'takenAt', message: 'invalid' },
      ],
    });
    expect(answerErrors(error)).toEqual({ H3: 'required' });
  });

  it('records who asked', () => {
    expect(methodOf(['volunteer'])).toBe('volunteer');
    expect(methodOf(['caregiver'])).toBe('volunteer');
    expect(methodOf(['citizen'])).toBe('self');
    expect(methodOf(['area_admin'])).toBe('staff');
  });
});
