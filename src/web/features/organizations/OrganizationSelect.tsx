import { Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useOrganization, useOrganizationSearch } from './api.ts';

interface Props {
  label: string;
  value: string | null;
  /** The chosen organisation's name, known before the search has run. */
  valueLabel?: string | null;
  onChange: (id: string | null) => void;
  error?: string;
  placeholder?: string;
}

/** Choose an organisation by typing part of its name. */
export function OrganizationSelect({ label, value, valueLabel, onChange, error, placeholder }: Props) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search.trim(), 300);
  const [chosen, setChosen] = useState<{ value: string; label: string } | null>(
    value && valueLabel ? { value, label: valueLabel } : null,
  );
  const typedChoice = chosen?.label === debounced;
  const found = useOrganizationSearch(typedChoice ? '' : debounced);

  const known = chosen?.value === value ? chosen : null;
  const looked = useOrganization(value && !known ? value : undefined).data;
  const current = known ?? (looked && looked.id === value ? { value: looked.id, label: looked.name } : null);

  const options = (found.data?.items ?? []).map((o) => ({ value: o.id, label: o.name }));
  if (current && !options.some((o) => o.value === current.value)) options.unshift(current);

  return (
    <Select
      label={label}
      placeholder={placeholder ?? t('users.organizationPlaceholder')}
      searchable
      clearable
      data={options}
      value={value}
      searchValue={search}
      onSearchChange={setSearch}
      filter={({ options: all }) => all}
      onChange={(id, option) => {
        setChosen(id && option ? { value: id, label: option.label } : null);
        onChange(id);
      }}
      nothingFoundMessage={t('common.noResults')}
      error={error}
    />
  );
}
