import { Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useOrganization, useOrganizationSearch } from '../organizations/api.ts';

interface Props {
  label: string;
  value: string | null;
  onChange: (id: string | null) => void;
  error?: string;
}

/** One organisation, found by typing its name; the chosen one keeps its name while another is searched. */
export function OrganizationSelect({ label, value, onChange, error }: Props) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search.trim(), 300);
  const chosen = useOrganization(value ?? undefined);
  const found = useOrganizationSearch(debounced);
  const hits = found.data?.items ?? [];
  const options = [
    ...(value ? [{ value, label: chosen.data?.name ?? '…' }] : []),
    ...hits.filter((o) => o.id !== value).map((o) => ({ value: o.id, label: o.name })),
  ];

  return (
    <Select
      label={label}
      required
      searchable
      size="md"
      data={options}
      value={value}
      onChange={onChange}
      searchValue={search}
      onSearchChange={setSearch}
      filter={({ options: all }) => all}
      placeholder={t('assistance.record.organizationPlaceholder')}
      nothingFoundMessage={t('common.noResults')}
      error={error}
      comboboxProps={{ withinPortal: true }}
    />
  );
}
