import { Badge, Group, Paper, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { AssistanceRecord } from '../../../core/schemas/assistance.ts';
import { DateText } from '../../components/DateText.tsx';
import { useLang } from '../screenings/instruments.ts';
import { bahtText, kindLabel } from './labels.ts';

/** One piece of help: what, when, by whom, worth how much, from which fund. */
export function AssistanceEntry({ record }: { record: AssistanceRecord }) {
  const { t } = useTranslation();
  const lang = useLang();
  return (
    <Paper withBorder p="sm" radius="md" data-assistance={record.id}>
      <Stack gap={4}>
        <Group gap="xs" justify="space-between" wrap="wrap">
          <Group gap="xs" wrap="wrap">
            <Badge variant="light" color="blue" size="lg" radius="sm">
              {kindLabel(t, record.kind)}
            </Badge>
            <Text fw={700} className="break-anywhere">
              {record.description}
            </Text>
          </Group>
          <Text fw={700}>{bahtText(t, lang, record.value)}</Text>
        </Group>
        <Text size="sm" c="gray.8">
          <DateText value={record.givenOn} /> ·{' '}
          {t('assistance.entry.by', { organization: record.organizationName })}
          {record.fundingSource
            ? ` · ${t('assistance.entry.funding', { source: record.fundingSource })}`
            : ''}
        </Text>
        {record.duplicateConfirmed && (
          <Text size="sm" c="orange.9" fw={600}>
            {t('assistance.entry.confirmed')}
          </Text>
        )}
      </Stack>
    </Paper>
  );
}
