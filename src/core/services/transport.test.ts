import { describe, expect, it } from 'vitest';
import { transportCreate } from '../schemas/transport.ts';
import {
  checkTransportTransition,
  nextTransportStatuses,
  pickupInPast,
  transportActionFor,
  transportStatuses,
  transportTargets,
} from './transport.ts';

describe('transport transitions', () => {
  it('allows exactly the moves of the issue', () => {
    const legal = transportStatuses.flatMap((from) =>
      transportTargets
        .filter((to) => checkTransportTransition(from, to, 'a reason').ok)
        .map((to) => `${from}→${to}`),
    );
    expect(legal).toEqual([
      'requested→accepted',
      'requested→declined',
      'requested→cancelled',
      'accepted→completed',
      'accepted→cancelled',
    ]);
  });

  it('refuses moves out of a closed request and backwards', () => {
    for (const from of ['declined', 'completed', 'cancelled'] as const) {
      expect(nextTransportStatuses(from)).toEqual([]);
      expect(checkTransportTransition(from, 'accepted', null)).toEqual({
        ok: false,
        detail: 'transport_illegal_transition',
      });
    }
    expect(checkTransportTransition('requested', 'completed', null).ok).toBe(false);
    expect(checkTransportTransition('accepted', 'declined', 'late').ok).toBe(false);
  });

  it('wants a reason to decline', () => {
    expect(checkTransportTransition('requested', 'declined', '  ')).toEqual({
      ok: false,
      detail: 'transport_note_required',
    });
    expect(checkTransportTransition('requested', 'declined', 'no vehicle free').ok).toBe(true);
  });

  it('names who may make each move', () => {
    expect(transportActionFor('accepted')).toBe('transport.respond');
    expect(transportActionFor('declined')).toBe('transport.respond');
    expect(transportActionFor('completed')).toBe('transport.respond');
    expect(transportActionFor('cancelled')).toBe('transport.cancel');
  });
});

describe('pick-up time', () => {
  const now = new Date('2026-03-01T03:00:00Z');
  it('refuses the past beyond a few minutes of grace', () => {
    expect(pickupInPast('2026-03-01T02:00:00Z', now)).toBe(true);
    expect(pickupInPast('2026-03-01T02:58:00Z', now)).toBe(false);
    expect(pickupInPast('2026-03-02T10:00:00+07:00', now)).toBe(false);
  });
});

describe('transport request schema', () => {
  const base = {
    providerOrganizationId: '5f0c6a1e-0000-4000-8000-000000000001',
    pickupAt: '2026-03-02T08:00:00+07:00',
    pickupAddress: '12 หมู่ 2 ต.ป่าขาด',
    clientId: '5f0c6a1e-0000-4000-8000-000000000002',
  };
  it('needs a destination organisation or a destination in words', () => {
    const neither = transportCreate.safeParse(base);
    expect(neither.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['destination', 'required'],
    ]);
    expect(transportCreate.safeParse({ ...base, destination: 'โรงพยาบาลสงขลา' }).success).toBe(true);
    expect(
      transportCreate.safeParse({ ...base, destinationOrganizationId: base.providerOrganizationId }).success,
    ).toBe(true);
  });
  it('knows the needs', () => {
    expect(transportCreate.safeParse({ ...base, destination: 'x y', needs: ['jetpack'] }).success).toBe(
      false,
    );
    expect(transportCreate.parse({ ...base, destination: 'x y' }).needs).toEqual([]);
  });
});
