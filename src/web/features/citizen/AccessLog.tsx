import { Badge, Button, Group, Paper, Stack, Switch, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DateText } from '../../components/DateText.tsx';
import { Empty } from '../../components/Empty.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { LoadingState } from '../../components/LoadingState.tsx';
import { useCurrentUser } from '../auth/session.ts';
import { usePersonAudit } from './api.ts';
import { actionText, actorText, groupText } from './words.ts';

/**
 * "Who looked at my data": each read or change of the person's data, newest
 * first — who, from which organisation, through which group, what, when.
 */
export function AccessLog({ personId, hideMineByDefault }: { personId: string; hideMineByDefault: boolean }) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const [hideMine, setHideMine] = useState(hideMineByDefault);
  const log = usePersonAudit(personId, hideMine);
  const items = log.data?.pages.flatMap((p) => p.items) ?? [];

  return (
    <Stack gap="sm">
      <Switch
        label={t('citizen.access.hideMine')}
        checked={hideMine}
        onChange={(e) => setHideMine(e.currentTarget.checked)}
      />
      {log.isPending ? (
        <LoadingState rows={3} />
      ) : log.error ? (
        <ErrorAlert error={log.error} onRetry={() => void log.refetch()} />
      ) : items.length === 0 ? (
        <Empty title={t('citizen.access.empty')} />
      ) : (
        <Stack component="ol" gap="xs" p={0} m={0} style={{ listStyle: 'none' }}>
          {items.map((entry) => {
            const group = groupText(t, entry.group);
            return (
              <Paper component="li" key={entry.id} withBorder p="sm">
                <Group justify="space-between" gap="xs" wrap="wrap" align="flex-start">
                  <Text fw={700}>{actionText(t, entry.action)}</Text>
                  <Text size="sm">
                    <DateText value={entry.at} withTime />
                  </Text>
                </Group>
                <Text size="sm" className="break-anywhere">
                  {actorText(t, entry, user.id)}
                </Text>
                {group && (
                  <Text size="sm" className="break-anywhere">
                    {group}
                  </Text>
                )}
                {(entry.via === 'list' || entry.outcome !== 'ok') && (
                  <Group gap={6} mt={4}>
                    {entry.via === 'list' && (
                      <Badge variant="light" color="gray">
                        {t('citizen.access.viaList')}
                      </Badge>
                    )}
                    {entry.outcome !== 'ok' && (
                      <Badge variant="light" color="red">
                        {entry.outcome === 'denied' ? t('citizen.access.denied') : t('citizen.access.failed')}
                      </Badge>
                    )}
                  </Group>
                )}
              </Paper>
            );
          })}
        </Stack>
      )}
      {log.hasNextPage && (
        <Button variant="default" onClick={() => void log.fetchNextPage()} loading={log.isFetchingNextPage}>
          {t('common.loadMore')}
        </Button>
      )}
    </Stack>
  );
}
