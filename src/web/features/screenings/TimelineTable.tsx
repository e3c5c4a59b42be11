import { Table } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ScrollTable } from '../../components/ScrollTable.tsx';
import type { Lang } from './instruments.ts';
import { monthLong } from './month.ts';
import type { ChartDimension } from './TimelineChart.tsx';
import type { TimelineMonth } from './types.ts';

/** The chart's figures as a table, newest month first, each score with its level in words. */
export function TimelineTable({
  months,
  dimensions,
  lang,
}: {
  months: readonly TimelineMonth[];
  dimensions: readonly ChartDimension[];
  lang: Lang;
}) {
  const { t } = useTranslation();
  const monthName = (m: number) => t(`enums.month.${m}` as never);
  const cell = (m: TimelineMonth, code: string) => {
    const score = m.scores[code];
    if (score === undefined) return t('common.none');
    const level = m.levels[code];
    return level ? `${score} ${t(`screenings.level.${level}`)}` : String(score);
  };
  return (
    <ScrollTable label={t('screenings.timeline.tableCaption')} minWidth={560}>
      <Table striped withTableBorder verticalSpacing="xs">
        <Table.Caption>{t('screenings.timeline.tableCaption')}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('screenings.timeline.month')}</Table.Th>
            {dimensions.map((d) => (
              <Table.Th scope="col" key={d.code}>
                {d.label}
              </Table.Th>
            ))}
            <Table.Th scope="col">{t('screenings.timeline.total')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {[...months].reverse().map((m) => (
            <Table.Tr key={m.month} data-month={m.month}>
              <Table.Th scope="row" fw={600}>
                {monthLong(m.month, lang, monthName)}
              </Table.Th>
              {dimensions.map((d) => (
                <Table.Td key={d.code}>{cell(m, d.code)}</Table.Td>
              ))}
              <Table.Td>{m.scores.total ?? t('common.none')}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ScrollTable>
  );
}
