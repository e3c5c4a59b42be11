import '@mantine/charts/styles.css';
import { CompositeChart } from '@mantine/charts';
import { Paper, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Lang } from '../screenings/instruments.ts';
import { monthName, monthTick } from './labels.ts';
import { type DimensionTrend, formatMean } from './shape.ts';

/** How the three parts of a trend chart look; the legend draws the same. */
export const TREND_LOOK = {
  observed: { color: 'blue.8', css: 'var(--mantine-color-blue-8)' },
  forecast: { color: 'orange.9', css: 'var(--mantine-color-orange-9)', dash: '7 5' },
  band: { color: 'orange.3', css: 'var(--mantine-color-orange-3)' },
} as const;

/**
 * One dimension's mean score month by month (0–10, lower is better) and, dashed, the forecast
 * with its 95 % interval as a shaded band. Its own chunk: recharts is large. Decorative for screen
 * readers, who get the table.
 */
export default function TrendChart({
  trend,
  lang,
  height = 240,
  large = false,
}: {
  trend: DimensionTrend;
  lang: Lang;
  height?: number | string;
  large?: boolean;
}) {
  const { t } = useTranslation();
  const data = trend.points.map((p) => ({ ...p, tick: monthTick(lang, p.month) }));
  const withForecast = trend.forecast !== null;
  const tick = { fontSize: large ? 22 : 12, fill: 'currentColor' };
  return (
    <CompositeChart
      h={height}
      data={data}
      dataKey="tick"
      series={[
        ...(withForecast ? [{ name: 'band', type: 'area' as const, color: TREND_LOOK.band.color }] : []),
        { name: 'observed', type: 'line' as const, color: TREND_LOOK.observed.color },
        ...(withForecast
          ? [
              {
                name: 'forecast',
                type: 'line' as const,
                color: TREND_LOOK.forecast.color,
                strokeDasharray: TREND_LOOK.forecast.dash,
              },
            ]
          : []),
      ]}
      yAxisProps={{ domain: [0, 10], ticks: [0, 2, 4, 6, 8, 10], width: large ? 44 : 28, tick }}
      xAxisProps={{ interval: 'preserveStartEnd', minTickGap: 8, tick, height: large ? 44 : 30 }}
      referenceLines={[
        { y: 3, label: t('screenings.timeline.atRisk'), color: 'yellow.9', labelPosition: 'insideTopRight' },
        { y: 6, label: t('screenings.timeline.problem'), color: 'red.9', labelPosition: 'insideTopRight' },
      ]}
      curveType="linear"
      strokeWidth={large ? 4 : 2.5}
      connectNulls={false}
      withDots
      dotProps={{ r: large ? 6 : 3 }}
      areaProps={{ fillOpacity: 0.45, strokeWidth: 0, dot: false, activeDot: false }}
      lineProps={{ isAnimationActive: false }}
      accessibilityLayer={false}
      textColor="gray.9"
      tooltipAnimationDuration={0}
      tooltipProps={{
        content: ({ payload }) => {
          const point = payload?.[0]?.payload as DimensionTrend['points'][number] | undefined;
          return point ? <PointTip point={point} lang={lang} /> : null;
        },
      }}
    />
  );
}

function PointTip({ point, lang }: { point: DimensionTrend['points'][number]; lang: Lang }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder shadow="sm" p="xs">
      <Text fw={700} size="sm">
        {monthName(t, lang, point.month)}
      </Text>
      {point.observed !== null && (
        <Text size="sm">
          {t('reports.trend.observed')}: {formatMean(point.observed)}
        </Text>
      )}
      {point.forecast !== null && point.observed === null && point.band && (
        <Text size="sm">
          {t('reports.forecast.label')}: {formatMean(point.forecast)} ({formatMean(point.band[0])}–
          {formatMean(point.band[1])})
        </Text>
      )}
    </Paper>
  );
}
