import { Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { type AssistanceKind, assistanceKinds } from '../../../core/schemas/assistance.ts';
import { Empty } from '../../components/Empty.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { LoadingState } from '../../components/LoadingState.tsx';
import { AssistanceEntry } from './AssistanceEntry.tsx';
import { useRecentAssistance } from './api.ts';
import { kindLabel } from './labels.ts';

/**
 * Shown before the form: what the person received from anyone inside the duplicate window of the date
 * on the form (of the kind chosen, or of every kind), by the same rule the server warns with.
 */
export function RecentHelp({
  personId,
  kind,
  on,
}: {
  personId: string;
  kind: AssistanceKind | null;
  on: string | null;
}) {
  const { t } = useTranslation();
  const recent = useRecentAssistance(personId, kind, on);
  const windows = recent.data?.windows;

  return (
    <Paper component="section" withBorder p="md" radius="md" aria-labelledby="recent-help-title" bg="gray.0">
      <Stack gap="sm">
        <Title order={2} size="h3" id="recent-help-title">
          {t('assistance.record.recentTitle')}
        </Title>
        <Text size="sm">{t('assistance.record.recentIntro')}</Text>
        {windows && (
          <Text size="sm" c="gray.8" data-windows>
            {t('assistance.record.windows')}:{' '}
            {(kind ? [kind] : assistanceKinds)
              .map((k) => `${kindLabel(t, k)} ${t('assistance.days', { count: windows[k] })}`)
              .join(' · ')}
          </Text>
        )}
        {recent.isPending && <LoadingState rows={2} />}
        {recent.error && <ErrorAlert error={recent.error} onRetry={() => void recent.refetch()} />}
        {recent.data && recent.data.items.length === 0 && (
          <Empty title={t('assistance.record.recentNone')} hint={t('assistance.record.recentNoneHint')} />
        )}
        {recent.data && recent.data.items.length > 0 && (
          <Stack
            gap="xs"
            component="ul"
            style={{ listStyle: 'none', padding: 0, margin: 0 }}
            aria-busy={recent.isPlaceholderData || undefined}
          >
            {recent.data.items.map((r) => (
              <li key={r.id}>
                <AssistanceEntry record={r} />
              </li>
            ))}
          </Stack>
        )}
      </Stack>
    </Paper>
  );
}
