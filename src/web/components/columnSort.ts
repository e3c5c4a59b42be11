/** The column a table is sorted by (none: the server's order) and which way. */
export interface ColumnSort<K extends string> {
  key: K | null;
  descending: boolean;
}

/** A column clicked: the same one flips; another starts biggest first (names, `label`, A to Z). */
export function nextSort<K extends string>(current: ColumnSort<K>, key: K): ColumnSort<K> {
  if (current.key === key) return { key, descending: !current.descending };
  return { key, descending: key !== 'label' };
}
