import { Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { TREND_LOOK } from './TrendChart.tsx';

/** What the line, the dashes and the band of a trend chart are. */
export function TrendLegend({ withForecast, large = false }: { withForecast: boolean; large?: boolean }) {
  const { t } = useTranslation();
  const size = large ? 'xl' : 'sm';
  const w = large ? 56 : 32;
  return (
    <Group gap="lg" wrap="wrap" aria-hidden="true">
      <Group gap={6} wrap="nowrap">
        <svg width={w} height="12" aria-hidden="true">
          <line x1="0" y1="6" x2={w} y2="6" stroke={TREND_LOOK.observed.css} strokeWidth="3" />
        </svg>
        <Text size={size}>{t('reports.trend.observed')}</Text>
      </Group>
      {withForecast && (
        <>
          <Group gap={6} wrap="nowrap">
            <svg width={w} height="12" aria-hidden="true">
              <line
                x1="0"
                y1="6"
                x2={w}
                y2="6"
                stroke={TREND_LOOK.forecast.css}
                strokeWidth="3"
                strokeDasharray={TREND_LOOK.forecast.dash}
              />
            </svg>
            <Text size={size}>{t('reports.forecast.label')}</Text>
          </Group>
          <Group gap={6} wrap="nowrap">
            <svg width={w} height="14" aria-hidden="true">
              <rect x="0" y="0" width={w} height="14" fill={TREND_LOOK.band.css} />
            </svg>
            <Text size={size}>{t('reports.forecast.interval')}</Text>
          </Group>
        </>
      )}
    </Group>
  );
}
