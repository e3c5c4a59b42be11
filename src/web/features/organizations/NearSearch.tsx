import { Button, Select, SimpleGrid, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { organizationServices } from '../../../core/schemas/organization.ts';
import { Empty } from '../../components/Empty.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { LoadingState } from '../../components/LoadingState.tsx';
import { useNearOrganizations } from './api.ts';
import { DirectoryResults } from './DirectoryResults.tsx';
import type { NearFilters } from './filters.ts';
import { VillageChooser } from './VillageChooser.tsx';

interface Props {
  filters: NearFilters;
  onChange: (next: NearFilters) => void;
}

/** "Who offers dental care near this village": the service, the village, then the ranked answer. */
export function NearSearch({ filters, onChange }: Props) {
  const { t } = useTranslation();
  const list = useNearOrganizations(filters);
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];

  return (
    <Stack gap="lg">
      <search aria-label={t('organizations.mode.near')}>
        <Stack gap="sm">
          <Text c="dimmed">{t('organizations.near.intro')}</Text>
          <SimpleGrid cols={{ base: 1, md: 2 }} spacing="sm">
            <Select
              label={t('organizations.near.service')}
              placeholder={t('organizations.near.anyService')}
              clearable
              size="md"
              data={organizationServices.map((v) => ({ value: v, label: t(`enums.service.${v}`) }))}
              value={filters.service ?? null}
              onChange={(v) => onChange({ ...filters, service: organizationServices.find((x) => x === v) })}
            />
          </SimpleGrid>
          <VillageChooser
            value={filters.near ?? null}
            onChange={(near) => onChange({ ...filters, near: near ?? undefined })}
          />
        </Stack>
      </search>
      {!filters.near ? (
        <Empty title={t('organizations.near.chooseVillage')} />
      ) : list.isPending ? (
        <LoadingState rows={4} />
      ) : list.error && items.length === 0 ? (
        <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />
      ) : items.length === 0 ? (
        <Empty title={t('organizations.near.empty')} />
      ) : (
        <Stack gap="sm" aria-busy={list.isFetching}>
          <Text c="dimmed" role="status">
            {t('organizations.near.found', { count: items.length })}
          </Text>
          <DirectoryResults items={items} />
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
  );
}
