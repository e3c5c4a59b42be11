import { Fieldset, Group, NativeSelect, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { BuddhistDate } from './endDate.ts';

const MONTHS = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '10', '11', '12'] as const;

/** The group's end date: day, month by name, Buddhist-era year; all three empty means no end. */
export function EndDateFields({
  value,
  onChange,
  error,
}: {
  value: BuddhistDate;
  onChange: (next: BuddhistDate) => void;
  error?: string;
}) {
  const { t } = useTranslation();
  const digits = (text: string, max: number) =>
    text
      .replace(/[๐-๙]/g, (d) => String(d.charCodeAt(0) - 0x0e50))
      .replace(/\D/g, '')
      .slice(0, max);
  return (
    <Fieldset
      legend={t('groups.form.endDate')}
      variant="unstyled"
      p={0}
      styles={{ legend: { fontWeight: 700, fontSize: 'var(--mantine-font-size-md)', marginBottom: 4 } }}
    >
      <Text size="sm" c="dimmed" mb="xs">
        {t('groups.form.endDateHint')}
      </Text>
      <Group gap="sm" align="flex-start" wrap="wrap">
        <TextInput
          label={t('groups.form.day')}
          inputMode="numeric"
          autoComplete="off"
          maxLength={2}
          w={80}
          size="md"
          value={value.day}
          onChange={(e) => onChange({ ...value, day: digits(e.currentTarget.value, 2) })}
          error={Boolean(error)}
        />
        <NativeSelect
          label={t('groups.form.month')}
          size="md"
          style={{ flex: '1 1 9rem' }}
          value={value.month}
          onChange={(e) => onChange({ ...value, month: e.currentTarget.value })}
          error={Boolean(error)}
          data={[
            { value: '', label: '—' },
            ...MONTHS.map((m) => ({ value: m, label: t(`enums.month.${m}`) })),
          ]}
        />
        <TextInput
          label={t('groups.form.yearBE')}
          inputMode="numeric"
          autoComplete="off"
          maxLength={4}
          w={150}
          size="md"
          value={value.yearBE}
          onChange={(e) => onChange({ ...value, yearBE: digits(e.currentTarget.value, 4) })}
          error={Boolean(error)}
        />
      </Group>
      {error && (
        <Text c="red.9" size="sm" mt={4} role="alert">
          {error}
        </Text>
      )}
    </Fieldset>
  );
}
