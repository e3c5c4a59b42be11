import { describe, expect, it } from 'vitest';
import { type ReferralStatus, referralStatuses, referralUrgencies } from '../schemas/referral.ts';
import {
  authorityFor,
  availableTransitions,
  CLOSED_STATUSES,
  checkTransition,
  DUE_HOURS,
  dueAtFor,
  isClosed,
  isOverdue,
  OPEN_STATUSES,
  REFERRAL_TRANSITIONS,
} from './referral.ts';

const LEGAL: [ReferralStatus, ReferralStatus][] = [
  ['sent', 'accepted'],
  ['sent', 'declined'],
  ['sent', 'withdrawn'],
  ['accepted', 'in_progress'],
  ['accepted', 'completed'],
  ['accepted', 'withdrawn'],
  ['in_progress', 'completed'],
  ['in_progress', 'withdrawn'],
];

describe('referral transitions', () => {
  it('allows exactly the moves of the issue, and nothing out of a closed referral', () => {
    const all = referralStatuses.flatMap((from) => referralStatuses.map((to) => [from, to] as const));
    for (const [from, to] of all) {
      const legal = LEGAL.some(([f, t]) => f === from && t === to);
      const check = checkTransition(from, to, 'a note');
      expect(check.ok, `${from} → ${to}`).toBe(legal);
      if (!legal) expect(check).toEqual({ ok: false, problem: 'referral_transition_illegal' });
    }
    for (const closed of CLOSED_STATUSES) expect(REFERRAL_TRANSITIONS[closed]).toEqual([]);
  });

  it('needs a reason to decline, and only there', () => {
    expect(checkTransition('sent', 'declined')).toEqual({ ok: false, problem: 'referral_note_required' });
    expect(checkTransition('sent', 'declined', '   ')).toEqual({
      ok: false,
      problem: 'referral_note_required',
    });
    expect(checkTransition('sent', 'declined', 'ไม่มีนักกายภาพ')).toEqual({ ok: true });
    expect(checkTransition('accepted', 'completed')).toEqual({ ok: true });
    expect(checkTransition('sent', 'withdrawn')).toEqual({ ok: true });
  });

  it('an illegal move is illegal even with a note', () => {
    expect(checkTransition('completed', 'declined', 'why')).toEqual({
      ok: false,
      problem: 'referral_transition_illegal',
    });
  });

  it('withdrawing is the sender’s; every other move is the receiver’s', () => {
    expect(authorityFor('withdrawn')).toBe('referral.withdraw');
    for (const to of ['accepted', 'declined', 'in_progress', 'completed'] as const) {
      expect(authorityFor(to)).toBe('referral.respond');
    }
  });

  it('offers the moves the actor may make', () => {
    expect(availableTransitions('sent', { respond: true, withdraw: false })).toEqual([
      'accepted',
      'declined',
    ]);
    expect(availableTransitions('sent', { respond: false, withdraw: true })).toEqual(['withdrawn']);
    expect(availableTransitions('accepted', { respond: true, withdraw: true })).toEqual([
      'in_progress',
      'completed',
      'withdrawn',
    ]);
    expect(availableTransitions('completed', { respond: true, withdraw: true })).toEqual([]);
    expect(availableTransitions('in_progress', { respond: false, withdraw: false })).toEqual([]);
  });

  it('splits the statuses into open and closed, with none left out', () => {
    expect([...OPEN_STATUSES, ...CLOSED_STATUSES].sort()).toEqual([...referralStatuses].sort());
    for (const s of OPEN_STATUSES) expect(isClosed(s)).toBe(false);
    for (const s of CLOSED_STATUSES) expect(isClosed(s)).toBe(true);
  });
});

describe('due times', () => {
  it('gives an emergency 4 hours, an urgent case a day and a routine one a week', () => {
    const sent = '2026-01-10T03:00:00.000Z';
    expect(dueAtFor(sent, 'emergency')).toBe('2026-01-10T07:00:00.000Z');
    expect(dueAtFor(sent, 'urgent')).toBe('2026-01-11T03:00:00.000Z');
    expect(dueAtFor(new Date(sent), 'routine')).toBe('2026-01-17T03:00:00.000Z');
  });

  it('the more urgent, the sooner', () => {
    const order = [...referralUrgencies].sort((a, b) => DUE_HOURS[a] - DUE_HOURS[b]);
    expect(order).toEqual(['emergency', 'urgent', 'routine']);
  });

  it('is overdue only while open and after the due time', () => {
    const dueAt = '2026-01-10T07:00:00.000Z';
    const before = new Date('2026-01-10T06:59:59.000Z');
    const after = new Date('2026-01-10T07:00:01.000Z');
    expect(isOverdue({ status: 'sent', dueAt }, before)).toBe(false);
    expect(isOverdue({ status: 'sent', dueAt }, new Date(dueAt))).toBe(false);
    for (const status of OPEN_STATUSES) expect(isOverdue({ status, dueAt }, after), status).toBe(true);
    for (const status of CLOSED_STATUSES) expect(isOverdue({ status, dueAt }, after), status).toBe(false);
  });
});
