import { Anchor, Box, Button, Group, List, Paper, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDate } from '../../../core/thai/buddhistEra.ts';
import { Empty } from '../../components/Empty.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { LevelIcon } from '../../components/LevelIcon.tsx';
import { LoadingState } from '../../components/LoadingState.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { personName } from '../persons/labels.ts';
import { useWorseList } from './api.ts';
import { useLang } from './instruments.ts';
import { MonthAreaFilters, useMonthArea } from './MonthAreaFilters.tsx';
import { whereLine } from './personLine.ts';
import type { WorseItem } from './types.ts';
import { dimensionText } from './words.ts';

/** `/screenings/worse`: who got worse this month, to visit first. */
export default function WorseListPage() {
  const { t } = useTranslation();
  const { month, area, set } = useMonthArea();
  const list = useWorseList(month, area);
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];

  return (
    <Box maw={720}>
      <PageTitle
        title={t('screenings.worse.title')}
        intro={t('screenings.worse.intro')}
        actions={
          <Anchor
            component={Link}
            to={`/screenings/due?month=${month}${area ? `&area=${area}` : ''}`}
            fw={700}
          >
            {t('screenings.worse.dueLink')}
          </Anchor>
        }
      />
      <Stack gap="md">
        <MonthAreaFilters month={month} area={area} onChange={set} />
        {list.isPending && <LoadingState rows={4} />}
        {list.error && <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />}
        {list.isSuccess && items.length === 0 && (
          <Empty title={t('screenings.worse.empty')} hint={t('screenings.worse.emptyHint')} />
        )}
        {items.length > 0 && (
          <Stack component="ul" gap="sm" p={0} m={0} style={{ listStyle: 'none' }}>
            {items.map((item) => (
              <WorseCard key={item.personId} item={item} />
            ))}
          </Stack>
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

function WorseCard({ item }: { item: WorseItem }) {
  const { t } = useTranslation();
  const lang = useLang();
  const name = personName(item.person, t);
  return (
    <Paper component="li" withBorder p="sm" radius="md">
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
              {whereLine(t, item.person)} · {formatDate(item.takenAt, lang)}
            </Text>
          </Box>
          <Button
            component={Link}
            to={`/screenings/${item.screeningId}`}
            size="md"
            variant="default"
            aria-label={t('screenings.worse.openPerson', { name })}
          >
            {t('screenings.worse.open')}
          </Button>
        </Group>
        <Text size="sm" fw={700}>
          {t('screenings.worse.worseIn')}
        </Text>
        <List size="sm" spacing={4} listStyleType="none" p={0}>
          {item.worse.map((code) => {
            const before = item.previousLevels[code];
            const now = item.levels[code];
            return (
              <List.Item key={code}>
                <Group gap={6} wrap="nowrap">
                  {now && <LevelIcon level={now} size={20} />}
                  <Text size="sm">
                    {dimensionText(t, code)}
                    {before && now
                      ? `: ${t(`screenings.level.${before}`)} → ${t(`screenings.level.${now}`)}`
                      : ''}
                  </Text>
                </Group>
              </List.Item>
            );
          })}
        </List>
      </Stack>
    </Paper>
  );
}
