import '@mantine/charts/styles.css';
import { LineChart } from '@mantine/charts';
import { useTranslation } from 'react-i18next';
import type { Lang } from './instruments.ts';
import { monthShort } from './month.ts';
import type { TimelineMonth } from './types.ts';

export interface ChartDimension {
  code: string;
  label: string;
}

/** Colour and dash differ per line, so the lines part without telling colours apart. */
const LOOKS = [
  { color: 'blue.8', strokeDasharray: undefined },
  { color: 'orange.8', strokeDasharray: '8 4' },
  { color: 'grape.8', strokeDasharray: '2 3' },
  { color: 'teal.9', strokeDasharray: '10 3 2 3' },
] as const;

/**
 * The four dimension scores month by month (0–10, lower is better), with the
 * at-risk and problem lines drawn in. Its own chunk: recharts is large and
 * only this chart needs it. Decorative for screen readers, who get the table.
 */
export default function TimelineChart({
  months,
  dimensions,
  lang,
}: {
  months: readonly TimelineMonth[];
  dimensions: readonly ChartDimension[];
  lang: Lang;
}) {
  const { t } = useTranslation();
  const data = months.map((m) => ({
    month: monthShort(m.month, lang),
    ...Object.fromEntries(dimensions.map((d) => [d.code, m.scores[d.code] ?? null])),
  }));
  return (
    <LineChart
      h={260}
      data={data}
      dataKey="month"
      series={dimensions.map((d, i) => ({ name: d.code, label: d.label, ...LOOKS[i % LOOKS.length] }))}
      yAxisProps={{ domain: [0, 10], ticks: [0, 2, 4, 6, 8, 10], width: 28 }}
      xAxisProps={{ interval: 'preserveStartEnd', minTickGap: 8 }}
      referenceLines={[
        { y: 3, label: t('screenings.timeline.atRisk'), color: 'yellow.9', labelPosition: 'insideTopRight' },
        { y: 6, label: t('screenings.timeline.problem'), color: 'red.9', labelPosition: 'insideTopRight' },
      ]}
      withLegend
      legendProps={{ verticalAlign: 'bottom', height: 56 }}
      curveType="linear"
      strokeWidth={2.5}
      lineProps={{ isAnimationActive: false }}
      connectNulls
      accessibilityLayer={false}
      textColor="gray.8"
      tooltipAnimationDuration={0}
    />
  );
}
