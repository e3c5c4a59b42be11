import { describe, expect, it } from 'vitest';
import { visitCreate, visitRecordInput, visitStatuses, vitalSigns } from '../schemas/visit.ts';
import { changeProblem, recordProblems, transitionProblem } from './visit.ts';

describe('visit transitions', () => {
  it('moves a scheduled visit to done, missed or cancelled', () => {
    expect(transitionProblem('scheduled', 'done')).toBeNull();
    expect(transitionProblem('scheduled', 'missed')).toBeNull();
    expect(transitionProblem('scheduled', 'cancelled')).toBeNull();
  });

  it('never moves a closed visit, and says why', () => {
    for (const to of visitStatuses) {
      expect(transitionProblem('done', to)).toBe('visit_already_recorded');
      expect(transitionProblem('missed', to)).toBe('visit_already_recorded');
      expect(transitionProblem('cancelled', to)).toBe('visit_already_cancelled');
    }
    expect(transitionProblem('scheduled', 'scheduled')).toBe('visit_transition');
  });

  it('reschedules only a scheduled visit', () => {
    expect(changeProblem('scheduled')).toBeNull();
    expect(changeProblem('done')).toBe('visit_already_recorded');
    expect(changeProblem('cancelled')).toBe('visit_already_cancelled');
  });
});

describe('visit records', () => {
  const now = new Date('2026-01-28T05:00:00Z');
  const base = { status: 'done' as const, followUpNeeded: false };

  it('refuses a visit done in the future, allowing a few minutes of clock drift', () => {
    expect(recordProblems({ ...base, doneAt: '2026-01-28T05:04:00Z' }, now)).toEqual([]);
    expect(recordProblems({ ...base, doneAt: '2026-01-28T06:00:00Z' }, now)).toEqual([
      { path: 'doneAt', problem: 'visit_done_future' },
    ]);
  });

  it('has no vital signs for a missed visit', () => {
    expect(recordProblems({ ...base, status: 'missed', vitals: { pulse: 80 } }, now)).toEqual([
      { path: 'vitals', problem: 'visit_missed_details' },
    ]);
    expect(recordProblems({ ...base, status: 'missed', vitals: {} }, now)).toEqual([]);
  });
});

describe('visit shapes', () => {
  it('keeps vital signs within what a person can show, naming the field', () => {
    expect(vitalSigns.safeParse({ systolic: 130, diastolic: 85, temperature: 36.8 }).success).toBe(true);
    const wild = vitalSigns.safeParse({ systolic: 400 });
    expect(wild.success).toBe(false);
    expect(wild.error?.issues[0]?.path).toEqual(['systolic']);
    const upsideDown = vitalSigns.safeParse({ systolic: 80, diastolic: 120 });
    expect(upsideDown.error?.issues[0]?.path).toEqual(['diastolic']);
    expect(vitalSigns.safeParse({ spo2: 98 }).success).toBe(false);
  });

  it('needs a clientId to schedule and a follow-up answer to record', () => {
    const start = { kind: 'home_visit', startsAt: '2026-01-28T09:00:00+07:00' };
    expect(visitCreate.safeParse(start).success).toBe(false);
    expect(visitCreate.safeParse({ ...start, clientId: crypto.randomUUID() }).success).toBe(true);
    expect(visitRecordInput.safeParse({ status: 'done' }).success).toBe(false);
    expect(visitRecordInput.safeParse({ status: 'cancelled', followUpNeeded: false }).success).toBe(false);
  });
});
