import { MultiSelect } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useOrganizationSearch } from '../../organizations/api.ts';

interface Props {
  label: string;
  value: string[];
  onChange: (ids: string[]) => void;
  error?: string;
}

/** Choose the partner agencies a person agrees to share with, by typing their names. */
export function AgencyPicker({ label, value, onChange, error }: Props) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search.trim(), 300);
  const [known, setKnown] = useState<Record<string, string>>({});
  const found = useOrganizationSearch(debounced);
  const hits = found.data?.items ?? [];
  const options = [
    ...value.map((id) => ({ value: id, label: known[id] ?? id })),
    ...hits.filter((o) => !value.includes(o.id)).map((o) => ({ value: o.id, label: o.name })),
  ];

  return (
    <MultiSelect
      label={label}
      required
      searchable
      data={options}
      value={value}
      onChange={(ids) => {
        setKnown((k) => ({ ...k, ...Object.fromEntries(hits.map((o) => [o.id, o.name])) }));
        onChange(ids);
      }}
      searchValue={search}
      onSearchChange={setSearch}
      filter={({ options: all }) => all}
      placeholder={value.length === 0 ? t('persons.consent.agenciesPlaceholder') : undefined}
      nothingFoundMessage={t('common.noResults')}
      error={error}
      comboboxProps={{ withinPortal: true }}
      hidePickedOptions
    />
  );
}
