import {
  Button,
  Checkbox,
  CloseButton,
  Fieldset,
  Group,
  Paper,
  SimpleGrid,
  Stack,
  Text,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AreaPicker } from '../../components/AreaPicker.tsx';
import { useArea, useAreaChildren } from '../areas/api.ts';
import { areaLabel } from '../areas/labels.ts';

interface Props {
  /** The organisation's own area: its province bounds the catchment; its subdistrict opens first. */
  areaCode: string | null;
  value: string[];
  onChange: (next: string[]) => void;
  error?: string;
}

/**
 * The villages a centre serves: pick a subdistrict, tick its villages (checkboxes, so the keyboard
 * works); the chosen ones stay listed by subdistrict, each removable.
 */
export function CatchmentField({ areaCode, value, onChange, error }: Props) {
  const { t } = useTranslation();
  const home = areaCode && areaCode.length >= 6 ? areaCode.slice(0, 6) : null;
  const [subdistrict, setSubdistrict] = useState<string | null>(home);
  const chosenSubdistricts = [...new Set(value.map((code) => code.slice(0, 6)))];
  const outside = Boolean(areaCode && subdistrict && !subdistrict.startsWith(areaCode.slice(0, 2)));

  return (
    <Fieldset
      legend={t('organizations.field.catchment')}
      variant="unstyled"
      p={0}
      styles={{ legend: { fontWeight: 700, fontSize: 'var(--mantine-font-size-md)', marginBottom: 4 } }}
    >
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          {t('organizations.catchment.hint')}
        </Text>
        <AreaPicker
          label={t('organizations.catchment.subdistrict')}
          value={subdistrict}
          onChange={(code) => setSubdistrict(code && code.length >= 6 ? code.slice(0, 6) : code)}
          error={
            outside
              ? t('organizations.catchment.outside')
              : subdistrict && subdistrict.length !== 6
                ? t('organizations.near.notSubdistrict')
                : undefined
          }
        />
        {subdistrict?.length === 6 && !outside && (
          <VillageTicks subdistrict={subdistrict} value={value} onChange={onChange} />
        )}
        <Text fw={600} aria-live="polite">
          {value.length === 0
            ? t('organizations.catchment.none')
            : t('organizations.catchment.chosen', { count: value.length })}
        </Text>
        {chosenSubdistricts.map((code) => (
          <ChosenIn key={code} subdistrict={code} value={value} onChange={onChange} />
        ))}
        {error && (
          <Text c="red.9" size="sm" role="alert">
            {error}
          </Text>
        )}
      </Stack>
    </Fieldset>
  );
}

function useVillages(subdistrict: string) {
  const villages = useAreaChildren(subdistrict);
  return { ...villages, items: villages.data?.pages.flatMap((p) => p.items) ?? [] };
}

/** The villages of one subdistrict as checkboxes, with "all" and "none" for that subdistrict. */
function VillageTicks({
  subdistrict,
  value,
  onChange,
}: Omit<Props, 'areaCode' | 'error'> & { subdistrict: string }) {
  const { t, i18n } = useTranslation();
  const area = useArea(subdistrict).data;
  const { items, isPending } = useVillages(subdistrict);
  if (isPending) return null;
  if (items.length === 0) return <Text c="dimmed">{t('organizations.near.noVillages')}</Text>;
  const codes = items.map((a) => a.code);
  const others = value.filter((code) => !codes.includes(code));
  return (
    <Paper withBorder p="sm" radius="md">
      <Checkbox.Group
        label={area ? areaLabel(area, t, i18n.language) : subdistrict}
        value={value.filter((code) => codes.includes(code))}
        onChange={(picked) => onChange([...others, ...codes.filter((c) => picked.includes(c))])}
      >
        <SimpleGrid cols={{ base: 1, xs: 2, md: 3 }} spacing="xs" mt="xs">
          {items.map((a) => (
            <Checkbox key={a.code} value={a.code} size="md" label={areaLabel(a, t, i18n.language)} />
          ))}
        </SimpleGrid>
      </Checkbox.Group>
      <Group gap="sm" mt="sm">
        <Button variant="default" size="sm" onClick={() => onChange([...others, ...codes])}>
          {t('organizations.catchment.selectAll')}
        </Button>
        <Button variant="subtle" size="sm" onClick={() => onChange(others)}>
          {t('organizations.catchment.clearAll')}
        </Button>
      </Group>
    </Paper>
  );
}

/** The villages served, by subdistrict, for reading. */
export function CatchmentList({ value, empty }: { value: readonly string[]; empty: string }) {
  if (value.length === 0) return <>{empty}</>;
  return (
    <Stack gap={4}>
      {[...new Set(value.map((code) => code.slice(0, 6)))].map((code) => (
        <ChosenIn key={code} subdistrict={code} value={[...value]} />
      ))}
    </Stack>
  );
}

/** The chosen villages of one subdistrict, each with a button that takes it out (when editable). */
function ChosenIn({
  subdistrict,
  value,
  onChange,
}: {
  subdistrict: string;
  value: string[];
  onChange?: (next: string[]) => void;
}) {
  const { t, i18n } = useTranslation();
  const area = useArea(subdistrict).data;
  const { items } = useVillages(subdistrict);
  const names = new Map(items.map((a) => [a.code, areaLabel(a, t, i18n.language)]));
  const mine = value.filter((code) => code.startsWith(subdistrict));
  return (
    <Group gap="xs" wrap="wrap">
      <Text size="sm" fw={600}>
        {area ? areaLabel(area, t, i18n.language) : subdistrict}:
      </Text>
      {mine.map((code) => {
        const name = names.get(code) ?? code;
        return (
          <Group key={code} gap={2} wrap="nowrap" bg="gray.1" px="xs" style={{ borderRadius: 16 }}>
            <Text size="sm">{name}</Text>
            {onChange && (
              <CloseButton
                size="sm"
                aria-label={t('organizations.catchment.remove', { name })}
                onClick={() => onChange(value.filter((c) => c !== code))}
              />
            )}
          </Group>
        );
      })}
    </Group>
  );
}
