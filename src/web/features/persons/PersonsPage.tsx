import { Button, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { Empty } from '../../components/Empty.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { LoadingState } from '../../components/LoadingState.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { useRegistryAccess } from './access.ts';
import { usePersons } from './api.ts';
import { filtersFrom, filtersTo, hasFilters } from './filters.ts';
import { PersonExportButton } from './PersonExportButton.tsx';
import { PersonFiltersForm } from './PersonFiltersForm.tsx';
import { PersonResults } from './PersonResults.tsx';

/** `/persons`: the registry of the areas the signed-in person looks after. */
export default function PersonsPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const filters = filtersFrom(params);
  const list = usePersons(filters);
  const canRegister = useCanRegister();
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  const register = canRegister && (
    <Button size="md" onClick={() => navigate('/persons/new')}>
      {t('persons.add')}
    </Button>
  );

  return (
    <>
      <PageTitle title={t('persons.title')} intro={t('persons.intro')} actions={register} />
      <Stack gap="lg">
        <PersonFiltersForm
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
            <Empty
              title={t('persons.empty')}
              hint={canRegister ? t('persons.emptyHint') : undefined}
              action={register}
            />
          )
        ) : (
          <Stack gap="sm" aria-busy={list.isFetching}>
            <Group justify="space-between" align="flex-start">
              <Text c="dimmed" role="status">
                {t('common.shown', { count: items.length })}
              </Text>
              <PersonExportButton filters={filters} />
            </Group>
            <PersonResults items={items} />
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

/** Field roles in any of their areas; the server decides for real. */
export function useCanRegister(): boolean {
  return useRegistryAccess().register;
}
