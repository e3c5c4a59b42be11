import { Paper, SimpleGrid, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ImportSummary } from './api.ts';

/** New, updated, unchanged and refused rows, large enough to read on a projector. */
export function JobCounts({ job }: { job: ImportSummary }) {
  const { t } = useTranslation();
  const counts = [
    { key: 'created', label: t('imports.job.created'), value: job.created, color: 'teal.9' },
    { key: 'updated', label: t('imports.job.updated'), value: job.updated, color: 'blue.9' },
    { key: 'unchanged', label: t('imports.job.unchanged'), value: job.unchanged, color: 'gray.8' },
    {
      key: 'errors',
      label: t('imports.job.errors'),
      value: job.errorCount,
      color: job.errorCount ? 'red.9' : 'gray.8',
    },
  ];
  return (
    <SimpleGrid
      cols={{ base: 2, sm: 4 }}
      spacing="sm"
      component="dl"
      m={0}
      aria-label={t('imports.job.counts')}
    >
      {counts.map((c) => (
        <Paper key={c.key} withBorder p="sm" data-count={c.key}>
          <Text component="dt" size="sm" c="dimmed">
            {c.label}
          </Text>
          <Text component="dd" m={0} fz={28} fw={700} c={c.color}>
            {c.value.toLocaleString()}
          </Text>
        </Paper>
      ))}
    </SimpleGrid>
  );
}
