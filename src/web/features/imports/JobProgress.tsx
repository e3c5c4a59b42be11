import { Progress, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { type ImportSummary, isRunning } from './api.ts';

/** How far the job has got; an animated bar while the rows are still being counted. */
export function JobProgress({ job }: { job: ImportSummary }) {
  const { t } = useTranslation();
  const known = job.total > 0;
  const percent =
    job.status === 'done' ? 100 : known ? Math.min(100, (job.processed / job.total) * 100) : 100;
  const text = known
    ? t('imports.job.progress', { processed: job.processed, total: job.total })
    : t('imports.job.waiting');
  return (
    <Stack gap={4}>
      <Progress.Root size="xl">
        <Progress.Section
          value={percent}
          withAria={false}
          role="progressbar"
          aria-label={t('imports.job.progressLabel')}
          aria-valuemin={0}
          aria-valuemax={100}
          aria-valuenow={known || job.status === 'done' ? Math.round(percent) : undefined}
          aria-valuetext={text}
          striped={isRunning(job.status)}
          animated={isRunning(job.status)}
          color={job.status === 'failed' ? 'red.9' : job.status === 'done' ? 'teal.9' : 'blue.8'}
        />
      </Progress.Root>
      <Text size="sm" role="status" aria-live="polite">
        {text}
      </Text>
    </Stack>
  );
}
