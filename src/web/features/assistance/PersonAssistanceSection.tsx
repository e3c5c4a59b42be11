import { Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { placeOf } from '../../../core/policy/index.ts';
import type { Person } from '../../../core/schemas/index.ts';
import { ApiError } from '../../app/api.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { LoadingState } from '../../components/LoadingState.tsx';
import { useCan } from '../auth/session.ts';
import { useLang } from '../screenings/instruments.ts';
import { AssistanceEntry } from './AssistanceEntry.tsx';
import { usePersonAssistance } from './api.ts';
import { bahtText } from './labels.ts';

/** On the person's profile: the help they received, newest first, with the total, and "record help". */
export function PersonAssistanceSection({ person }: { person: Person }) {
  const { t } = useTranslation();
  const lang = useLang();
  const can = useCan();
  const place = placeOf(person.address);
  const ledger = usePersonAssistance(person.id);
  // Not allowed to see it (a committee member, a partner without the case): the section stays out of the way.
  if (ledger.error instanceof ApiError && (ledger.error.status === 403 || ledger.error.status === 404))
    return null;

  const canRecord = !person.mergedInto && can({ action: 'assistance.record', areaCode: place });
  const items = ledger.data?.pages.flatMap((p) => p.items) ?? [];
  const summary = ledger.data?.pages[0]?.summary;

  return (
    <Paper component="section" withBorder p="md" radius="md" aria-labelledby="assistance-section-title">
      <Stack gap="sm">
        <Group justify="space-between" align="flex-end" wrap="wrap" gap="sm">
          <Stack gap={2}>
            <Title order={2} size="h3" id="assistance-section-title">
              {t('assistance.title')}
            </Title>
            {summary && summary.count > 0 && (
              <Text fw={600} data-assistance-total>
                {t('assistance.section.total', {
                  count: summary.count,
                  value: bahtText(t, lang, summary.value),
                })}
              </Text>
            )}
          </Stack>
          {canRecord && (
            <Button component={Link} to={`/persons/${person.id}/assistance/new`} size="md">
              {t('assistance.section.record')}
            </Button>
          )}
        </Group>
        {ledger.isPending && <LoadingState rows={2} />}
        {ledger.error && <ErrorAlert error={ledger.error} onRetry={() => void ledger.refetch()} />}
        {ledger.data && items.length === 0 && <Text c="dimmed">{t('assistance.section.none')}</Text>}
        {items.length > 0 && (
          <Stack gap="xs" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
            {items.map((r) => (
              <li key={r.id}>
                <AssistanceEntry record={r} />
              </li>
            ))}
          </Stack>
        )}
        {ledger.hasNextPage && (
          <Group>
            <Button
              variant="default"
              onClick={() => void ledger.fetchNextPage()}
              loading={ledger.isFetchingNextPage}
            >
              {t('assistance.section.more')}
            </Button>
          </Group>
        )}
      </Stack>
    </Paper>
  );
}
