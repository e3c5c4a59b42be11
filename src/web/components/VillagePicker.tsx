import { Select, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useAreaChildren } from '../features/areas/api.ts';
import { areaLabel } from '../features/areas/labels.ts';

interface Props {
  /** The subdistrict (6 digits) whose villages to offer. */
  subdistrict: string;
  villageCode: string | null;
  villageNo: string;
  onVillageCode: (code: string | null) => void;
  onVillageNo: (no: string) => void;
  error?: string;
}

/**
 * The village (หมู่) of a subdistrict: a list when its villages are
 * registered, the village number otherwise, so work never waits for the list.
 */
export function VillagePicker({
  subdistrict,
  villageCode,
  villageNo,
  onVillageCode,
  onVillageNo,
  error,
}: Props) {
  const { t, i18n } = useTranslation();
  const villages = useAreaChildren(subdistrict);
  const items = villages.data?.pages.flatMap((p) => p.items) ?? [];

  if (villages.isPending) return null;
  if (items.length === 0) {
    return (
      <TextInput
        label={t('persons.field.villageNo')}
        inputMode="numeric"
        maxLength={2}
        size="md"
        w={160}
        value={villageNo}
        onChange={(e) => onVillageNo(e.currentTarget.value.replace(/\D/g, ''))}
        error={error}
      />
    );
  }
  return (
    <Select
      label={t('persons.address.village')}
      placeholder={t('persons.address.villagePlaceholder')}
      clearable
      size="md"
      data={items.map((a) => ({ value: a.code, label: areaLabel(a, t, i18n.language) }))}
      value={villageCode}
      onChange={onVillageCode}
      error={error}
      comboboxProps={{ withinPortal: true }}
    />
  );
}
