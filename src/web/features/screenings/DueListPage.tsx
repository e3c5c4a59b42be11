import { Anchor, Badge, Box, Button, Group, List, Paper, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Empty } from '../../components/Empty.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { LevelIcon } from '../../components/LevelIcon.tsx';
import { LoadingState } from '../../components/LoadingState.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { personName } from '../persons/labels.ts';
import { useDueList } from './api.ts';
import { shortTitle, useLang, WELLBEING } from './instruments.ts';
import { MonthAreaFilters, useMonthArea } from './MonthAreaFilters.tsx';
import { whereLine } from './personLine.ts';
import type { DueItem } from './types.ts';
import { reasonText } from './words.ts';

/** `/screenings/due`: the volunteer's monthly round: who is due, who is overdue, screen them. */
export default function DueListPage() {
  const { t } = useTranslation();
  const { month, area, set } = useMonthArea();
  const list = useDueList(month, area);
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];

  return (
    <Box maw={720}>
      <PageTitle
        title={t('screenings.due.title')}
        intro={t('screenings.due.intro')}
        actions={
          <Anchor
            component={Link}
            to={`/screenings/worse?month=${month}${area ? `&area=${area}` : ''}`}
            fw={700}
          >
            {t('screenings.due.worseLink')}
          </Anchor>
        }
      />
      <Stack gap="md">
        <MonthAreaFilters month={month} area={area} onChange={set} />
        {list.isPending && <LoadingState rows={5} />}
        {list.error && <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />}
        {list.isSuccess && items.length === 0 && (
          <Empty title={t('screenings.due.empty')} hint={t('screenings.due.emptyHint')} />
        )}
        {items.length > 0 && (
          <>
            <Text size="sm" c="dimmed" role="status">
              {t('screenings.due.shown', { count: items.length })}
            </Text>
            <Stack component="ul" gap="sm" p={0} m={0} style={{ listStyle: 'none' }}>
              {items.map((item) => (
                <DueCard key={item.personId} item={item} />
              ))}
            </Stack>
          </>
        )}
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
    </Box>
  );
}

function DueCard({ item }: { item: DueItem }) {
  const { t } = useTranslation();
  const lang = useLang();
  const name = personName(item.person, t);
  const first = item.due[0]?.instrument ?? WELLBEING;
  return (
    <Paper component="li" withBorder p="sm" radius="md" data-overdue={item.overdue || undefined}>
      <Stack gap="xs">
        <Group justify="space-between" wrap="nowrap" align="flex-start" gap="sm">
          <Box style={{ minWidth: 0 }}>
            <Anchor
              component={Link}
              to={`/persons/${item.personId}`}
              fw={700}
              fz="lg"
              className="break-anywhere"
            >
              {name}
            </Anchor>
            <Text size="sm" c="dimmed">
              {whereLine(t, item.person)}
            </Text>
          </Box>
          <Button
            component={Link}
            to={`/persons/${item.personId}/screen/${first}`}
            size="md"
            aria-label={t('screenings.due.screenPerson', { name })}
          >
            {t('screenings.due.screen')}
          </Button>
        </Group>
        {item.overdue && (
          <Group gap={6}>
            <LevelIcon level="red" size={20} />
            <Text fw={700} c="var(--mantine-color-error)">
              {t('screenings.due.overdue')}
            </Text>
          </Group>
        )}
        <List size="sm" spacing={2}>
          {item.due.map((d) => (
            <List.Item key={`${d.instrument}:${d.reason}`}>
              <Text span fw={700} size="sm">
                {shortTitle(d.instrument, lang)}
              </Text>{' '}
              — {reasonText(t, d.reason)}
              {d.overdue && (
                <Badge ml={6} size="sm" variant="light" color="red">
                  {t('screenings.due.overdue')}
                </Badge>
              )}
            </List.Item>
          ))}
        </List>
      </Stack>
    </Paper>
  );
}
