export type Cell = string | number | null;

/** A titled table of figures: printed aligned in the terminal and kept as-is in the JSON. */
export interface Table {
  title: string;
  columns: string[];
  rows: Cell[][];
  notes?: string[];
}

export function formatTable(table: Table): string {
  const text = (cell: Cell) =>
    cell === null ? '—' : typeof cell === 'number' ? cell.toLocaleString('en-US') : cell;
  const cells = [table.columns, ...table.rows.map((row) => row.map(text))];
  const widths = table.columns.map((_, c) => Math.max(...cells.map((row) => (row[c] ?? '').length)));
  // Numbers right-aligned, text left-aligned, as one reads them.
  const line = (row: string[], source?: Cell[]) =>
    row
      .map((cell, c) =>
        typeof source?.[c] === 'number' ? cell.padStart(widths[c] ?? 0) : cell.padEnd(widths[c] ?? 0),
      )
      .join('  ')
      .trimEnd();
  const out = [table.title, line(table.columns), widths.map((w) => '-'.repeat(w)).join('  ')];
  table.rows.forEach((row, r) => {
    out.push(line(cells[r + 1] ?? [], row));
  });
  for (const note of table.notes ?? []) out.push(`  * ${note}`);
  return out.join('\n');
}
