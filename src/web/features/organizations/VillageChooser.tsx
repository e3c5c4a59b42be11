import { Group, Select, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AreaPicker } from '../../components/AreaPicker.tsx';
import { useAreaChildren } from '../areas/api.ts';
import { areaLabel } from '../areas/labels.ts';

interface Props {
  /** The chosen village (8 digits), or null. */
  value: string | null;
  onChange: (village: string | null) => void;
  error?: string;
}

/**
 * A village in two steps: its subdistrict by name (or a village found by name directly), then the
 * village from the subdistrict's list.
 */
export function VillageChooser({ value, onChange, error }: Props) {
  const { t, i18n } = useTranslation();
  const [picked, setPicked] = useState<string | null>(value ? value.slice(0, 6) : null);
  const subdistrict = picked?.length === 6 ? picked : null;
  const villages = useAreaChildren(subdistrict);
  const items = subdistrict ? (villages.data?.pages.flatMap((p) => p.items) ?? []) : [];

  return (
    <Group align="flex-start" gap="sm" grow wrap="wrap">
      <AreaPicker
        label={t('organizations.near.subdistrict')}
        description={t('organizations.near.pickSubdistrict')}
        value={picked}
        error={
          picked && !subdistrict && picked.length !== 8 ? t('organizations.near.notSubdistrict') : undefined
        }
        onChange={(code) => {
          // A village found by its own name is the answer; its subdistrict lists its neighbours.
          setPicked(code && code.length === 8 ? code.slice(0, 6) : code);
          onChange(code && code.length === 8 ? code : null);
        }}
      />
      {subdistrict && !villages.isPending && items.length === 0 ? (
        <Text c="dimmed" size="sm" mt="xl">
          {t('organizations.near.noVillages')}
        </Text>
      ) : (
        <Select
          label={t('organizations.near.village')}
          placeholder={t('organizations.near.villagePlaceholder')}
          disabled={!subdistrict}
          size="md"
          data={items.map((a) => ({ value: a.code, label: areaLabel(a, t, i18n.language) }))}
          value={value}
          onChange={onChange}
          error={error}
          comboboxProps={{ withinPortal: true }}
        />
      )}
    </Group>
  );
}
