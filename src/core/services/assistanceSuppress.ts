/**
 * Small-cell suppression of assistance totals, for readers who may not see identities (committees,
 * volunteers): the rule of the well-being reports (`src/core/stats/suppress.ts`) on the ledger's
 * figures. A row helping 1–4 people shows neither its people, its records nor its baht (the records
 * and baht of a village with two people helped say who got what). Each breakdown's records and baht
 * add up to the total, so when a breakdown would hide a single row, the row with the fewest people
 * after it is hidden too. A total of 1–4 people hides the whole answer.
 */
import type { AssistanceTotals } from '../schemas/assistance.ts';
import { isSmall, MIN_CELL, suppressSmallCells } from '../stats/suppress.ts';

interface FigureRow {
  count: number | null;
  people: number | null;
  value: number | null;
}

const hide = <T extends FigureRow>(row: T): T => ({ ...row, count: null, people: null, value: null });

/** One breakdown, by the shared rule on each row's people: the small rows, and their complement. */
function suppressRows<T extends FigureRow>(rows: readonly T[], min: number): T[] {
  const kept = suppressSmallCells(Object.fromEntries(rows.map((r, i) => [String(i), r.people ?? 0])), min);
  return rows.map((row, i) => (kept[String(i)] === null ? hide(row) : row));
}

/** The totals as a reader who may not see identities gets them. The input is not changed. */
export function suppressAssistanceTotals(totals: AssistanceTotals, min: number = MIN_CELL): AssistanceTotals {
  const all = isSmall(totals.total.people ?? 0, min);
  const rows = <T extends FigureRow>(list: readonly T[]) => (all ? list.map(hide) : suppressRows(list, min));
  const out: AssistanceTotals = {
    ...totals,
    total: all ? { ...hide(totals.total), duplicatesConfirmed: null } : totals.total,
    byKind: rows(totals.byKind),
    byOrganization: rows(totals.byOrganization),
    byFundingSource: rows(totals.byFundingSource),
    byArea: totals.byArea ? { ...totals.byArea, rows: rows(totals.byArea.rows) } : null,
  };
  const before = countNulls(totals);
  return { ...out, suppressed: totals.suppressed || countNulls(out) > before };
}

function countNulls(t: AssistanceTotals): number {
  const lists: FigureRow[][] = [
    [t.total],
    t.byKind,
    t.byOrganization,
    t.byFundingSource,
    t.byArea?.rows ?? [],
  ];
  return lists.flat().filter((r) => r.people === null).length;
}
