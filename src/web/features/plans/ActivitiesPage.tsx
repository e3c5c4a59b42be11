import {
  Anchor,
  Badge,
  Button,
  Group,
  NativeSelect,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { activityModes, planDimensions } from '../../../core/schemas/plan.ts';
import { Empty } from '../../components/Empty.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { LoadingState } from '../../components/LoadingState.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { useCan, useCurrentUser } from '../auth/session.ts';
import { useActivities } from './api.ts';
import { AddressesLine, activityDescription, activityTitle, dimensionLabel, useLang } from './parts.tsx';

/** Who may add to the library: operators (platform-wide) and area admins (their area's own). */
export function useCanAddActivity(): boolean {
  const user = useCurrentUser();
  const can = useCan();
  return (
    can({ action: 'activity.create', areaCode: null }) ||
    user.areaCodes.some((areaCode) => can({ action: 'activity.create', areaCode }))
  );
}

/** `/activities`: the library of proven activities plans are made from. */
export default function ActivitiesPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const canAdd = useCanAddActivity();
  const [params, setParams] = useSearchParams();
  const dimension = params.get('dimension') ?? '';
  const mode = params.get('mode') ?? '';
  const q = params.get('q') ?? '';
  const [debounced] = useDebouncedValue(q.trim(), 300);
  const list = useActivities({ dimension, mode, q: debounced });
  const items = (list.data?.pages ?? []).flatMap((p) => p.items);

  const setFilter = (name: string, value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(name, value);
    else next.delete(name);
    setParams(next, { replace: true });
  };

  return (
    <>
      <PageTitle
        title={t('plans.library.title')}
        intro={t('plans.library.intro')}
        actions={
          canAdd && (
            <Button component={Link} to="/activities/new">
              {t('plans.library.add')}
            </Button>
          )
        }
      />
      <Stack gap="md">
        <SimpleGrid
          cols={{ base: 1, sm: 3 }}
          spacing="sm"
          role="search"
          aria-label={t('plans.library.filters')}
        >
          <TextInput
            size="md"
            label={t('plans.library.search')}
            value={q}
            onChange={(e) => setFilter('q', e.currentTarget.value)}
          />
          <NativeSelect
            size="md"
            label={t('plans.library.dimension')}
            value={dimension}
            onChange={(e) => setFilter('dimension', e.currentTarget.value)}
            data={[
              { value: '', label: t('common.all') },
              ...planDimensions.map((d) => ({ value: d, label: dimensionLabel(t, d) })),
            ]}
          />
          <NativeSelect
            size="md"
            label={t('plans.library.mode')}
            value={mode}
            onChange={(e) => setFilter('mode', e.currentTarget.value)}
            data={[
              { value: '', label: t('common.all') },
              ...activityModes.map((m) => ({ value: m, label: t(`plans.mode.${m}`) })),
            ]}
          />
        </SimpleGrid>
        {list.isPending ? (
          <LoadingState rows={5} />
        ) : list.error ? (
          <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />
        ) : items.length === 0 ? (
          <Empty title={t('common.noResults')} hint={t('common.noResultsHint')} />
        ) : (
          <SimpleGrid
            component="ul"
            cols={{ base: 1, sm: 2 }}
            spacing="sm"
            p={0}
            m={0}
            style={{ listStyle: 'none' }}
          >
            {items.map((a) => (
              <Paper component="li" key={a.id} withBorder p="sm" radius="md" data-activity={a.id}>
                <Stack gap={6}>
                  <Anchor component={Link} to={`/activities/${a.id}`} fw={700} fz="lg">
                    {activityTitle(a, lang)}
                  </Anchor>
                  <Group gap={6}>
                    <Badge variant="light" styles={{ label: { textTransform: 'none' } }}>
                      {dimensionLabel(t, a.dimension)}
                    </Badge>
                    {a.modes.map((m) => (
                      <Badge
                        key={m}
                        variant="outline"
                        color="gray"
                        styles={{ label: { textTransform: 'none' } }}
                      >
                        {t(`plans.mode.${m}`)}
                      </Badge>
                    ))}
                  </Group>
                  <Text size="sm" lineClamp={3}>
                    {activityDescription(a, lang)}
                  </Text>
                  <AddressesLine codes={a.addresses} />
                </Stack>
              </Paper>
            ))}
          </SimpleGrid>
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
    </>
  );
}
