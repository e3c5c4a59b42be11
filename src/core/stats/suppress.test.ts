import { describe, expect, it } from 'vitest';
import { anySuppressed, suppressSmallCells } from './suppress.ts';

describe('suppressSmallCells', () => {
  it('leaves a breakdown of large cells alone', () => {
    expect(suppressSmallCells({ green: 12, yellow: 7, red: 5 })).toEqual({ green: 12, yellow: 7, red: 5 });
  });

  it('hides cells of 1–4 and keeps zeros', () => {
    expect(suppressSmallCells({ green: 20, yellow: 3, red: 2, none: 0 })).toEqual({
      green: 20,
      yellow: null,
      red: null,
      none: 0,
    });
  });

  it('hides a second cell when only one is small, so the total cannot give it back', () => {
    expect(suppressSmallCells({ green: 40, yellow: 9, red: 2 })).toEqual({
      green: 40,
      yellow: null,
      red: null,
    });
  });

  it('says whether anything was hidden', () => {
    expect(anySuppressed(suppressSmallCells({ a: 1, b: 10 }))).toBe(true);
    expect(anySuppressed(suppressSmallCells({ a: 6, b: 10 }))).toBe(false);
  });

  it('never shows a small cell, and never leaves exactly one hidden when another could cover it', () => {
    let seed = 7;
    const next = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed;
    };
    for (let run = 0; run < 2000; run++) {
      const counts = Array.from({ length: 2 + (next() % 7) }, () => next() % 31);
      const cells = Object.fromEntries(counts.map((n, i) => [`c${i}`, n]));
      const out = suppressSmallCells(cells);
      for (const [k, n] of Object.entries(cells)) {
        if (n > 0 && n < 5) expect(out[k]).toBeNull();
        if (out[k] !== null) expect(out[k]).toBe(n);
      }
      const hidden = Object.values(out).filter((v) => v === null).length;
      if (hidden === 1) expect(counts.filter((n) => n > 0)).toHaveLength(1);
    }
  });
});
