import { Button, Collapse, Group, Select, SimpleGrid, TextInput } from '@mantine/core';
import { useDebouncedCallback, useDisclosure, useMediaQuery } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { sexes, vulnerabilityTypes } from '../../../core/schemas/person.ts';
import { AreaPicker } from '../../components/AreaPicker.tsx';
import { ageBandKeys, hasFilters, type PersonFilters } from './filters.ts';
import { enumOptions } from './labels.ts';

interface Props {
  filters: PersonFilters;
  onChange: (next: PersonFilters) => void;
}

/** Search, area, vulnerability, sex and age; every change applies at once (search after a pause). */
export function PersonFiltersForm({ filters, onChange }: Props) {
  const { t } = useTranslation();
  const [q, setQ] = useState(filters.q ?? '');
  const wide = useMediaQuery('(min-width: 48em)', true, { getInitialValueInEffect: false });
  const active = [filters.area, filters.vulnerability, filters.sex, filters.age].filter(Boolean).length;
  const [more, { toggle }] = useDisclosure(active > 0);
  const applyQ = useDebouncedCallback(
    (text: string) => onChange({ ...filters, q: text.trim() || undefined }),
    400,
  );

  return (
    <search aria-label={t('persons.filters')}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          onChange({ ...filters, q: q.trim() || undefined });
        }}
      >
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="sm">
          <TextInput
            label={t('persons.search')}
            description={t('persons.searchHint')}
            type="search"
            value={q}
            onChange={(e) => {
              setQ(e.currentTarget.value);
              applyQ(e.currentTarget.value);
            }}
          />
          {!wide && (
            <Group>
              <Button variant="default" onClick={toggle} aria-expanded={more} aria-controls="person-filters">
                {t('persons.moreFilters')}
                {active > 0 ? ` (${active})` : ''}
              </Button>
            </Group>
          )}
        </SimpleGrid>
        <Collapse expanded={wide || more} id="person-filters">
          <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} spacing="sm" mt="sm">
            <AreaPicker
              label={t('persons.field.area')}
              clearable
              value={filters.area ?? null}
              onChange={(code) => onChange({ ...filters, area: code ?? undefined })}
            />
            <Select
              label={t('persons.field.vulnerability')}
              placeholder={t('common.all')}
              clearable
              data={enumOptions(t, 'vulnerability')}
              value={filters.vulnerability ?? null}
              onChange={(v) =>
                onChange({ ...filters, vulnerability: vulnerabilityTypes.find((x) => x === v) })
              }
            />
            <Select
              label={t('persons.field.sex')}
              placeholder={t('common.all')}
              clearable
              data={enumOptions(t, 'sex')}
              value={filters.sex ?? null}
              onChange={(v) => onChange({ ...filters, sex: sexes.find((x) => x === v) })}
            />
            <Select
              label={t('persons.ageBand')}
              placeholder={t('common.all')}
              clearable
              data={ageBandKeys.map((k) => ({ value: k, label: t(`persons.ageBands.${k}`) }))}
              value={filters.age ?? null}
              onChange={(v) => onChange({ ...filters, age: ageBandKeys.find((x) => x === v) })}
            />
          </SimpleGrid>
          {hasFilters(filters) && (
            <Group mt="sm">
              <Button
                variant="default"
                onClick={() => {
                  setQ('');
                  onChange({});
                }}
              >
                {t('common.clearFilters')}
              </Button>
            </Group>
          )}
        </Collapse>
      </form>
    </search>
  );
}
