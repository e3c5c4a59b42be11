import { Anchor, Badge, Button, Group, Paper, SimpleGrid, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { hasRole } from '../../../core/policy/index.ts';
import { Empty } from '../../components/Empty.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { LoadingState } from '../../components/LoadingState.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { actorOf, useCurrentUser } from '../auth/session.ts';
import { useGroups } from './api.ts';
import { groupStatus, periodText, roleLabel, statusColor } from './labels.ts';
import type { Group as GroupData } from './types.ts';

/** Whether to offer "create a group": area admins and operators (the server decides per subdistrict). */
export function useCanCreateGroup(): boolean {
  const actor = actorOf(useCurrentUser());
  return hasRole(actor, 'operator') || (hasRole(actor, 'area_admin') && actor.areaCodes.length > 0);
}

/** `/groups`: the closed groups the signed-in person works in (area admins: also those of their areas). */
export default function GroupsPage() {
  const { t } = useTranslation();
  const list = useGroups();
  const canCreate = useCanCreateGroup();
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  const createButton = canCreate && (
    <Button component={Link} to="/groups/new" size="md">
      {t('groups.create')}
    </Button>
  );

  return (
    <>
      <PageTitle title={t('groups.title')} intro={t('groups.intro')} actions={createButton} />
      {list.isPending ? (
        <LoadingState rows={4} />
      ) : list.error && items.length === 0 ? (
        <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />
      ) : items.length === 0 ? (
        <Empty
          title={t('groups.empty')}
          hint={canCreate ? t('groups.emptyHintAdmin') : t('groups.emptyHint')}
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

function GroupCard({ group: g }: { group: GroupData }) {
  const { t, i18n } = useTranslation();
  const status = groupStatus(g);
  return (
    <Paper component="li" withBorder p="md">
      <Stack gap={6}>
        <Anchor component={Link} to={`/groups/${g.id}`} fw={700} fz="lg" className="touch break-anywhere">
          {g.name}
        </Anchor>
        <Group gap="xs">
          <Badge color={statusColor[status]} variant="light">
            {t(`groups.status.${status}`)}
          </Badge>
          {g.myRole && (
            <Badge color="blue.9" variant="outline">
              {roleLabel(t, g.myRole)}
            </Badge>
          )}
        </Group>
        <Text size="sm">
          {g.areaName ? t('areas.prefix.subdistrict', { name: g.areaName }) : g.areaCode} ·{' '}
          {t('groups.counts', { members: g.counts.members, persons: g.counts.persons })}
        </Text>
        <Text size="sm" c="dimmed">
          {periodText(t, g, i18n.language)}
        </Text>
      </Stack>
    </Paper>
  );
}
