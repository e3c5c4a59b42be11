import { Table } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { WellbeingReport } from '../../../core/schemas/report.ts';
import { ScrollTable } from '../../components/ScrollTable.tsx';
import { useLang } from '../screenings/instruments.ts';
import { Mean } from './figures.tsx';
import { dimensionName, monthName } from './labels.ts';
import { formatMean, levelTotal, reportDimensions } from './shape.ts';

/** The trend's numbers: each month's mean per dimension, then the forecast months with their interval. */
export function TrendTable({ report }: { report: WellbeingReport }) {
  const { t } = useTranslation();
  const lang = useLang();
  const forecastMonths = [...new Set(report.forecast.flatMap((f) => f.points.map((p) => p.month)))].sort();
  const forecastOf = (dimension: string, month: string) =>
    report.forecast.find((f) => f.dimension === dimension)?.points.find((p) => p.month === month);
  return (
    <ScrollTable label={t('reports.trend.tableCaption')} minWidth={560}>
      <Table striped withTableBorder>
        <Table.Caption>{t('reports.trend.tableCaption')}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('reports.export.month')}</Table.Th>
            {reportDimensions.map((d) => (
              <Table.Th scope="col" key={d} ta="right">
                {dimensionName(t, d)}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {report.trend.map((point) => (
            <Table.Tr key={point.month}>
              <Table.Th scope="row" fw={400}>
                {monthName(t, lang, point.month)}
              </Table.Th>
              {reportDimensions.map((d) => {
                const cell = point.dimensions[d];
                return (
                  <Table.Td key={d} ta="right">
                    {!cell || levelTotal(cell) === 0 ? '—' : <Mean value={cell.mean} />}
                  </Table.Td>
                );
              })}
            </Table.Tr>
          ))}
          {forecastMonths.map((month) => (
            <Table.Tr key={month} data-forecast="true">
              <Table.Th scope="row" fw={400} fs="italic">
                {monthName(t, lang, month)} ({t('reports.forecast.label')})
              </Table.Th>
              {reportDimensions.map((d) => {
                const f = forecastOf(d, month);
                return (
                  <Table.Td key={d} ta="right" fs="italic">
                    {f ? `${formatMean(f.value)} (${formatMean(f.lower)}–${formatMean(f.upper)})` : '—'}
                  </Table.Td>
                );
              })}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ScrollTable>
  );
}
