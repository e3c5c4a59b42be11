/**
 * Transport requests (issue 8): a ride for a person, asked by staff and taken by a transport provider.
 * How its status may move, who moves it (which policy action), and when a pick-up time is acceptable.
 */

export const transportStatuses = ['requested', 'accepted', 'declined', 'completed', 'cancelled'] as const;
export type TransportStatus = (typeof transportStatuses)[number];

/** The statuses a transition may move to (a request is only ever created as `requested`). */
export const transportTargets = ['accepted', 'declined', 'completed', 'cancelled'] as const;
export type TransportTarget = (typeof transportTargets)[number];

/** Still to happen: the provider's queue shows these first. */
export const openTransportStatuses: readonly TransportStatus[] = ['requested', 'accepted'];

const NEXT: Record<TransportStatus, readonly TransportTarget[]> = {
  requested: ['accepted', 'declined', 'cancelled'],
  accepted: ['completed', 'cancelled'],
  declined: [],
  completed: [],
  cancelled: [],
};

/** Where a request can go from its status (empty when it is closed). */
export function nextTransportStatuses(from: TransportStatus): readonly TransportTarget[] {
  return NEXT[from];
}

export type TransitionCheck =
  | { ok: true }
  | { ok: false; detail: 'transport_illegal_transition' | 'transport_note_required' };

/**
 * requested → accepted | declined (a reason is required, so the requester can look elsewhere) |
 * cancelled; accepted → completed | cancelled; nothing moves a declined, completed or cancelled request.
 */
export function checkTransportTransition(
  from: TransportStatus,
  to: TransportTarget,
  note: string | null | undefined,
): TransitionCheck {
  if (!NEXT[from].includes(to)) return { ok: false, detail: 'transport_illegal_transition' };
  if (to === 'declined' && !note?.trim()) return { ok: false, detail: 'transport_note_required' };
  return { ok: true };
}

/** The provider answers and completes a ride; the requester (or the area's admin) cancels it. */
export function transportActionFor(to: TransportTarget): 'transport.respond' | 'transport.cancel' {
  return to === 'cancelled' ? 'transport.cancel' : 'transport.respond';
}

/**
 * A pick-up time must not be in the past. A few minutes' grace covers a phone's clock and the time the
 * form took to send; a retried request is answered from its clientId before this is checked.
 */
export const PICKUP_GRACE_MS = 5 * 60_000;

export function pickupInPast(pickupAt: string | Date, now: Date): boolean {
  return new Date(pickupAt).getTime() < now.getTime() - PICKUP_GRACE_MS;
}
