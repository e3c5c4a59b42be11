import { Loader, MultiSelect, type OptionsFilter, Select } from '@mantine/core';
import type { TFunction } from 'i18next';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAreaOptions } from '../features/areas/useAreaOptions.ts';

interface CommonProps {
  label: string;
  description?: string;
  error?: ReactNode;
  required?: boolean;
  clearable?: boolean;
}

/** The server already matched Thai and English names: show its answer as it is. */
const keepServerOrder: OptionsFilter = ({ options }) => options;

/** Choose one area by typing its name; shows the full path of each match. */
export function AreaPicker({
  value,
  onChange,
  ...props
}: CommonProps & { value: string | null; onChange: (code: string | null) => void }) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const { options, searching, tooShort } = useAreaOptions(search, value ? [value] : []);

  return (
    <Select
      {...props}
      searchable
      data={options}
      value={value}
      onChange={(code) => onChange(code)}
      searchValue={search}
      onSearchChange={setSearch}
      filter={keepServerOrder}
      placeholder={t('areas.picker.placeholder')}
      nothingFoundMessage={nothingFound(search, searching || tooShort, t)}
      rightSection={searching ? <Loader size="xs" /> : undefined}
      comboboxProps={{ withinPortal: true }}
    />
  );
}

/** Choose several areas (a user's areas of responsibility). */
export function AreaMultiPicker({
  value,
  onChange,
  ...props
}: CommonProps & { value: string[]; onChange: (codes: string[]) => void }) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const { options, searching, tooShort } = useAreaOptions(search, value);

  return (
    <MultiSelect
      {...props}
      searchable
      data={options}
      value={value}
      onChange={onChange}
      searchValue={search}
      onSearchChange={setSearch}
      filter={keepServerOrder}
      placeholder={value.length === 0 ? t('areas.picker.placeholder') : undefined}
      nothingFoundMessage={nothingFound(search, searching || tooShort, t)}
      rightSection={searching ? <Loader size="xs" /> : undefined}
      hidePickedOptions
    />
  );
}

/**
 * Nothing to say until two letters are typed (so an empty dropdown never
 * covers the form), "searching" while the answer is on its way, then "none".
 */
function nothingFound(search: string, pending: boolean, t: TFunction): string | undefined {
  if (search.trim().length < 2) return undefined;
  return pending ? t('common.loading') : t('areas.picker.nothingFound');
}
