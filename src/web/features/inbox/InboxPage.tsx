import {
  Anchor,
  Badge,
  Box,
  Button,
  Group,
  Paper,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { ConfirmButton } from '../../components/ConfirmButton.tsx';
import { DateText } from '../../components/DateText.tsx';
import { Empty } from '../../components/Empty.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { LoadingState } from '../../components/LoadingState.tsx';
import { notifySuccess } from '../../components/notifySuccess.ts';
import { PageTitle } from '../../components/PageTitle.tsx';
import { personName } from '../persons/labels.ts';
import { instrumentTitle, useLang } from '../screenings/instruments.ts';
import {
  type InboxItem,
  type InboxShow,
  useInbox,
  useMarkAllRead,
  useMarkRead,
  useUnreadCount,
} from './api.ts';
import { TodoPanel } from './TodoPanel.tsx';
import { alertText } from './words.ts';

/** `/inbox[?show=unread]`: the signed-in person's alerts, newest first, the unread marked. */
export default function InboxPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const show: InboxShow = params.get('show') === 'unread' ? 'unread' : 'all';
  const list = useInbox(show);
  const count = useUnreadCount();
  const markAll = useMarkAllRead();
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  const unread = count.data?.unread ?? list.data?.pages[0]?.unread ?? 0;

  function choose(next: string) {
    const p = new URLSearchParams(params);
    if (next === 'unread') p.set('show', 'unread');
    else p.delete('show');
    setParams(p, { replace: true });
  }

  // Up to the newest item on screen: what arrived after the reader looked stays unread.
  const newest = items[0]?.createdAt;

  return (
    <Box maw={720}>
      <PageTitle title={t('inbox.title')} intro={t('inbox.intro')} />
      <Stack gap="md">
        <TodoPanel />
        <Title order={2} size="h3">
          {t('inbox.alertsTitle')}
        </Title>
        <SegmentedControl
          value={show}
          onChange={choose}
          size="md"
          fullWidth
          aria-label={t('inbox.show')}
          data={[
            { value: 'all', label: t('inbox.showAll') },
            {
              value: 'unread',
              label: unread > 0 ? `${t('inbox.showUnread')} (${unread})` : t('inbox.showUnread'),
            },
          ]}
        />
        <Group justify="space-between" gap="sm" wrap="wrap">
          <Text fw={700} role="status">
            {unread > 0 ? t('inbox.unreadCount', { count: unread }) : t('inbox.allRead')}
          </Text>
          {unread > 0 && (
            <ConfirmButton
              label={t('inbox.markAll')}
              question={t('inbox.markAllQuestion', { count: unread })}
              color="blue.8"
              variant="default"
              size="md"
              loading={markAll.isPending}
              onConfirm={() =>
                markAll.mutateAsync(newest).then(
                  (r) => notifySuccess(t('inbox.markAllDone', { count: r.marked })),
                  () => undefined,
                )
              }
            />
          )}
        </Group>
        {markAll.error && <ErrorAlert error={markAll.error} />}
        {list.isPending && <LoadingState rows={4} />}
        {list.error && <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />}
        {list.isSuccess && items.length === 0 && (
          <Empty
            title={show === 'unread' ? t('inbox.emptyUnread') : t('inbox.empty')}
            hint={show === 'unread' ? t('inbox.emptyUnreadHint') : t('inbox.emptyHint')}
          />
        )}
        {items.length > 0 && (
          <Stack component="ul" gap="sm" p={0} m={0} style={{ listStyle: 'none' }}>
            {items.map((item) => (
              <InboxCard key={item.id} item={item} />
            ))}
          </Stack>
        )}
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
    </Box>
  );
}

/**
 * One alert: what was found, about whom, from which screening and when.
 * Unread ones are marked in words ("ใหม่"), with a bar and a tint as well.
 * Opening the result or the person marks it read.
 */
function InboxCard({ item }: { item: InboxItem }) {
  const { t } = useTranslation();
  const lang = useLang();
  const markRead = useMarkRead();
  const unread = item.readAt === null;
  const what = alertText(t, item.flag);
  const name = item.person ? personName(item.person, t) : null;
  const titleId = `inbox-${item.id}`;
  const read = () => {
    if (unread) markRead.mutate(item.id);
  };

  return (
    <Paper
      component="li"
      withBorder
      p="sm"
      radius="md"
      data-unread={unread}
      bg={unread ? 'blue.0' : undefined}
      style={unread ? { borderInlineStart: '6px solid var(--mantine-color-blue-8)' } : undefined}
    >
      <Stack gap={6}>
        <Group gap="xs" wrap="wrap">
          {unread && (
            <Badge color="blue.9" variant="filled">
              {t('inbox.new')}
            </Badge>
          )}
          {item.urgent && (
            <Badge color="red.9" variant="filled">
              {t('inbox.urgent')}
            </Badge>
          )}
          <Text size="sm" c="dimmed">
            <DateText value={item.createdAt} withTime />
            {!unread && ` · ${t('inbox.read')}`}
          </Text>
        </Group>
        <Title order={2} size="h4" id={titleId} fw={unread ? 700 : 600} lh={1.45}>
          {what}
        </Title>
        {name ? (
          <Text>
            <Anchor
              component={Link}
              to={`/persons/${item.personId}`}
              fw={700}
              onClick={read}
              className="break-anywhere"
            >
              {name}
            </Anchor>
            {item.person?.villageNo ? ` · ${t('inbox.village', { no: item.person.villageNo })}` : ''}
          </Text>
        ) : (
          <Text c="dimmed">{t('inbox.personHidden')}</Text>
        )}
        {item.instrument && (
          <Text size="sm" c="dimmed">
            {t('inbox.from', { instrument: instrumentTitle(item.instrument, lang) })}
          </Text>
        )}
        <SimpleGrid cols={unread && item.screeningId ? 2 : 1} spacing="sm" mt={4}>
          {item.screeningId && (
            <Button
              component={Link}
              to={`/screenings/${item.screeningId}`}
              size="md"
              mih={48}
              onClick={read}
              aria-label={name ? t('inbox.openResultFor', { name }) : undefined}
            >
              {t('inbox.openResult')}
            </Button>
          )}
          {unread && (
            <Button
              variant="default"
              size="md"
              mih={48}
              loading={markRead.isPending}
              onClick={read}
              aria-label={t('inbox.markReadFor', { what: name ? `${what} · ${name}` : what })}
            >
              {t('inbox.markRead')}
            </Button>
          )}
        </SimpleGrid>
        {markRead.error && <ErrorAlert error={markRead.error} />}
      </Stack>
    </Paper>
  );
}
