import { Button, Group, Progress, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { fetchAllOrganizations } from './api.ts';
import { downloadText, organizationsCsv } from './csv.ts';
import type { OrganizationFilters } from './filters.ts';

/** Downloads every organisation matching the filters as CSV, fetching all pages first. */
export function ExportButton({ filters }: { filters: OrganizationFilters }) {
  const { t, i18n } = useTranslation();
  const [progress, setProgress] = useState<number | null>(null);
  const [error, setError] = useState<unknown>(null);

  async function run() {
    setError(null);
    setProgress(0);
    try {
      const rows = await fetchAllOrganizations(filters, setProgress);
      const lang = i18n.language === 'en' ? 'en' : 'th';
      const day = new Date().toISOString().slice(0, 10);
      downloadText(`organizations-${day}.csv`, organizationsCsv(rows, t, lang));
      notifications.show({ color: 'teal.9', message: t('organizations.exportDone', { count: rows.length }) });
    } catch (e) {
      setError(e);
    } finally {
      setProgress(null);
    }
  }

  return (
    <Stack gap="xs">
      <Group>
        <Button variant="outline" onClick={() => void run()} loading={progress !== null}>
          {t('organizations.exportCsv')}
        </Button>
      </Group>
      {progress !== null && (
        <div role="status">
          <Progress value={100} animated striped aria-label={t('organizations.exportCsv')} />
          <Text size="sm" mt={4}>
            {t('organizations.exporting', { count: progress })}
          </Text>
        </div>
      )}
      {error !== null && <ErrorAlert error={error} />}
    </Stack>
  );
}
