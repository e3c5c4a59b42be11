import { Loader, Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Person } from '../../../core/schemas/index.ts';
import { usePersonSearch } from './api.ts';
import { houseLine, personName } from './labels.ts';

interface Props {
  label: string;
  value: string | null;
  onChange: (id: string | null, person: Person | null) => void;
  /** Only people of this area (a code covers everything beneath it). */
  area?: string;
  /** People who may not be chosen (the record itself, current members). */
  exclude?: readonly string[];
  error?: string;
  required?: boolean;
}

/** Choose a person by typing part of a name, an ID number or a phone number. */
export function PersonSelect({ label, value, onChange, area, exclude = [], error, required }: Props) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [chosen, setChosen] = useState<Person | null>(null);
  const [debounced] = useDebouncedValue(search.trim(), 300);
  const typedChoice = chosen !== null && optionLabel(chosen) === debounced;
  const found = usePersonSearch(typedChoice ? '' : debounced, area);
  const people = (found.data?.items ?? []).filter((p) => !exclude.includes(p.id));
  const options = people.map((p) => ({ value: p.id, label: optionLabel(p) }));
  if (chosen && chosen.id === value && !options.some((o) => o.value === chosen.id)) {
    options.unshift({ value: chosen.id, label: optionLabel(chosen) });
  }

  function optionLabel(p: Person) {
    return `${personName(p, t)} · ${t('persons.age', { count: p.age })} · ${houseLine(t, p.address)}`;
  }

  return (
    <Select
      label={label}
      required={required}
      searchable
      clearable
      data={options}
      value={value}
      searchValue={search}
      onSearchChange={setSearch}
      filter={({ options: all }) => all}
      onChange={(id) => {
        const person = people.find((p) => p.id === id) ?? (chosen?.id === id ? chosen : null);
        setChosen(person);
        onChange(id, person);
      }}
      placeholder={t('persons.merge.targetPlaceholder')}
      nothingFoundMessage={
        debounced.length < 2
          ? t('persons.picker.hint')
          : found.isFetching
            ? t('common.loading')
            : t('persons.picker.nothingFound')
      }
      rightSection={found.isFetching ? <Loader size="xs" /> : undefined}
      error={error}
      comboboxProps={{ withinPortal: true }}
    />
  );
}
