import { Box, Skeleton, Stack, Text, Title } from '@mantine/core';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { getInstrument } from '../../../core/instruments/index.ts';
import { Empty } from '../../components/Empty.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { LoadingState } from '../../components/LoadingState.tsx';
import { useTimeline } from './api.ts';
import { ChangeBadges } from './ChangeBadges.tsx';
import { EldersByYear } from './EldersByYear.tsx';
import { say, useLang, WELLBEING } from './instruments.ts';
import { monthLong } from './month.ts';
import type { ChartDimension } from './TimelineChart.tsx';
import { TimelineTable } from './TimelineTable.tsx';

const TimelineChart = lazy(() => import('./TimelineChart.tsx'));

/** The person's change over time: change badges, the monthly chart and its table, the elders' results by year. */
export function TimelineView({ personId }: { personId: string }) {
  const { t } = useTranslation();
  const lang = useLang();
  const timeline = useTimeline(personId);
  const definition = getInstrument(WELLBEING);
  const dimensions: ChartDimension[] = (definition?.scoring.dimensions ?? []).map((d) => ({
    code: d.code,
    label: say(d.label, lang),
  }));
  const monthName = (m: number) => t(`enums.month.${m}` as never);

  if (timeline.isPending) return <LoadingState rows={3} />;
  if (timeline.error) return <ErrorAlert error={timeline.error} onRetry={() => void timeline.refetch()} />;

  const { months, elders } = timeline.data;
  const first = months[0];
  const last = months.at(-1);
  return (
    <Stack gap="lg">
      <section aria-labelledby="timeline-title">
        <Title order={3} size="h4" id="timeline-title" mb={4}>
          {t('screenings.timeline.title')}
        </Title>
        {!first || !last ? (
          <Empty title={t('screenings.timeline.empty')} hint={t('screenings.timeline.emptyHint')} />
        ) : (
          <Stack gap="sm">
            <Text size="sm" c="dimmed">
              {t('screenings.timeline.lowerBetter')}
            </Text>
            <ChangeBadges timeline={timeline.data} dimensions={dimensions} />
            {months.length < 2 && <Text size="sm">{t('screenings.timeline.single')}</Text>}
            <Box
              role="img"
              aria-label={t('screenings.timeline.chartLabel', {
                from: monthLong(first.month, lang, monthName),
                to: monthLong(last.month, lang, monthName),
              })}
            >
              <Suspense fallback={<Skeleton h={260} />}>
                <TimelineChart months={months} dimensions={dimensions} lang={lang} />
              </Suspense>
            </Box>
            <details>
              <summary style={{ cursor: 'pointer', fontWeight: 700, padding: '10px 0' }}>
                {t('screenings.timeline.table')}
              </summary>
              <TimelineTable months={months} dimensions={dimensions} lang={lang} />
            </details>
          </Stack>
        )}
      </section>
      {elders.length > 0 && (
        <section aria-labelledby="elders-title">
          <Title order={3} size="h4" id="elders-title" mb="xs">
            {t('screenings.timeline.elders')}
          </Title>
          <EldersByYear elders={elders} lang={lang} />
        </section>
      )}
    </Stack>
  );
}
