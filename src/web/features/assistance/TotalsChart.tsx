import '@mantine/charts/styles.css';
import { BarChart } from '@mantine/charts';
import type { Lang } from './labels.ts';
import { formatBaht } from './labels.ts';
import type { TotalsRow } from './rows.ts';

/**
 * The value of each kind of help as horizontal bars with their figures written on them: big type,
 * readable on a projector. Its own chunk (recharts is large). Decorative for screen readers, who
 * get the table with the same numbers.
 */
export default function TotalsChart({ rows, lang, label }: { rows: TotalsRow[]; lang: Lang; label: string }) {
  // A hidden value has no bar: drawing it as 0 would say nothing was given.
  const data = rows.flatMap((r) => (r.value === null ? [] : [{ label: r.label, value: r.value }]));
  const tick = { fontSize: 16, fill: 'currentColor' };
  return (
    <div aria-hidden="true">
      <BarChart
        h={Math.max(220, data.length * 64)}
        data={data}
        dataKey="label"
        orientation="vertical"
        series={[{ name: 'value', label, color: 'blue.8' }]}
        valueFormatter={(v) => formatBaht(v, lang)}
        withBarValueLabel
        valueLabelProps={{ fontSize: 16, fontWeight: 700 }}
        yAxisProps={{ width: 140, tick }}
        xAxisProps={{ tick }}
        // Room on the right for the longest bar's figure; no keyboard layer inside an aria-hidden chart
        // (a focusable element there is one a screen reader cannot name).
        barChartProps={{ margin: { right: 96 }, accessibilityLayer: false }}
        gridAxis="x"
        withTooltip={false}
        barProps={{ isAnimationActive: false }}
        textColor="gray.9"
      />
    </div>
  );
}
