import { Button, Group, SegmentedControl, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { Empty } from '../../components/Empty.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { LoadingState } from '../../components/LoadingState.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { useCan, useCurrentUser } from '../auth/session.ts';
import { useOrganizations } from './api.ts';
import { ExportButton } from './ExportButton.tsx';
import { filtersFrom, filtersTo, hasFilters, isNearMode, nearFrom, nearTo } from './filters.ts';
import { NearSearch } from './NearSearch.tsx';
import { OrganizationFiltersForm } from './OrganizationFiltersForm.tsx';
import { OrganizationResults } from './OrganizationResults.tsx';

export default function OrganizationsPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const canCreate = useCanCreateOrganization();
  const near = isNearMode(params);

  return (
    <>
      <PageTitle
        title={t('organizations.title')}
        intro={t('organizations.intro')}
        actions={
          canCreate && (
            <Button onClick={() => navigate('/organizations/new')}>{t('organizations.add')}</Button>
          )
        }
      />
      <SegmentedControl
        mb="lg"
        size="md"
        fullWidth
        aria-label={t('organizations.mode.label')}
        value={near ? 'near' : 'all'}
        onChange={(v) => setParams(v === 'near' ? nearTo({}) : new URLSearchParams(), { replace: true })}
        data={[
          { value: 'all', label: t('organizations.mode.all') },
          { value: 'near', label: t('organizations.mode.near') },
        ]}
      />
      {near ? (
        <NearSearch
          filters={nearFrom(params)}
          onChange={(next) => setParams(nearTo(next), { replace: true })}
        />
      ) : (
        <AllOrganizations params={params} setParams={setParams} />
      )}
    </>
  );
}

/** The whole directory, filtered and sorted (the list as it always was). */
function AllOrganizations({
  params,
  setParams,
}: {
  params: URLSearchParams;
  setParams: ReturnType<typeof useSearchParams>[1];
}) {
  const { t } = useTranslation();
  const filters = filtersFrom(params);
  const list = useOrganizations(filters);
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <Stack gap="lg">
      <OrganizationFiltersForm
        filters={filters}
        onChange={(next) => setParams(filtersTo(next), { replace: true })}
      />
      {list.isPending ? (
        <LoadingState rows={6} />
      ) : list.error && items.length === 0 ? (
        <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />
      ) : items.length === 0 ? (
        hasFilters(filters) ? (
          <Empty title={t('common.noResults')} hint={t('common.noResultsHint')} />
        ) : (
          <Empty title={t('organizations.empty')} />
        )
      ) : (
        <Stack gap="sm" aria-busy={list.isFetching}>
          <Group justify="space-between" align="flex-start">
            <Text c="dimmed" role="status">
              {t('common.shown', { count: items.length })}
            </Text>
            <ExportButton filters={filters} />
          </Group>
          <OrganizationResults items={items} />
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

/** Operators anywhere; area admins inside their areas. The server decides for real. */
export function useCanCreateOrganization(): boolean {
  const can = useCan();
  const user = useCurrentUser();
  return (
    can({ action: 'organization.create', areaCode: '' }) ||
    user.areaCodes.some((areaCode) => can({ action: 'organization.create', areaCode }))
  );
}
