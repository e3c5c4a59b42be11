import { Button, NativeSelect, SegmentedControl, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { transportStatusFilters } from '../../../core/schemas/index.ts';
import { Empty } from '../../components/Empty.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { LoadingState } from '../../components/LoadingState.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { useCurrentUser } from '../auth/session.ts';
import { type TransportList, type TransportStatusFilter, useTransportList } from './api.ts';
import { TransportCard } from './TransportCard.tsx';

/**
 * `/transport`: the rides asked of my organisation (the provider's queue, soonest pick-up first) and
 * the rides I asked for. Tab and status filter live in the URL.
 */
export default function TransportQueuePage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const [params, setParams] = useSearchParams();
  const provider = Boolean(user.organizationId);
  const to: TransportList = params.get('to') === 'mine' || !provider ? 'mine' : 'me';
  const raw = params.get('status');
  const status: TransportStatusFilter | undefined =
    raw === 'all' ? undefined : (transportStatusFilters.find((s) => s === raw) ?? 'open');
  const list = useTransportList(to, status);
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  const set = (next: { to?: TransportList; status?: string }) => {
    const p = new URLSearchParams(params);
    for (const [k, v] of Object.entries(next)) p.set(k, v);
    setParams(p, { replace: true });
  };

  return (
    <>
      <PageTitle title={t('transport.title')} intro={t('transport.intro')} />
      <Stack gap="md">
        {provider && (
          <SegmentedControl
            size="md"
            fullWidth
            aria-label={t('transport.tabs.label')}
            value={to}
            onChange={(v) => set({ to: v === 'mine' ? 'mine' : 'me' })}
            data={[
              { value: 'me', label: t('transport.tabs.toUs') },
              { value: 'mine', label: t('transport.tabs.mine') },
            ]}
          />
        )}
        <NativeSelect
          label={t('transport.filter.label')}
          size="md"
          maw={320}
          value={status ?? 'all'}
          onChange={(e) => set({ status: e.currentTarget.value })}
          data={[
            { value: 'open', label: t('transport.filter.open') },
            ...(['requested', 'accepted', 'completed', 'declined', 'cancelled'] as const).map((s) => ({
              value: s,
              label: t(`transport.status.${s}`),
            })),
            { value: 'all', label: t('transport.filter.all') },
          ]}
        />
        {list.isPending ? (
          <LoadingState rows={4} />
        ) : list.error && items.length === 0 ? (
          <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />
        ) : items.length === 0 ? (
          <Empty title={to === 'me' ? t('transport.empty.toUs') : t('transport.empty.mine')} />
        ) : (
          <Stack gap="sm" aria-busy={list.isFetching}>
            <Text c="dimmed" role="status">
              {t('common.shown', { count: items.length })}
            </Text>
            <Stack component="ul" gap="sm" p={0} m={0} style={{ listStyle: 'none' }}>
              {items.map((r) => (
                <TransportCard key={r.id} request={r} side={to === 'me' ? 'provider' : 'requester'} />
              ))}
            </Stack>
            {list.error && <ErrorAlert error={list.error} />}
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
      </Stack>
    </>
  );
}
