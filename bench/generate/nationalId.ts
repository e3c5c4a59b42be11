// The check-digit rule lives once, in core.
import { checkDigit } from '../../src/core/thai/nationalId.ts';
import { digits, type Random } from './random.ts';

/**
 * Hands out unique, valid IDs shaped like real ones: digit 1 is the person type (1 = registered at birth
 * after the 1984 reform, 3 = in the 1984 census), digits 2–5 the registering district, then — our own
 * choice, so that subdistricts never collide — the subdistrict's last two digits and a 5-digit serial.
 */
export class NationalIdAllocator {
  private used = new Set<string>();

  constructor(
    private random: Random,
    private subdistrictCode: string,
  ) {
    if (!/^\d{6}$/.test(subdistrictCode))
      throw new Error(`subdistrict code must be 6 digits: ${subdistrictCode}`);
  }

  next(birthYear: number): string {
    const type = birthYear >= 1984 ? '1' : '3';
    const prefix = type + this.subdistrictCode;
    // A random serial, then a bounded linear probe past collisions: 100,000 serials per type and subdistrict.
    const start = Number(digits(this.random, 5));
    for (let step = 0; step < 100_000; step++) {
      const body = prefix + String((start + step) % 100_000).padStart(5, '0');
      if (this.used.has(body)) continue;
      this.used.add(body);
      return body + checkDigit(body);
    }
    throw new Error(`no national IDs left for type ${type} in subdistrict ${this.subdistrictCode}`);
  }
}
