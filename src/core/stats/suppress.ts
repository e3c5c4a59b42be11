/** Cells counting fewer people than this are hidden from anyone who may not see identities. */
export const MIN_CELL = 5;

export type Cells<K extends string> = Record<K, number>;
export type Suppressed<K extends string> = Record<K, number | null>;

/**
 * Hides small cells (1–4 people) of one breakdown whose total is shown. When
 * only one cell would be hidden, the next smallest non-zero cell is hidden too
 * (complementary suppression): otherwise total minus the others gives it back.
 * A hidden cell is `null`, never a number (API.md).
 */
export function suppressSmallCells<K extends string>(cells: Cells<K>, min = MIN_CELL): Suppressed<K> {
  const keys = Object.keys(cells) as K[];
  const hidden = new Set(keys.filter((k) => isSmall(cells[k], min)));
  if (hidden.size === 1) {
    const next = complementaryCell(
      keys,
      (k) => cells[k],
      (k) => hidden.has(k),
    );
    if (next !== undefined) hidden.add(next);
  }
  const out = {} as Suppressed<K>;
  for (const k of keys) out[k] = hidden.has(k) ? null : cells[k];
  return out;
}

/** A count of 1 to `min` - 1 people: small enough to point at someone. */
export const isSmall = (count: number, min = MIN_CELL) => count > 0 && count < min;

/**
 * The cell hidden beside a lone hidden one: the smallest non-zero cell not yet hidden (the first of
 * equals), so that the total minus the others no longer gives the hidden one back.
 */
export function complementaryCell<K>(
  keys: readonly K[],
  countOf: (key: K) => number,
  isHidden: (key: K) => boolean,
): K | undefined {
  let next: K | undefined;
  let least = Number.POSITIVE_INFINITY;
  for (const k of keys) {
    const value = countOf(k);
    if (value > 0 && value < least && !isHidden(k)) {
      next = k;
      least = value;
    }
  }
  return next;
}

/** True when some cell was hidden, so a page can say why numbers are missing. */
export function anySuppressed<K extends string>(cells: Suppressed<K>): boolean {
  return Object.values(cells).some((v) => v === null);
}
