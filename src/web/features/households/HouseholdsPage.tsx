import { Anchor, Button, Group, Paper, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import type { Household } from '../../../core/schemas/index.ts';
import { AreaPicker } from '../../components/AreaPicker.tsx';
import { Empty } from '../../components/Empty.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { LoadingState } from '../../components/LoadingState.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { AreaNames } from '../areas/AreaNames.tsx';
import { enumLabel } from '../persons/labels.ts';
import { useCanRegister } from '../persons/PersonsPage.tsx';
import { type HouseholdFilters, useHouseholds } from './api.ts';
import { HouseholdNewDialog } from './HouseholdNewDialog.tsx';

/** `/households`: houses village by village, each with its members count. */
export default function HouseholdsPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const filters: HouseholdFilters = {
    area: /^\d{2}(\d{2}){0,3}$/.test(params.get('area') ?? '')
      ? (params.get('area') ?? undefined)
      : undefined,
    q: params.get('q')?.trim() || undefined,
  };
  const [q, setQ] = useState(filters.q ?? '');
  const setFilters = (next: HouseholdFilters) => {
    const p = new URLSearchParams();
    if (next.area) p.set('area', next.area);
    if (next.q) p.set('q', next.q);
    setParams(p, { replace: true });
  };
  const applyQ = useDebouncedCallback(
    (text: string) => setFilters({ ...filters, q: text.trim() || undefined }),
    400,
  );
  const list = useHouseholds(filters);
  const canCreate = useCanRegister();
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];

  return (
    <>
      <PageTitle
        title={t('households.title')}
        intro={t('households.intro')}
        actions={canCreate && <HouseholdNewDialog defaultArea={filters.area} />}
      />
      <Stack gap="lg">
        <search aria-label={t('households.filters')}>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <AreaPicker
              label={t('households.area')}
              clearable
              value={filters.area ?? null}
              onChange={(code) => setFilters({ ...filters, area: code ?? undefined })}
            />
            <TextInput
              label={t('households.search')}
              type="search"
              value={q}
              onChange={(e) => {
                setQ(e.currentTarget.value);
                applyQ(e.currentTarget.value);
              }}
            />
          </SimpleGrid>
        </search>
        {list.isPending ? (
          <LoadingState rows={6} />
        ) : list.error && items.length === 0 ? (
          <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />
        ) : items.length === 0 ? (
          filters.area || filters.q ? (
            <Empty title={t('common.noResults')} hint={t('common.noResultsHint')} />
          ) : (
            <Empty title={t('households.empty')} />
          )
        ) : (
          <Stack gap="lg" aria-busy={list.isFetching}>
            <Text c="dimmed" role="status">
              {t('common.shown', { count: items.length })}
            </Text>
            {byVillage(items).map((group) => (
              <VillageGroup key={group.key} code={group.key} items={group.items} />
            ))}
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

/** The server lists by village then house number; group the page under one heading per village. */
function byVillage(items: readonly Household[]) {
  const groups: { key: string; items: Household[] }[] = [];
  for (const h of items) {
    const key = h.address.villageCode ?? h.address.areaCode;
    const last = groups.at(-1);
    if (last && last.key === key) last.items.push(h);
    else groups.push({ key, items: [h] });
  }
  return groups;
}

function VillageGroup({ code, items }: { code: string; items: readonly Household[] }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby={`village-${code}`}>
      <Title order={2} size="h4" id={`village-${code}`} mb="xs">
        <AreaNames codes={[code]} empty={t('households.unknownVillage')} />
      </Title>
      <SimpleGrid
        component="ul"
        cols={{ base: 1, sm: 2, lg: 3 }}
        spacing="sm"
        p={0}
        m={0}
        style={{ listStyle: 'none' }}
      >
        {items.map((h) => (
          <Paper component="li" key={h.id} withBorder p="sm">
            <Anchor component={Link} to={`/households/${h.id}`} fw={700} className="touch">
              {h.address.houseNo
                ? t('households.house', { no: h.address.houseNo })
                : t('households.noHouseNo')}
              {!h.address.villageCode && h.address.villageNo
                ? ` ${t('persons.villageNo', { no: h.address.villageNo })}`
                : ''}
            </Anchor>
            <Group gap="xs">
              <Text size="sm">{t('households.memberCount', { count: h.memberCount })}</Text>
              {h.housingType && (
                <Text size="sm" c="dimmed">
                  · {enumLabel(t, 'housingType', h.housingType)}
                </Text>
              )}
            </Group>
          </Paper>
        ))}
      </SimpleGrid>
    </section>
  );
}
