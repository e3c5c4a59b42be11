import { Group, Loader, NativeSelect, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import {
  type ReportBreakdown,
  reportBreakdowns,
  type WellbeingReport,
} from '../../../core/schemas/report.ts';
import { Empty } from '../../components/Empty.tsx';
import { useLang } from '../screenings/instruments.ts';
import { BreakdownTable } from './BreakdownTable.tsx';
import { HiddenLegend } from './figures.tsx';
import { breakdownLabel } from './labels.ts';
import type { ReportParams } from './params.ts';
import { ReportSection } from './ReportSection.tsx';
import { breakdownLines } from './shape.ts';

interface Props {
  report: WellbeingReport;
  /** The breakdown asked for (the report may still be the one before). */
  selected: ReportBreakdown;
  /** A different breakdown is on its way (the table shows the one before until then). */
  loading: boolean;
  hrefOf: (change: Partial<ReportParams>) => string;
  onBy: (by: ReportBreakdown) => void;
}

/** The figures split by village, household, vulnerability, ADL group, age, sex, month or dimension. */
export function BreakdownSection({ report, selected, loading, hrefOf, onBy }: Props) {
  const { t } = useTranslation();
  const lang = useLang();
  const lines = breakdownLines(report, (row) => breakdownLabel(t, lang, report.by, row));
  const byName = t(`reports.by.${report.by}`);
  return (
    <ReportSection
      id="breakdown"
      title={t('reports.breakdown.title')}
      intro={t('reports.breakdown.intro')}
      actions={
        <Group gap="xs" align="flex-end">
          <NativeSelect
            label={t('reports.breakdown.by')}
            size="md"
            value={selected}
            onChange={(e) => onBy(e.currentTarget.value as ReportBreakdown)}
            data={reportBreakdowns.map((by) => ({ value: by, label: t(`reports.by.${by}`) }))}
          />
          {loading && <Loader size="sm" aria-label={t('common.loading')} />}
        </Group>
      }
    >
      <Stack gap="sm">
        <Text size="sm" c="gray.8">
          {t(`reports.breakdown.hint.${report.by}`)}
        </Text>
        {lines.length === 0 ? (
          <Empty title={t('reports.breakdown.empty')} />
        ) : (
          <BreakdownTable
            by={report.by}
            lines={lines}
            caption={t('reports.breakdown.caption', { by: byName })}
            drillHref={(area) => hrefOf({ area })}
          />
        )}
        {report.suppressed && <HiddenLegend />}
      </Stack>
    </ReportSection>
  );
}
