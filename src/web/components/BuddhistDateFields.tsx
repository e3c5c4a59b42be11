import { Checkbox, Fieldset, Group, NativeSelect, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';

export interface BuddhistDateValue {
  day: string;
  month: string | null;
  yearBE: string;
  estimated: boolean;
}

interface Props {
  legend: string;
  value: BuddhistDateValue;
  onChange: (next: Partial<BuddhistDateValue>) => void;
  errors?: { day?: string; month?: string; yearBE?: string };
  /** Shown under the fields when the date is complete, e.g. "อายุ 59 ปี". */
  summary?: string;
  required?: boolean;
}

const MONTHS = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '10', '11', '12'] as const;

/**
 * A date as Thai people say it: day, month by name, and the Buddhist-era
 * year. When only the year is known the day and month go away and the date
 * is marked estimated.
 */
export function BuddhistDateFields({ legend, value, onChange, errors = {}, summary, required }: Props) {
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
      <Group gap="sm" align="flex-start" wrap="wrap">
        {!value.estimated && (
          <>
            <TextInput
              label={t('persons.birth.day')}
              required={required}
              inputMode="numeric"
              autoComplete="off"
              maxLength={2}
              w={80}
              size="md"
              value={value.day}
              onChange={(e) => onChange({ day: digits(e.currentTarget.value, 2) })}
              error={errors.day}
            />
            <NativeSelect
              label={t('persons.birth.month')}
              required={required}
              size="md"
              style={{ flex: '1 1 9rem' }}
              value={value.month ?? ''}
              onChange={(e) => onChange({ month: e.currentTarget.value || null })}
              error={errors.month}
              data={[
                { value: '', label: '—' },
                ...MONTHS.map((m) => ({ value: m, label: t(`enums.month.${m}`) })),
              ]}
            />
          </>
        )}
        <TextInput
          label={t('persons.birth.yearBE')}
          required={required}
          description={t('persons.birth.yearHint')}
          inputMode="numeric"
          autoComplete="off"
          maxLength={4}
          w={170}
          size="md"
          value={value.yearBE}
          onChange={(e) => onChange({ yearBE: digits(e.currentTarget.value, 4) })}
          error={errors.yearBE}
        />
      </Group>
      <Checkbox
        mt="sm"
        label={t('persons.birth.estimated')}
        checked={value.estimated}
        onChange={(e) => onChange({ estimated: e.currentTarget.checked })}
      />
      {summary && (
        <Text mt="xs" fw={600} aria-live="polite">
          {summary}
        </Text>
      )}
    </Fieldset>
  );
}
