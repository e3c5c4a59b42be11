import { Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useActivities } from './api.ts';
import { activityTitle, dimensionLabel, useLang } from './parts.tsx';
import type { Activity } from './types.ts';

/** Add any activity of the library by typing part of its name. */
export function LibraryAdder({
  onAdd,
  exclude,
}: {
  onAdd: (activity: Activity) => void;
  exclude: ReadonlySet<string>;
}) {
  const { t } = useTranslation();
  const lang = useLang();
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search.trim(), 300);
  const found = useActivities({ dimension: '', mode: '', q: debounced });
  const items = (found.data?.pages ?? []).flatMap((p) => p.items).filter((a) => !exclude.has(a.id));

  return (
    <Select
      size="md"
      label={t('plans.editor.addFromLibrary')}
      description={t('plans.editor.addFromLibraryHint')}
      placeholder={t('plans.editor.searchLibrary')}
      searchable
      data={items.map((a) => ({
        value: a.id,
        label: `${activityTitle(a, lang)} (${dimensionLabel(t, a.dimension)})`,
      }))}
      value={null}
      searchValue={search}
      onSearchChange={setSearch}
      filter={({ options }) => options}
      onChange={(id) => {
        const activity = items.find((a) => a.id === id);
        if (activity) onAdd(activity);
        setSearch('');
      }}
      nothingFoundMessage={found.isFetching ? t('common.loading') : t('common.noResults')}
    />
  );
}
