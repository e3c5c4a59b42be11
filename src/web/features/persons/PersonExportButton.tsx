import { Button, Group, Progress, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { notifySuccess } from '../../components/notifySuccess.ts';
import { downloadText } from '../organizations/csv.ts';
import { fetchAllPersons } from './api.ts';
import { personsCsv } from './csv.ts';
import type { PersonFilters } from './filters.ts';

/** Downloads everyone matching the filters as CSV, fetching all pages first. */
export function PersonExportButton({ filters }: { filters: PersonFilters }) {
  const { t, i18n } = useTranslation();
  const [progress, setProgress] = useState<number | null>(null);
  const [error, setError] = useState<unknown>(null);

  async function run() {
    setError(null);
    setProgress(0);
    try {
      const rows = await fetchAllPersons(filters, setProgress);
      const lang = i18n.language === 'en' ? 'en' : 'th';
      const day = new Date().toISOString().slice(0, 10);
      downloadText(`persons-${day}.csv`, personsCsv(rows, t, lang));
      notifySuccess(t('persons.exportDone', { count: rows.length }));
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
          {t('persons.exportCsv')}
        </Button>
      </Group>
      {progress !== null && (
        <div role="status">
          <Progress value={100} animated striped aria-label={t('persons.exportCsv')} />
          <Text size="sm" mt={4}>
            {t('persons.exporting', { count: progress })}
          </Text>
        </div>
      )}
      {error !== null && <ErrorAlert error={error} />}
    </Stack>
  );
}
