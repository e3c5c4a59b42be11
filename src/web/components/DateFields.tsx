import { Fieldset, Group, NativeSelect, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { BuddhistDate } from './buddhistDate.ts';

const MONTHS = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '10', '11', '12'] as const;

/**
 * An optional date as Thai people say it: day, month by name, Buddhist-era year; all three empty means
 * none. (A birth date, which may be only a year, has BuddhistDateFields.)
 */
export function DateFields({
  legend,
  hint,
  value,
  onChange,
  error,
}: {
  legend: string;
  /** Said under the legend, e.g. what the date means. */
  hint?: string;
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
      legend={legend}
      variant="unstyled"
      p={0}
      styles={{ legend: { fontWeight: 700, fontSize: 'var(--mantine-font-size-md)', marginBottom: 4 } }}
    >
      {hint && (
        <Text size="sm" c="dimmed" mb="xs">
          {hint}
        </Text>
      )}
      <Group gap="sm" align="flex-start" wrap="wrap">
        <TextInput
          label={t('common.date.day')}
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
          label={t('common.date.month')}
          size="md"
          style={{ flex: '1 1 8rem' }}
          value={value.month}
          onChange={(e) => onChange({ ...value, month: e.currentTarget.value })}
          error={Boolean(error)}
          data={[
            { value: '', label: '—' },
            ...MONTHS.map((m) => ({ value: m, label: t(`enums.month.${m}`) })),
          ]}
        />
        <TextInput
          label={t('common.date.yearBE')}
          inputMode="numeric"
          autoComplete="off"
          maxLength={4}
          w={110}
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
