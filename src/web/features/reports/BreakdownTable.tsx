import { Anchor, Table, Text } from '@mantine/core';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ReportBreakdown, ReportDimension } from '../../../core/schemas/report.ts';
import { ScrollTable } from '../../components/ScrollTable.tsx';
import { SortHeader } from '../../components/SortHeader.tsx';
import { Count, Percent } from './figures.tsx';
import { dimensionName, levelName } from './labels.ts';
import {
  type BreakdownLine,
  heatColor,
  levels,
  lineDimensions,
  type Sort,
  type SortKey,
  sortLines,
} from './shape.ts';
import './reports.css';

interface Props {
  by: ReportBreakdown;
  lines: readonly BreakdownLine[];
  /** Where a village row leads (the same view, that village); none on slides. */
  drillHref?: (area: string) => string;
  caption: string;
}

/**
 * The breakdown as a sortable table. Each dimension's column is the share of red, its cell
 * coloured deeper the larger the share (the number is always written too). In the dimension
 * breakdown a row is one dimension and the columns are its three lights.
 */
export function BreakdownTable({ by, lines, drillHref, caption }: Props) {
  const { t } = useTranslation();
  const [sort, setSort] = useState<Sort>({ key: null, descending: false });
  const sorted = sortLines(lines, sort);
  const dims = lineDimensions(lines);
  const households = by === 'household';
  const header = (key: SortKey, label: string, align: 'left' | 'right' = 'right') => (
    <SortHeader key={key} sortKey={key} label={label} sort={sort} onSort={setSort} align={align} />
  );

  return (
    <ScrollTable label={caption} minWidth={by === 'dimension' ? 560 : 720}>
      <Table withTableBorder withColumnBorders verticalSpacing="sm">
        <Table.Caption>{caption}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            {header('label', t(`reports.by.${by}`), 'left')}
            {by !== 'dimension' &&
              header(
                'registered',
                t(households ? 'reports.breakdown.households' : 'reports.population.registered'),
              )}
            {header(
              'screened',
              t(households ? 'reports.breakdown.householdsScreened' : 'reports.population.screened'),
            )}
            {by === 'dimension' ? (
              <>
                {levels.map((level) => (
                  <Table.Th key={level} scope="col" ta="right">
                    {levelName(t, level)}
                  </Table.Th>
                ))}
                <Table.Th scope="col" ta="right">
                  {t('reports.breakdown.redShare')}
                </Table.Th>
              </>
            ) : (
              <>
                {header('coverage', t('reports.population.coverage'))}
                {dims.map((d) =>
                  header(`red:${d}`, t('reports.breakdown.redOf', { dimension: dimensionName(t, d) })),
                )}
              </>
            )}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {sorted.map((line) => (
            <Table.Tr
              key={line.key}
              className={line.drillArea && drillHref ? 'drill-row' : undefined}
              data-row={line.key}
            >
              <Table.Th scope="row">
                {line.drillArea && drillHref ? (
                  <Anchor component={Link} to={drillHref(line.drillArea)} className="drill-link" fw={700}>
                    {line.label}
                  </Anchor>
                ) : (
                  line.label
                )}
              </Table.Th>
              {by !== 'dimension' && (
                <Table.Td ta="right">
                  <Count value={line.registered} />
                </Table.Td>
              )}
              <Table.Td ta="right">
                <Count value={line.screened} />
              </Table.Td>
              {by === 'dimension' ? (
                <DimensionCells line={line} />
              ) : (
                <>
                  <Table.Td ta="right">
                    <Percent value={line.coverage} none={line.registered === 0} />
                  </Table.Td>
                  {dims.map((d) => (
                    <RedCell key={d} line={line} dimension={d} />
                  ))}
                </>
              )}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ScrollTable>
  );
}

function DimensionCells({ line }: { line: BreakdownLine }) {
  const cell = Object.values(line.dimensions)[0];
  return (
    <>
      {levels.map((level) => (
        <Table.Td key={level} ta="right">
          <Count value={cell?.counts[level]} />
        </Table.Td>
      ))}
      <HeatTd share={cell?.red ?? null} none={line.screened === 0}>
        <Percent value={cell?.red} none={line.screened === 0} />
      </HeatTd>
    </>
  );
}

function RedCell({ line, dimension }: { line: BreakdownLine; dimension: ReportDimension }) {
  const { t } = useTranslation();
  const cell = line.dimensions[dimension];
  const none = line.screened === 0;
  return (
    <HeatTd share={cell?.red ?? null} none={none}>
      <Text span fw={700}>
        <Percent value={cell?.red} none={none} />
      </Text>
      {!none && cell && (
        <Text span size="xs" display="block">
          {t('reports.breakdown.redCount')} <Count value={cell.counts.red} />
        </Text>
      )}
    </HeatTd>
  );
}

function HeatTd({ share, none, children }: { share: number | null; none: boolean; children: ReactNode }) {
  const heat = none ? null : heatColor(share);
  return (
    <Table.Td
      ta="right"
      className="heat-cell"
      data-heat={heat?.step}
      style={heat ? { background: heat.background, color: heat.color } : undefined}
    >
      {children}
    </Table.Td>
  );
}
