import { Box, SimpleGrid, Skeleton, Stack, Text, Title } from '@mantine/core';
import type { TFunction } from 'i18next';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import type { WellbeingReport } from '../../../core/schemas/report.ts';
import { Empty } from '../../components/Empty.tsx';
import { Notice } from '../../components/Notice.tsx';
import { type Lang, useLang } from '../screenings/instruments.ts';
import { dimensionName, monthName } from './labels.ts';
import { ReportSection } from './ReportSection.tsx';
import { type DimensionTrend, dimensionTrend, reportDimensions } from './shape.ts';
import { TrendLegend } from './TrendLegend.tsx';
import { TrendTable } from './TrendTable.tsx';

const TrendChart = lazy(() => import('./TrendChart.tsx'));

/** The four dimensions month by month, each with its forecast when there is data enough. */
export function TrendSection({ report }: { report: WellbeingReport }) {
  const { t } = useTranslation();
  const trends = reportDimensions.map((d) => dimensionTrend(report, d)).filter((tr) => tr.observedMonths > 0);
  const withForecast = trends.some((tr) => tr.forecast !== null);
  return (
    <ReportSection id="trend" title={t('reports.trend.title')} intro={t('reports.trend.intro')}>
      {trends.length === 0 ? (
        <Empty title={t('reports.trend.empty')} hint={t('reports.trend.emptyHint')} />
      ) : (
        <Stack gap="md">
          <TrendLegend withForecast={withForecast} />
          <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
            {trends.map((trend) => (
              <DimensionTrendChart key={trend.dimension} trend={trend} />
            ))}
          </SimpleGrid>
          {withForecast && <ForecastExplained />}
          <details>
            <summary style={{ cursor: 'pointer', fontWeight: 700, padding: '10px 0' }}>
              {t('reports.trend.table')}
            </summary>
            <TrendTable report={report} />
          </details>
        </Stack>
      )}
    </ReportSection>
  );
}

export function DimensionTrendChart({ trend }: { trend: DimensionTrend }) {
  const { t } = useTranslation();
  const lang = useLang();
  const name = dimensionName(t, trend.dimension);
  return (
    <Stack gap={4} data-trend={trend.dimension}>
      <Title order={3} size="h4">
        {name}
      </Title>
      <Box role="img" aria-label={t('reports.trend.chartLabel', { dimension: name })}>
        <Suspense fallback={<Skeleton h={240} />}>
          <TrendChart trend={trend} lang={lang} />
        </Suspense>
      </Box>
      <Text size="sm" c="gray.8">
        {forecastNote(t, lang, trend)}
      </Text>
    </Stack>
  );
}

/** Under a chart: on which months the forecast stands and how it was made, or why there is none. */
export function forecastNote(t: TFunction, lang: Lang, trend: DimensionTrend): string {
  const f = trend.forecast;
  if (!f) return t('reports.forecast.none');
  const method = f.points[0]?.method ?? 'holt';
  return t(`reports.forecast.basisNote.${method}`, {
    from: monthName(t, lang, f.from),
    to: monthName(t, lang, f.to),
  });
}

export function ForecastExplained() {
  const { t } = useTranslation();
  return (
    <Notice color="orange" title={t('reports.forecast.whatTitle')}>
      <Text size="sm">{t('reports.forecast.what')}</Text>
    </Notice>
  );
}
