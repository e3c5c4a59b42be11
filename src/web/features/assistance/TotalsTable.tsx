import { Stack, Table, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ScrollTable } from '../../components/ScrollTable.tsx';
import { SortHeader } from '../../components/SortHeader.tsx';
import { Hidden } from '../reports/figures.tsx';
import { useLang } from '../screenings/instruments.ts';
import { formatBaht } from './labels.ts';
import { type Sort, type SortKey, sortRows, type TotalsTable as Table_ } from './rows.ts';
import '../reports/reports.css';

/** One breakdown as a table sorted by any column (the server's order until a header is pressed). */
export function TotalsTable({ table }: { table: Table_ }) {
  const { t } = useTranslation();
  const lang = useLang();
  const [sort, setSort] = useState<Sort>({ key: null, descending: false });
  const rows = sortRows(table.rows, sort);
  const header = (key: SortKey, label: string, align: 'left' | 'right' = 'right') => (
    <SortHeader key={key} sortKey={key} label={label} sort={sort} onSort={setSort} align={align} />
  );
  const number = (n: number) => new Intl.NumberFormat(lang === 'th' ? 'th-TH' : 'en-GB').format(n);

  return (
    <Stack gap="xs" component="section" aria-labelledby={`totals-${table.id}`}>
      <Title order={2} size="h3" id={`totals-${table.id}`}>
        {table.title}
      </Title>
      <ScrollTable label={table.title} minWidth={520}>
        <Table
          withTableBorder
          withColumnBorders
          verticalSpacing="sm"
          data-totals-table={table.id}
          aria-labelledby={`totals-${table.id}`}
        >
          <Table.Thead>
            <Table.Tr>
              {header('label', t('assistance.totals.column.name'), 'left')}
              {header('count', t('assistance.totals.column.count'))}
              {header('people', t('assistance.totals.column.people'))}
              {header('value', t('assistance.totals.column.value'))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((r) => (
              <Table.Tr key={r.key} c={r.count === 0 ? 'gray.7' : undefined}>
                <Table.Th scope="row">{r.label}</Table.Th>
                <Table.Td ta="right">{r.count === null ? <Hidden /> : number(r.count)}</Table.Td>
                <Table.Td ta="right">{r.people === null ? <Hidden /> : number(r.people)}</Table.Td>
                <Table.Td ta="right">{r.value === null ? <Hidden /> : formatBaht(r.value, lang)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollTable>
    </Stack>
  );
}
