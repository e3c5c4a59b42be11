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
  const hidden = new Set(keys.filter((k) => cells[k] > 0 && cells[k] < min));
  if (hidden.size === 1) {
    const next = keys.filter((k) => !hidden.has(k) && cells[k] > 0).sort((a, b) => cells[a] - cells[b])[0];
    if (next !== undefined) hidden.add(next);
  }
  const out = {} as Suppressed<K>;
  for (const k of keys) out[k] = hidden.has(k) ? null : cells[k];
  return out;
}

/** True when some cell was hidden, so a page can say why numbers are missing. */
export function anySuppressed<K extends string>(cells: Suppressed<K>): boolean {
  return Object.values(cells).some((v) => v === null);
}
