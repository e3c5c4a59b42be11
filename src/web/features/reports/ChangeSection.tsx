import { Group, Paper, SimpleGrid, Table, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { WellbeingReport } from '../../../core/schemas/report.ts';
import { ScrollTable } from '../../components/ScrollTable.tsx';
import { Count, HiddenLegend } from './figures.tsx';
import { dimensionName } from './labels.ts';
import { ReportSection } from './ReportSection.tsx';
import { reportDimensions } from './shape.ts';

const KINDS = ['improved', 'worse', 'same'] as const;
const MARK: Record<(typeof KINDS)[number], string> = { improved: '▲', worse: '▼', same: '●' };
const COLOR: Record<(typeof KINDS)[number], string> = { improved: 'teal.9', worse: 'red.9', same: 'gray.8' };

/** Better, worse or the same as each person's screening before: overall and per dimension. */
export function ChangeSection({ report }: { report: WellbeingReport }) {
  const { t } = useTranslation();
  const c = report.change;
  return (
    <ReportSection id="change" title={t('reports.change.title')} intro={t('reports.change.intro')}>
      <SimpleGrid cols={{ base: 1, xs: 3 }} spacing="sm">
        {KINDS.map((kind) => (
          <ChangeCard key={kind} kind={kind} label={t(`reports.change.${kind}`)}>
            <Count value={c[kind]} />
          </ChangeCard>
        ))}
      </SimpleGrid>
      <ScrollTable label={t('reports.change.tableCaption')} minWidth={420}>
        <Table striped withTableBorder>
          <Table.Caption>{t('reports.change.tableCaption')}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('reports.export.dimension')}</Table.Th>
              {KINDS.map((kind) => (
                <Table.Th scope="col" key={kind} ta="right">
                  {t(`reports.change.${kind}`)}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {reportDimensions.map((d) => {
              const row = c.dimensions[d];
              if (!row) return null;
              return (
                <Table.Tr key={d}>
                  <Table.Th scope="row">{dimensionName(t, d)}</Table.Th>
                  {KINDS.map((kind) => (
                    <Table.Td key={kind} ta="right">
                      <Count value={row[kind]} />
                    </Table.Td>
                  ))}
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </ScrollTable>
      {report.suppressed && <HiddenLegend />}
    </ReportSection>
  );
}

export function ChangeCard({
  kind,
  label,
  large = false,
  children,
}: {
  kind: (typeof KINDS)[number];
  label: string;
  large?: boolean;
  children: ReactNode;
}) {
  return (
    <Paper withBorder p="md" radius="md" data-change={kind}>
      <Group gap="xs" wrap="nowrap">
        <Text c={COLOR[kind]} fz={large ? '2.5rem' : 'xl'} aria-hidden="true">
          {MARK[kind]}
        </Text>
        <Text fw={600} fz={large ? '2rem' : 'md'}>
          {label}
        </Text>
      </Group>
      <Text fz={large ? '4rem' : '2rem'} fw={700} lh={1.3}>
        {children}
      </Text>
    </Paper>
  );
}

export { KINDS as changeKinds };
