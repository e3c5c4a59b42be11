import { Box, Button, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { DateText } from '../../components/DateText.tsx';
import { Empty } from '../../components/Empty.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { LoadingState } from '../../components/LoadingState.tsx';
import { useGroupActivity } from './api.ts';
import { activityText } from './labels.ts';

/** What partners did in the group, newest first; `limit` shows only the first few (the home page). */
export function ActivityFeed({ groupId, limit }: { groupId: string; limit?: number }) {
  const { t } = useTranslation();
  const feed = useGroupActivity(groupId);
  const all = feed.data?.pages.flatMap((p) => p.items) ?? [];
  const items = limit ? all.slice(0, limit) : all;
  if (feed.isPending) return <LoadingState rows={3} />;
  if (feed.error && items.length === 0)
    return <ErrorAlert error={feed.error} onRetry={() => void feed.refetch()} />;
  if (items.length === 0) return <Empty title={t('groups.activity.empty')} />;
  return (
    <Stack gap="md">
      <Stack component="ol" gap="sm" p={0} m={0} style={{ listStyle: 'none' }}>
        {items.map((item) => {
          const { what, detail } = activityText(t, item);
          return (
            <Box
              key={item.id}
              component="li"
              pl="sm"
              style={{ borderInlineStart: '3px solid var(--mantine-color-blue-3)' }}
            >
              <Text fw={700}>{what}</Text>
              {detail && <Text size="sm">{detail}</Text>}
              <Text size="sm" c="dimmed">
                {item.actor?.displayName ?? t('groups.activity.system')} ·{' '}
                <DateText value={item.at} withTime />
              </Text>
            </Box>
          );
        })}
      </Stack>
      {!limit && feed.hasNextPage && (
        <Button variant="default" onClick={() => void feed.fetchNextPage()} loading={feed.isFetchingNextPage}>
          {t('common.loadMore')}
        </Button>
      )}
    </Stack>
  );
}
