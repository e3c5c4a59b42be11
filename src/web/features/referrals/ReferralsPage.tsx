import { Anchor, Button, Checkbox, Group, NativeSelect, Paper, Stack, Tabs, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { referralStatuses } from '../../../core/schemas/referral.ts';
import { Empty } from '../../components/Empty.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { LoadingState } from '../../components/LoadingState.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { useCurrentUser } from '../auth/session.ts';
import { type Referral, type ReferralFilters, useReferrals } from './api.ts';
import { LiveNote } from './LiveNote.tsx';
import { useReferralLive } from './live.ts';
import { DueText, PersonText, ReferralBadges } from './parts.tsx';

const TABS = ['incoming', 'sent'] as const;
type Tab = (typeof TABS)[number];

/**
 * `/referrals`: the receiving team's queue (the most urgent first, then the soonest due) and what I sent,
 * kept up to date live; filter by status and overdue.
 */
export default function ReferralsPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const [params, setParams] = useSearchParams();
  const tab: Tab = TABS.find((x) => x === params.get('tab')) ?? (user.organizationId ? 'incoming' : 'sent');
  const status = params.get('status') ?? '';
  const overdue = params.get('overdue') === 'true';
  const live = useReferralLive();

  const update = (next: Record<string, string | null>) => {
    const merged = new URLSearchParams(params);
    for (const [k, v] of Object.entries(next)) {
      if (v) merged.set(k, v);
      else merged.delete(k);
    }
    setParams(merged, { replace: true });
  };

  return (
    <>
      <PageTitle title={t('referrals.title')} intro={t('referrals.queue.intro')} />
      <Stack gap="md">
        <LiveNote state={live} />
        <Tabs value={tab} onChange={(v) => update({ tab: v === 'incoming' ? 'incoming' : 'sent' })}>
          <Tabs.List aria-label={t('referrals.queue.tabs')} grow>
            <Tabs.Tab value="incoming">{t('referrals.queue.incoming')}</Tabs.Tab>
            <Tabs.Tab value="sent">{t('referrals.queue.sent')}</Tabs.Tab>
          </Tabs.List>
        </Tabs>
        <Group gap="md" align="flex-end" wrap="wrap">
          <NativeSelect
            size="md"
            miw={220}
            label={t('referrals.queue.status')}
            value={status}
            onChange={(e) => update({ status: e.currentTarget.value })}
            data={[
              { value: '', label: t('referrals.queue.all') },
              { value: 'open', label: t('referrals.queue.open') },
              { value: 'closed', label: t('referrals.queue.closed') },
              ...referralStatuses.map((s) => ({ value: s, label: t(`referrals.status.${s}`) })),
            ]}
          />
          <Checkbox
            size="md"
            mb={8}
            label={t('referrals.queue.overdueOnly')}
            checked={overdue}
            onChange={(e) => update({ overdue: e.currentTarget.checked ? 'true' : null })}
          />
        </Group>
        {tab === 'incoming' && !user.organizationId ? (
          <Empty title={t('referrals.queue.noOrganization')} />
        ) : (
          <ReferralList filters={{ to: tab === 'incoming' ? 'me' : 'mine', status, overdue }} />
        )}
      </Stack>
    </>
  );
}

function ReferralList({ filters }: { filters: ReferralFilters }) {
  const { t } = useTranslation();
  const list = useReferrals(filters);
  const items = (list.data?.pages ?? []).flatMap((p) => p.items);
  const filtered = filters.status !== '' || filters.overdue;

  if (list.isPending) return <LoadingState rows={5} />;
  if (list.error) return <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />;
  if (items.length === 0) {
    return (
      <Empty
        title={filters.to === 'me' ? t('referrals.queue.emptyIncoming') : t('referrals.queue.emptySent')}
        hint={
          filtered
            ? t('referrals.queue.emptyHint')
            : filters.to === 'mine'
              ? t('referrals.queue.sendHint')
              : undefined
        }
      />
    );
  }
  return (
    <Stack gap="sm">
      <Stack component="ul" gap="sm" p={0} m={0} style={{ listStyle: 'none' }} aria-live="polite">
        {items.map((r) => (
          <ReferralCard key={r.id} referral={r} incoming={filters.to === 'me'} />
        ))}
      </Stack>
      {list.hasNextPage && (
        <Button variant="default" onClick={() => void list.fetchNextPage()} loading={list.isFetchingNextPage}>
          {t('common.loadMore')}
        </Button>
      )}
    </Stack>
  );
}

function ReferralCard({ referral: r, incoming }: { referral: Referral; incoming: boolean }) {
  const { t } = useTranslation();
  return (
    <Paper
      component="li"
      withBorder
      p="sm"
      radius="md"
      data-referral={r.id}
      style={r.overdue ? { borderColor: 'var(--mantine-color-red-9)', borderWidth: 2 } : undefined}
    >
      <Stack gap={6}>
        <ReferralBadges referral={r} />
        <Text fw={700} fz="lg">
          <PersonText referral={r} link={false} />
        </Text>
        <Text size="sm" lineClamp={2} className="break-anywhere">
          {r.reason}
        </Text>
        <Text size="sm" c="dimmed">
          {incoming
            ? t('referrals.queue.from', {
                name: r.fromOrganization
                  ? `${r.fromUser.name} (${r.fromOrganization.name})`
                  : r.fromUser.name,
              })
            : t('referrals.queue.to', { name: r.toOrganization.name })}
        </Text>
        <DueText referral={r} />
        <Anchor component={Link} to={`/referrals/${r.id}`} fw={700} size="md">
          {t('referrals.queue.details')}
        </Anchor>
      </Stack>
    </Paper>
  );
}
