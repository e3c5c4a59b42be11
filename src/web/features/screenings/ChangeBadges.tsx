import { Badge, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { changeOf } from '../../../core/screenings/change.ts';
import type { ChartDimension } from './TimelineChart.tsx';
import type { Change, Timeline } from './types.ts';

const LOOK: Record<Change, { color: string; arrow: string }> = {
  better: { color: 'teal', arrow: '↑' },
  worse: { color: 'red', arrow: '↓' },
  same: { color: 'gray', arrow: '→' },
};

/** ดีขึ้น ↑ / แย่ลง ↓ / เท่าเดิม → in words, arrow and colour. */
export function ChangeBadges({
  timeline,
  dimensions,
}: {
  timeline: Pick<Timeline, 'change' | 'scoreChange'>;
  dimensions: readonly ChartDimension[];
}) {
  const { t } = useTranslation();
  const rows = dimensions.flatMap((d) => {
    const change = changeOf(timeline, d.code);
    return change ? [{ ...d, change }] : [];
  });
  if (rows.length === 0) return null;
  return (
    <div>
      <Text fw={700} size="sm" mb={4} id="change-title">
        {t('screenings.timeline.change')}
      </Text>
      <Group component="ul" gap="xs" p={0} m={0} style={{ listStyle: 'none' }} aria-labelledby="change-title">
        {rows.map((r) => (
          <li key={r.code}>
            <Badge
              variant="light"
              color={LOOK[r.change].color}
              size="lg"
              data-change={r.change}
              leftSection={<span aria-hidden="true">{LOOK[r.change].arrow}</span>}
            >
              {r.label}: {t(`screenings.timeline.${r.change}`)}
            </Badge>
          </li>
        ))}
      </Group>
    </div>
  );
}
