import type { ServiceParty } from '../../../core/policy/index.ts';
import type { ReferralSignal } from '../../../core/schemas/index.ts';

/** A referral was sent or moved: what the stream may say (`signal`) and who it concerns (`party`). */
export interface ReferralNews {
  signal: ReferralSignal;
  party: ServiceParty;
}

type Listener = (news: ReferralNews) => void;

declare module 'fastify' {
  interface FastifyInstance {
    /** The live queue's bus (referrals module): other modules may publish to it, tests may watch it. */
    referralBus: ReferralBus;
  }
}

/** A comment line this often keeps proxies and phones from dropping a quiet stream. */
export const HEARTBEAT_MS = 25_000;

/**
 * In-process publish/subscribe for the live queue: one server process holds every stream, so a set of
 * listeners is enough. Published after the change committed, never from inside a transaction.
 */
export class ReferralBus {
  private readonly listeners = new Set<Listener>();
  private readonly closers = new Set<() => void>();
  /** How often open streams send a heartbeat (read when a stream opens). */
  heartbeatMs = HEARTBEAT_MS;

  subscribe(listener: Listener, close: () => void): () => void {
    this.listeners.add(listener);
    this.closers.add(close);
    return () => {
      this.listeners.delete(listener);
      this.closers.delete(close);
    };
  }

  publish(news: ReferralNews): void {
    for (const listener of this.listeners) {
      try {
        listener(news);
      } catch {
        // one broken stream must not stop the others
      }
    }
  }

  /** Ends every open stream (the server is shutting down). */
  closeAll(): void {
    for (const close of [...this.closers]) close();
  }

  get size(): number {
    return this.listeners.size;
  }
}
