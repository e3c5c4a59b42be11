import { Button, Collapse, Group, Select, SimpleGrid, TextInput } from '@mantine/core';
import { useDebouncedCallback, useDisclosure, useMediaQuery } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { organizationServices, organizationTypes } from '../../../core/schemas/organization.ts';
import { AreaPicker } from '../../components/AreaPicker.tsx';
import { hasFilters, type OrganizationFilters, type OrganizationSort, sorts } from './filters.ts';

interface Props {
  filters: OrganizationFilters;
  onChange: (next: OrganizationFilters) => void;
}

/** Search, type, area, service and sort; every change applies at once (search after a pause). */
export function OrganizationFiltersForm({ filters, onChange }: Props) {
  const { t } = useTranslation();
  const [q, setQ] = useState(filters.q ?? '');
  const wide = useMediaQuery('(min-width: 48em)', true, { getInitialValueInEffect: false });
  const active = [filters.type, filters.area, filters.service].filter(Boolean).length;
  const [more, { toggle }] = useDisclosure(active > 0);
  const applyQ = useDebouncedCallback(
    (text: string) => onChange({ ...filters, q: text.trim() || undefined }),
    400,
  );
  const sortLabels: Record<OrganizationSort, string> = {
    name: t('organizations.sortName'),
    '-name': t('organizations.sortNameDesc'),
    '-createdAt': t('organizations.sortNewest'),
    createdAt: t('organizations.sortOldest'),
  };

  return (
    <search aria-label={t('organizations.filters')}>
      <form onSubmit={(e) => e.preventDefault()}>
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="sm">
          <TextInput
            label={t('organizations.search')}
            type="search"
            value={q}
            onChange={(e) => {
              setQ(e.currentTarget.value);
              applyQ(e.currentTarget.value);
            }}
          />
          {!wide && (
            <Group>
              <Button variant="default" onClick={toggle} aria-expanded={more} aria-controls="more-filters">
                {t('organizations.moreFilters')}
                {active > 0 ? ` (${active})` : ''}
              </Button>
            </Group>
          )}
        </SimpleGrid>
        <Collapse expanded={wide || more} id="more-filters">
          <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="sm" mt="sm">
            <Select
              label={t('organizations.field.type')}
              placeholder={t('common.all')}
              clearable
              data={organizationTypes.map((v) => ({ value: v, label: t(`enums.organizationType.${v}`) }))}
              value={filters.type ?? null}
              onChange={(v) => onChange({ ...filters, type: organizationTypes.find((x) => x === v) })}
            />
            <AreaPicker
              label={t('organizations.field.area')}
              clearable
              value={filters.area ?? null}
              onChange={(code) => onChange({ ...filters, area: code ?? undefined })}
            />
            <Select
              label={t('organizations.field.services')}
              placeholder={t('common.all')}
              clearable
              data={organizationServices.map((v) => ({ value: v, label: t(`enums.service.${v}`) }))}
              value={filters.service ?? null}
              onChange={(v) => onChange({ ...filters, service: organizationServices.find((x) => x === v) })}
            />
            <Select
              label={t('organizations.sort')}
              allowDeselect={false}
              data={sorts.map((v) => ({ value: v, label: sortLabels[v] }))}
              value={filters.sort}
              onChange={(v) => onChange({ ...filters, sort: sorts.find((x) => x === v) ?? 'name' })}
            />
            {hasFilters(filters) && (
              <Group align="flex-end">
                <Button
                  variant="default"
                  onClick={() => {
                    setQ('');
                    onChange({ sort: filters.sort });
                  }}
                >
                  {t('common.clearFilters')}
                </Button>
              </Group>
            )}
          </SimpleGrid>
        </Collapse>
      </form>
    </search>
  );
}
