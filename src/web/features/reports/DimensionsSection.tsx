import { Divider, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Level } from '../../../core/instruments/index.ts';
import type { ReportDimension, WellbeingReport } from '../../../core/schemas/report.ts';
import { HiddenLegend } from './figures.tsx';
import { LevelBar } from './LevelBar.tsx';
import { dimensionName } from './labels.ts';
import type { ReportParams } from './params.ts';
import { ReportSection } from './ReportSection.tsx';
import { reportDimensions } from './shape.ts';
import { useCanSeePeople } from './useReportParams.ts';

/** The address of the people behind one light of one dimension (admins only). */
export function peopleHref(params: ReportParams, dimension: ReportDimension, level: Level): string | null {
  if (!params.area) return null;
  const query = new URLSearchParams({ area: params.area, yearBE: String(params.yearBE), dimension, level });
  if (params.month) query.set('month', String(params.month));
  return `/reports/people?${query}`;
}

/** A stacked traffic-light bar per dimension, and everyone's worst light. */
export function DimensionsSection({ report, params }: { report: WellbeingReport; params: ReportParams }) {
  const { t } = useTranslation();
  const canSeePeople = useCanSeePeople() && report.scope.kind === 'area';
  const screened = report.population.screened;
  return (
    <ReportSection
      id="dimensions"
      title={t('reports.dimensions.title')}
      intro={t('reports.dimensions.intro')}
    >
      <Stack gap="lg">
        {reportDimensions.map((d) => {
          const counts = report.dimensions[d];
          if (!counts) return null;
          return (
            <LevelBar
              key={d}
              label={dimensionName(t, d)}
              counts={counts}
              screened={screened}
              drillHref={canSeePeople ? (level) => peopleHref(params, d, level) : undefined}
            />
          );
        })}
        {report.overall && (
          <>
            <Divider />
            <LevelBar
              label={t('reports.dimensions.overall')}
              counts={report.overall.worst}
              screened={screened}
            />
          </>
        )}
        {report.suppressed && <HiddenLegend />}
      </Stack>
    </ReportSection>
  );
}
