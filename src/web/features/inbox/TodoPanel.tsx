import { Anchor, Badge, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { TodoItem, TodoKind } from '../../../core/schemas/inbox.ts';
import { formatDate } from '../../../core/thai/buddhistEra.ts';
import { Empty } from '../../components/Empty.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { LoadingState } from '../../components/LoadingState.tsx';
import { UrgencyBadge } from '../referrals/parts.tsx';
import { useLang } from '../screenings/instruments.ts';
import { useTodo } from './api.ts';

/** The order on screen: what is late, then what waits for an answer, then today's rounds. */
const GROUPS: readonly { kind: TodoKind; count: CountKey; page: string; list: string }[] = [
  { kind: 'referral_overdue', count: 'overdue', page: '/referrals/', list: '/referrals' },
  { kind: 'referral_to_accept', count: 'referralsToAccept', page: '/referrals/', list: '/referrals' },
  { kind: 'visit_today', count: 'visitsToday', page: '/visits/', list: '/calendar' },
  { kind: 'ride_to_accept', count: 'ridesToAccept', page: '/transport/', list: '/transport' },
];
type CountKey = 'overdue' | 'referralsToAccept' | 'visitsToday' | 'ridesToAccept';

/** What needs the reader now, grouped, with places and times only (each page shows the person). */
export function TodoPanel() {
  const { t } = useTranslation();
  const todo = useTodo();
  if (todo.isPending) return <LoadingState rows={3} />;
  if (todo.error) return <ErrorAlert error={todo.error} onRetry={() => void todo.refetch()} />;
  const { counts, items } = todo.data;
  const groups = GROUPS.filter((g) => counts[g.count] > 0);
  return (
    <Stack gap="sm" component="section" aria-labelledby="todo-title">
      <Title order={2} size="h3" id="todo-title">
        {t('services.todo.title')}
      </Title>
      <Text size="sm" c="dimmed">
        {t('services.todo.intro')}
      </Text>
      {groups.length === 0 ? (
        <Empty title={t('services.todo.nothing')} hint={t('services.todo.nothingHint')} />
      ) : (
        groups.map((g) => (
          <TodoGroup
            key={g.kind}
            kind={g.kind}
            count={counts[g.count]}
            items={items.filter((i) => i.kind === g.kind)}
            page={g.page}
            list={g.list}
          />
        ))
      )}
      {counts.unreadAlerts > 0 && (
        <Text fw={700}>{t('services.todo.alerts', { count: counts.unreadAlerts })}</Text>
      )}
    </Stack>
  );
}

function TodoGroup(props: { kind: TodoKind; count: number; items: TodoItem[]; page: string; list: string }) {
  const { t } = useTranslation();
  const lang = useLang();
  const late = props.kind === 'referral_overdue';
  return (
    <Paper withBorder p="md" radius="md" data-todo={props.kind}>
      <Group justify="space-between" wrap="wrap" mb="xs">
        <Group gap="xs">
          <Text fw={700} size="lg">
            {t(`services.todo.groups.${props.kind}`)}
          </Text>
          <Badge color={late ? 'red.9' : 'blue.8'} variant="filled" size="lg">
            {props.count}
          </Badge>
        </Group>
        {props.count > props.items.length && (
          <Anchor component={Link} to={props.list} fw={700}>
            {t('services.todo.seeAll')}
          </Anchor>
        )}
      </Group>
      <Stack gap={6} component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
        {props.items.map((item) => (
          <li key={`${item.kind}-${item.id}`}>
            <Anchor
              component={Link}
              to={`${props.page}${item.id}`}
              display="block"
              py={8}
              style={{ minHeight: 44 }}
              c={late ? 'red.9' : undefined}
            >
              <Group gap="xs" wrap="wrap">
                {item.urgency && item.urgency !== 'routine' && <UrgencyBadge urgency={item.urgency} />}
                <Text span fw={600}>
                  {t(`services.todo.item.${item.kind}`, {
                    when: formatDate(item.at, lang, { withTime: true }),
                  })}
                </Text>
                {item.placeName && <Text span>· {item.placeName}</Text>}
                {item.side && (
                  <Text span size="sm" c="dimmed">
                    · {t(`services.todo.side.${item.side}`)}
                  </Text>
                )}
              </Group>
            </Anchor>
          </li>
        ))}
      </Stack>
      {props.count > props.items.length && (
        <Text size="sm" c="dimmed" mt="xs">
          {t('services.todo.showing', { shown: props.items.length, count: props.count })}
        </Text>
      )}
    </Paper>
  );
}
