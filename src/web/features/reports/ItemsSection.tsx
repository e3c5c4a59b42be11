import { Table } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { WellbeingReport } from '../../../core/schemas/report.ts';
import { ScrollTable } from '../../components/ScrollTable.tsx';
import { useLang } from '../screenings/instruments.ts';
import { Count, HiddenLegend, Percent } from './figures.tsx';
import { dimensionName, itemDefinitions, levelName } from './labels.ts';
import { ReportSection } from './ReportSection.tsx';
import { heatColor, itemLines, levels, reportDimensions } from './shape.ts';

/** The 20 questions with how many answered fine, at risk and problem: where the problems are. */
export function ItemsSection({ report }: { report: WellbeingReport }) {
  const { t } = useTranslation();
  const lang = useLang();
  const lines = itemLines(report.items, itemDefinitions(lang), report.population.screened);
  if (lines.length === 0) return null;
  const none = report.population.screened === 0;
  return (
    <ReportSection id="items" title={t('reports.items.title')} intro={t('reports.items.intro')}>
      <ScrollTable label={t('reports.items.title')} minWidth={720}>
        <Table withTableBorder verticalSpacing="xs">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('reports.items.code')}</Table.Th>
              <Table.Th scope="col">{t('reports.items.question')}</Table.Th>
              {levels.map((level) => (
                <Table.Th scope="col" key={level} ta="right">
                  {levelName(t, level)}
                </Table.Th>
              ))}
              <Table.Th scope="col" ta="right">
                {t('reports.breakdown.redShare')}
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          {reportDimensions.map((d) => (
            <Table.Tbody key={d}>
              <Table.Tr bg="gray.1">
                <Table.Th colSpan={6} scope="rowgroup">
                  {dimensionName(t, d)}
                </Table.Th>
              </Table.Tr>
              {lines
                .filter((line) => line.dimension === d)
                .map((line) => {
                  const heat = none ? null : heatColor(line.red);
                  return (
                    <Table.Tr key={line.code} data-item={line.code}>
                      <Table.Td>{line.code}</Table.Td>
                      <Table.Th scope="row" fw={400}>
                        {line.text}
                      </Table.Th>
                      {levels.map((level) => (
                        <Table.Td key={level} ta="right">
                          <Count value={line.counts[level]} />
                        </Table.Td>
                      ))}
                      <Table.Td
                        ta="right"
                        fw={700}
                        className="heat-cell"
                        style={heat ? { background: heat.background, color: heat.color } : undefined}
                      >
                        <Percent value={line.red} none={none} />
                      </Table.Td>
                    </Table.Tr>
                  );
                })}
            </Table.Tbody>
          ))}
        </Table>
      </ScrollTable>
      {report.suppressed && <HiddenLegend />}
    </ReportSection>
  );
}
