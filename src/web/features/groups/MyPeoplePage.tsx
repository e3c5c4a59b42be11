import { Anchor, Badge, Button, Group, Paper, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Empty } from '../../components/Empty.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { LoadingState } from '../../components/LoadingState.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { personName } from '../persons/labels.ts';
import { useMyPeople } from './api.ts';
import { LevelsLine } from './LevelsLine.tsx';
import type { MyPerson } from './types.ts';

/** `/me/people`: a case worker's or volunteer's people, phone first: call, screen, open. */
export default function MyPeoplePage() {
  const { t } = useTranslation();
  const list = useMyPeople();
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  // Those still due this month first: that is the day's work.
  const ordered = [...items].sort((a, b) => Number(b.dueThisMonth) - Number(a.dueThisMonth));
  return (
    <>
      <PageTitle title={t('groups.my.title')} intro={t('groups.my.intro')} />
      {list.isPending ? (
        <LoadingState rows={4} />
      ) : list.error && items.length === 0 ? (
        <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />
      ) : items.length === 0 ? (
        <Empty title={t('groups.my.empty')} hint={t('groups.my.emptyHint')} />
      ) : (
        <Stack gap="md">
          <Stack component="ul" gap="sm" p={0} m={0} style={{ listStyle: 'none' }}>
            {ordered.map((p) => (
              <PersonCard key={`${p.group.id}-${p.personId}`} person={p} />
            ))}
          </Stack>
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

function PersonCard({ person: p }: { person: MyPerson }) {
  const { t } = useTranslation();
  const name = personName(p, t);
  const where = [p.houseNo ? t('groups.my.house', { no: p.houseNo }) : null, p.villageName]
    .filter(Boolean)
    .join(' ');
  return (
    <Paper component="li" withBorder p="md">
      <Stack gap="xs">
        <Group justify="space-between" wrap="wrap" gap="xs">
          <Anchor
            component={Link}
            to={`/persons/${p.personId}`}
            fw={700}
            fz="lg"
            className="touch break-anywhere"
          >
            {name}
          </Anchor>
          <Badge color={p.dueThisMonth ? 'blue' : 'teal'} variant="light" size="lg">
            {p.dueThisMonth ? t('groups.my.due') : t('groups.my.done')}
          </Badge>
        </Group>
        <Text size="sm">
          {t('groups.people.age', { count: p.age })}
          {where ? ` · ${where}` : ''}
        </Text>
        <Text size="sm" c="dimmed">
          {t('groups.my.group', { name: p.group.name })}
        </Text>
        <LevelsLine levels={p.levels} />
        <Group gap="sm" grow preventGrowOverflow={false} wrap="wrap">
          {p.phone ? (
            <Button
              component="a"
              href={`tel:${p.phone.replace(/[^\d+]/g, '')}`}
              size="lg"
              variant="light"
              aria-label={t('groups.my.callLabel', { name, phone: p.phone })}
            >
              {t('groups.my.call', { phone: p.phone })}
            </Button>
          ) : (
            <Text size="sm" c="dimmed">
              {t('groups.my.noPhone')}
            </Text>
          )}
          <Button
            component={Link}
            to={`/persons/${p.personId}/screen/wellbeing20`}
            size="lg"
            aria-label={t('groups.my.screenLabel', { name })}
          >
            {t('groups.my.screen')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
