import { Anchor, Badge, Button, Group, Paper, SimpleGrid, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Empty } from '../../components/Empty.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { LoadingState } from '../../components/LoadingState.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { dimensionLabel } from '../plans/parts.tsx';
import { useGroupAreas } from './access.ts';
import { useActivityGroups } from './api.ts';
import { AreaName } from './parts.tsx';
import type { ActivityGroup } from './types.ts';

/** `/activity-groups`: the group activities of the signed-in person's areas (and their organisation's). */
export default function ActivityGroupsPage() {
  const { t } = useTranslation();
  const list = useActivityGroups();
  const { any: canCreate } = useGroupAreas();
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  const createButton = canCreate && (
    <Button component={Link} to="/activity-groups/new" size="md">
      {t('activityGroups.create')}
    </Button>
  );

  return (
    <>
      <PageTitle title={t('activityGroups.title')} intro={t('activityGroups.intro')} actions={createButton} />
      {list.isPending ? (
        <LoadingState rows={4} />
      ) : list.error && items.length === 0 ? (
        <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />
      ) : items.length === 0 ? (
        <Empty
          title={t('activityGroups.empty')}
          hint={canCreate ? t('activityGroups.emptyHint') : t('activityGroups.emptyHintReader')}
          action={createButton}
        />
      ) : (
        <Stack gap="md">
          <SimpleGrid
            component="ul"
            cols={{ base: 1, md: 2 }}
            spacing="md"
            p={0}
            m={0}
            style={{ listStyle: 'none' }}
          >
            {items.map((g) => (
              <GroupCard key={g.id} group={g} />
            ))}
          </SimpleGrid>
          {list.hasNextPage && (
            <Button
              variant="default"
              size="md"
              onClick={() => void list.fetchNextPage()}
              loading={list.isFetchingNextPage}
            >
              {t('common.loadMore')}
            </Button>
          )}
        </Stack>
      )}
    </>
  );
}

function GroupCard({ group: g }: { group: ActivityGroup }) {
  const { t } = useTranslation();
  return (
    <Paper component="li" withBorder p="md" data-activity-group={g.id}>
      <Stack gap={6}>
        <Anchor
          component={Link}
          to={`/activity-groups/${g.id}`}
          fw={700}
          fz="lg"
          className="touch break-anywhere"
        >
          {g.name}
        </Anchor>
        <Group gap="xs">
          <Badge color="blue.9" variant="light" styles={{ label: { textTransform: 'none' } }}>
            {dimensionLabel(t, g.dimension)}
          </Badge>
          <Badge color="gray" variant="light" c="dark.9" styles={{ label: { textTransform: 'none' } }}>
            {t('activityGroups.members', { count: g.memberCount })}
          </Badge>
        </Group>
        <Text size="sm" className="break-anywhere">
          {g.activityTitle}
        </Text>
        <Text size="sm" c="dimmed" className="break-anywhere">
          <AreaName code={g.areaCode} />
          {g.organizationName ? ` · ${g.organizationName}` : ''}
        </Text>
        {g.schedule && (
          <Text size="sm" className="break-anywhere">
            {t('activityGroups.scheduleLine', { schedule: g.schedule })}
          </Text>
        )}
      </Stack>
    </Paper>
  );
}
