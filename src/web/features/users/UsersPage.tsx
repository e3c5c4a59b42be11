import { Button, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { roles } from '../../../core/schemas/user.ts';
import { Empty } from '../../components/Empty.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { LoadingState } from '../../components/LoadingState.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { useCan } from '../auth/session.ts';
import { OrganizationSelect } from '../organizations/OrganizationSelect.tsx';
import { type UserFilters, useUsers } from './api.ts';
import { UserResults } from './UserResults.tsx';

function filtersFrom(params: URLSearchParams): UserFilters {
  const disabled = params.get('disabled');
  return {
    q: params.get('q')?.trim() || undefined,
    role: roles.find((r) => r === params.get('role')),
    organizationId: params.get('organizationId') || undefined,
    disabled: disabled === 'true' || disabled === 'false' ? disabled : undefined,
  };
}

export default function UsersPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const filters = filtersFrom(params);
  const list = useUsers(filters);
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  const [q, setQ] = useState(filters.q ?? '');
  const allowed = useCan()({ action: 'user.list' });

  const apply = (next: UserFilters) => {
    const out = new URLSearchParams();
    for (const [k, v] of Object.entries(next)) if (v) out.set(k, v);
    setParams(out, { replace: true });
  };
  const applyQ = useDebouncedCallback(
    (text: string) => apply({ ...filters, q: text.trim() || undefined }),
    400,
  );
  const filtered = Boolean(filters.q || filters.role || filters.organizationId || filters.disabled);

  return (
    <>
      <PageTitle
        title={t('users.title')}
        intro={t('users.intro')}
        actions={allowed && <Button onClick={() => navigate('/users/new')}>{t('users.add')}</Button>}
      />
      <Stack gap="lg">
        {allowed && (
          <search aria-label={t('organizations.filters')}>
            <form onSubmit={(e) => e.preventDefault()}>
              <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} spacing="sm">
                <TextInput
                  label={t('users.search')}
                  type="search"
                  value={q}
                  onChange={(e) => {
                    setQ(e.currentTarget.value);
                    applyQ(e.currentTarget.value);
                  }}
                />
                <Select
                  label={t('users.field.roles')}
                  placeholder={t('common.all')}
                  clearable
                  data={roles.map((r) => ({ value: r, label: t(`enums.role.${r}`) }))}
                  value={filters.role ?? null}
                  onChange={(v) => apply({ ...filters, role: roles.find((r) => r === v) })}
                />
                <OrganizationSelect
                  label={t('users.field.organization')}
                  placeholder={t('common.all')}
                  value={filters.organizationId ?? null}
                  onChange={(id) => apply({ ...filters, organizationId: id ?? undefined })}
                />
                <Select
                  label={t('users.status')}
                  placeholder={t('common.all')}
                  clearable
                  data={[
                    { value: 'false', label: t('users.active') },
                    { value: 'true', label: t('users.disabledStatus') },
                  ]}
                  value={filters.disabled ?? null}
                  onChange={(v) =>
                    apply({ ...filters, disabled: v === 'true' || v === 'false' ? v : undefined })
                  }
                />
              </SimpleGrid>
            </form>
          </search>
        )}
        {list.isPending ? (
          <LoadingState rows={6} />
        ) : list.error && items.length === 0 ? (
          <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />
        ) : items.length === 0 ? (
          <Empty
            title={filtered ? t('common.noResults') : t('users.empty')}
            hint={filtered ? t('common.noResultsHint') : undefined}
          />
        ) : (
          <Stack gap="sm" aria-busy={list.isFetching}>
            <Text c="dimmed" role="status">
              {t('common.shown', { count: items.length })}
            </Text>
            <UserResults items={items} />
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
