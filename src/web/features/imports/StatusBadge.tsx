import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { JobStatus } from './api.ts';

const COLORS: Record<JobStatus, string> = { queued: 'gray', running: 'blue', done: 'teal', failed: 'red' };

export function StatusBadge({ status }: { status: JobStatus }) {
  const { t } = useTranslation();
  return (
    <Badge variant="light" color={COLORS[status]}>
      {t(`imports.job.status.${status}`)}
    </Badge>
  );
}
