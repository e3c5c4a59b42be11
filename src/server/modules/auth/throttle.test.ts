import { describe, expect, it } from 'vitest';
import { LoginThrottle } from './throttle.ts';

describe('LoginThrottle', () => {
  const limits = { perUsername: 3, perIp: 5, windowMs: 60_000 };

  it('blocks a username after the limit and frees it when the window passes', () => {
    let now = 1_000_000;
    const t = new LoginThrottle(limits, () => now);
    for (let i = 0; i < 3; i++) t.fail('somchai', '1.1.1.1');
    expect(t.retryAfter('somchai', '2.2.2.2')).toBe(60);
    expect(t.retryAfter('other', '2.2.2.2')).toBe(0);
    now += 60_001;
    expect(t.retryAfter('somchai', '2.2.2.2')).toBe(0);
  });

  it('blocks an address that tries many usernames', () => {
    const t = new LoginThrottle(limits, () => 5_000);
    for (let i = 0; i < 5; i++) t.fail(`user${i}`, '9.9.9.9');
    expect(t.retryAfter('fresh', '9.9.9.9')).toBeGreaterThan(0);
    expect(t.retryAfter('fresh', '8.8.8.8')).toBe(0);
  });

  it('forgets a username’s failures after a successful login', () => {
    const t = new LoginThrottle(limits, () => 5_000);
    t.fail('malee', '1.1.1.1');
    t.fail('malee', '1.1.1.1');
    t.succeed('malee');
    t.fail('malee', '1.1.1.1');
    expect(t.retryAfter('malee', '3.3.3.3')).toBe(0);
  });
});
