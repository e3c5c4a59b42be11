/**
 * Counts failed logins per username and per client address in a sliding
 * window. In memory: one process serves an installation; a restart forgives.
 */
export interface ThrottleLimits {
  perUsername: number;
  perIp: number;
  windowMs: number;
}

export const defaultLimits: ThrottleLimits = { perUsername: 5, perIp: 20, windowMs: 15 * 60_000 };

export class LoginThrottle {
  private failures = new Map<string, number[]>();

  constructor(
    private limits: ThrottleLimits = defaultLimits,
    private now: () => number = Date.now,
  ) {}

  /** Seconds until the next attempt is allowed, or 0 if it is allowed now. */
  retryAfter(username: string, ip: string): number {
    const waits = [
      this.wait(`u:${username}`, this.limits.perUsername),
      this.wait(`ip:${ip}`, this.limits.perIp),
    ];
    return Math.max(...waits);
  }

  fail(username: string, ip: string): void {
    for (const key of [`u:${username}`, `ip:${ip}`]) {
      const list = this.recent(key);
      list.push(this.now());
      this.failures.set(key, list);
    }
  }

  succeed(username: string): void {
    this.failures.delete(`u:${username}`);
  }

  private wait(key: string, limit: number): number {
    const list = this.recent(key);
    if (list.length < limit) return 0;
    const oldest = list[list.length - limit] ?? this.now();
    return Math.max(1, Math.ceil((oldest + this.limits.windowMs - this.now()) / 1000));
  }

  private recent(key: string): number[] {
    const since = this.now() - this.limits.windowMs;
    const list = (this.failures.get(key) ?? []).filter((t) => t > since);
    if (list.length === 0) this.failures.delete(key);
    return list;
  }
}
