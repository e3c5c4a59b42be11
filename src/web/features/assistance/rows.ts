/**
 * The totals as table rows: one shape for every breakdown (by kind, organisation, funding source, area),
 * with its label in words, sorting, and the CSV of all the tables. Pure: unit-tested.
 */
import type { TFunction } from 'i18next';
import type { AssistanceTotals } from '../../../core/schemas/assistance.ts';
import { csvLine, UTF8_BOM } from '../../../core/util/csv.ts';
import type { ColumnSort } from '../../components/columnSort.ts';
import { kindLabel } from './labels.ts';

export interface TotalsRow {
  key: string;
  label: string;
  /** Null: hidden for privacy (a row of 1–4 people, or the one that would give it away). */
  count: number | null;
  people: number | null;
  value: number | null;
}

export interface TotalsTable {
  id: 'kind' | 'organization' | 'funding' | 'area';
  title: string;
  rows: TotalsRow[];
}

/** Every breakdown of the totals, in the order the page shows them (none for a village's areas). */
export function totalsTables(totals: AssistanceTotals, t: TFunction): TotalsTable[] {
  const tables: TotalsTable[] = [
    {
      id: 'kind',
      title: t('assistance.totals.byKind'),
      rows: totals.byKind.map((r) => ({ key: r.kind, label: kindLabel(t, r.kind), ...figures(r) })),
    },
    {
      id: 'organization',
      title: t('assistance.totals.byOrganization'),
      rows: totals.byOrganization.map((r) => ({ key: r.organizationId, label: r.name, ...figures(r) })),
    },
    {
      id: 'funding',
      title: t('assistance.totals.byFunding'),
      rows: totals.byFundingSource.map((r) => ({
        key: r.fundingSource ?? '',
        label: r.fundingSource ?? t('assistance.totals.noFunding'),
        ...figures(r),
      })),
    },
  ];
  if (totals.byArea) {
    tables.push({
      id: 'area',
      title: t(`assistance.totals.byArea.${totals.byArea.level}`),
      rows: totals.byArea.rows.map((r) => ({
        key: r.code ?? '',
        label: r.code === null ? t('assistance.totals.noVillage') : (r.name ?? r.code),
        ...figures(r),
      })),
    });
  }
  return tables;
}

const figures = (r: { count: number | null; people: number | null; value: number | null }) => ({
  count: r.count,
  people: r.people,
  value: r.value,
});

export type SortKey = 'label' | 'count' | 'people' | 'value';
export type Sort = ColumnSort<SortKey>;

/** Rows sorted by a column (names in Thai order); no key: the server's order. */
export function sortRows(rows: readonly TotalsRow[], sort: Sort): TotalsRow[] {
  const { key } = sort;
  if (key === null) return [...rows];
  const sign = sort.descending ? -1 : 1;
  // Hidden figures last either way: their size is not known.
  const figure = (a: TotalsRow, b: TotalsRow, k: Exclude<SortKey, 'label'>) => {
    const x = a[k];
    const y = b[k];
    if (x === null || y === null) return Number(x === null) - Number(y === null);
    return sign * (x - y);
  };
  return [...rows].sort((a, b) =>
    key === 'label' ? sign * a.label.localeCompare(b.label, 'th') : figure(a, b, key),
  );
}

/** All the tables in one CSV: which table, the row, its figures; the period on every line. */
export function totalsCsv(totals: AssistanceTotals, tables: readonly TotalsTable[], t: TFunction): string {
  const header = [
    t('assistance.totals.csv.table'),
    t('assistance.totals.column.name'),
    t('assistance.totals.column.count'),
    t('assistance.totals.column.people'),
    t('assistance.totals.column.value'),
    t('assistance.totals.csv.from'),
    t('assistance.totals.csv.to'),
  ];
  // A hidden figure says so in words: an empty cell would read as nothing given.
  const shown = (n: number | null) => n ?? t('reports.hidden.short');
  const lines = tables.flatMap((table) =>
    table.rows.map((r) =>
      csvLine([
        table.title,
        r.label,
        shown(r.count),
        shown(r.people),
        shown(r.value),
        totals.from,
        totals.to,
      ]),
    ),
  );
  return UTF8_BOM + csvLine(header) + lines.join('');
}

/** How many data lines the CSV has (for the "downloaded N rows" message). */
export const csvRowCount = (tables: readonly TotalsTable[]) =>
  tables.reduce((n, table) => n + table.rows.length, 0);
