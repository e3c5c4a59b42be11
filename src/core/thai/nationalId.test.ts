import { describe, expect, it } from 'vitest';
import {
  checkDigit,
  formatNationalId,
  isValidNationalId,
  maskNationalId,
  nationalIdProblem,
  normalizeNationalId,
} from './nationalId.ts';

// 1-1037-00123-45-? by hand: Σ = 13+12+0+30+63+0+0+6+10+12+12+10 = 168; 168 mod 11 = 3; 11−3 = 8.
const VALID = '1103700123458';

describe('Thai national ID', () => {
  it('computes the check digit', () => {
    expect(checkDigit(VALID.slice(0, 12))).toBe(8);
  });

  it('accepts a valid ID written with dashes, spaces or Thai digits', () => {
    expect(isValidNationalId(VALID)).toBe(true);
    expect(isValidNationalId('1-1037-00123-45-8')).toBe(true);
    expect(isValidNationalId('๑๑๐๓๗๐๐๑๒๓๔๕๘')).toBe(true);
    expect(normalizeNationalId(' 1 1037 00123 45 8 ')).toBe(VALID);
  });

  it('says what is wrong', () => {
    expect(nationalIdProblem('1103700123459')).toBe('check_digit');
    expect(nationalIdProblem('110370012345')).toBe('length');
    expect(nationalIdProblem('11037001234a9')).toBe('digits');
  });

  it('catches a wrong last digit, and single-digit typos wherever the scheme can see them', () => {
    for (let digit = 0; digit <= 9; digit++) {
      if (String(digit) !== VALID[12]) expect(isValidNationalId(VALID.slice(0, 12) + digit)).toBe(false);
    }
    // The third digit has weight 11 ≡ 0 (mod 11): the official scheme cannot see it, so neither can we.
    for (const pos of [0, 1, 3, 4, 5, 6, 7, 8, 9, 10, 11]) {
      const caught = [...'0123456789']
        .filter((d) => d !== VALID[pos])
        .filter((d) => !isValidNationalId(VALID.slice(0, pos) + d + VALID.slice(pos + 1)));
      expect(caught.length, `position ${pos}`).toBeGreaterThanOrEqual(8);
    }
  });

  it('formats and masks', () => {
    expect(formatNationalId(VALID)).toBe('1-1037-00123-45-8');
    expect(maskNationalId(VALID)).toBe('x-xxxx-xxxxx-45-8');
  });
});
