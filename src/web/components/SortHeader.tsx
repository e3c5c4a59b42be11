import { Table } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { type ColumnSort, nextSort } from './columnSort.ts';

/** A column header that sorts its table: says its state to screen readers, flips on a second click. */
export function SortHeader<K extends string>({
  sortKey,
  label,
  sort,
  onSort,
  align,
}: {
  sortKey: K;
  label: string;
  sort: ColumnSort<K>;
  onSort: (sort: ColumnSort<K>) => void;
  align: 'left' | 'right';
}) {
  const { t } = useTranslation();
  const active = sort.key === sortKey;
  const state = active ? (sort.descending ? 'descending' : 'ascending') : 'none';
  return (
    <Table.Th scope="col" ta={align} aria-sort={state}>
      <button
        type="button"
        className="sort-button"
        onClick={() => onSort(nextSort(sort, sortKey))}
        title={t('common.sortBy', { column: label })}
      >
        {label}
        <span aria-hidden="true">{active ? (sort.descending ? '▼' : '▲') : '↕'}</span>
      </button>
    </Table.Th>
  );
}
