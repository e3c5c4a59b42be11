import { describe, expect, it } from 'vitest';
import { badgeText } from './count.ts';

describe('the unread badge', () => {
  it('shows the count up to 99, then 99+', () => {
    expect(badgeText(1)).toBe('1');
    expect(badgeText(99)).toBe('99');
    expect(badgeText(100)).toBe('99+');
    expect(badgeText(12_345)).toBe('99+');
  });

  it('never shows a negative or a fraction', () => {
    expect(badgeText(-1)).toBe('0');
    expect(badgeText(2.7)).toBe('2');
  });
});
