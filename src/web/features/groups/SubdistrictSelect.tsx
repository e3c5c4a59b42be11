import { Select } from '@mantine/core';
import { useQueries } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Area } from '../../../core/schemas/index.ts';
import { get, type Page } from '../../app/api.ts';
import { AreaPicker } from '../../components/AreaPicker.tsx';
import { areaKeys } from '../areas/api.ts';
import { areaLabel } from '../areas/labels.ts';

interface Props {
  /** The admin's areas; a district covers its subdistricts. Null: anywhere (operators). */
  scopes: readonly string[] | null;
  value: string | null;
  onChange: (code: string | null) => void;
  error?: string;
}

/**
 * The subdistrict a group works in, limited to the admin's own areas: their
 * subdistricts, and those of their districts. Operators, and admins of a
 * whole province, search the area tree instead.
 */
export function SubdistrictSelect({ scopes, value, onChange, error }: Props) {
  const { t, i18n } = useTranslation();
  const wide = scopes === null || scopes.some((s) => s.length < 4);
  const parents = wide
    ? []
    : [
        ...new Set(
          (scopes ?? []).filter((s) => s.length <= 6).map((s) => (s.length === 6 ? s.slice(0, 4) : s)),
        ),
      ];
  const results = useQueries({
    queries: parents.map((parent) => ({
      queryKey: [...areaKeys.children(parent), 'all'],
      queryFn: ({ signal }: { signal: AbortSignal }) =>
        get<Page<Area>>('/areas', { parent, limit: 500 }, signal),
      staleTime: 5 * 60_000,
    })),
  });
  if (wide) {
    return (
      <AreaPicker
        label={t('groups.form.subdistrict')}
        required
        value={value}
        onChange={(code) => onChange(code && code.length === 6 ? code : null)}
        error={error}
      />
    );
  }
  const allowed = (code: string) => (scopes ?? []).some((s) => code.startsWith(s));
  const options = results
    .flatMap((r) => r.data?.items ?? [])
    .filter((a) => a.level === 'subdistrict' && allowed(a.code))
    .map((a) => ({ value: a.code, label: areaLabel(a, t, i18n.language) }));
  return (
    <Select
      label={t('groups.form.subdistrict')}
      description={t('groups.form.subdistrictHint')}
      required
      size="md"
      data={options}
      value={value}
      onChange={onChange}
      error={error}
      disabled={results.some((r) => r.isPending)}
      comboboxProps={{ withinPortal: true }}
    />
  );
}
