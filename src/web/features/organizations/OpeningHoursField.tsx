import { Button, CloseButton, Fieldset, Group, NativeSelect, Stack, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { hoursProblems, type OpeningSession } from '../../../core/services/directory.ts';

const DAYS = [1, 2, 3, 4, 5, 6, 7] as const;
const OFFICE: OpeningSession[] = [1, 2, 3, 4, 5].map((day) => ({ day, opens: '08:30', closes: '16:30' }));

interface Props {
  value: OpeningSession[];
  onChange: (next: OpeningSession[]) => void;
  /** Form errors keyed by path (`openingHours.0.closes`, or `openingHours` from the server). */
  errors: Record<string, unknown>;
}

/**
 * A week of opening sessions, one row each: day, opening and closing time (native time inputs, so
 * the keyboard and screen readers work as everywhere else). The core rules name what is wrong with a
 * row right under it.
 */
export function OpeningHoursField({ value, onChange, errors }: Props) {
  const { t } = useTranslation();
  const problems = new Map(hoursProblems(value.filter(complete)).map((p) => [p.index, p.code]));
  const indexOfComplete = completeIndexes(value);
  const set = (i: number, change: Partial<OpeningSession>) =>
    onChange(value.map((s, k) => (k === i ? { ...s, ...change } : s)));
  const dayName = (day: number) => t(`organizations.day.${day as 1}`);
  const whole = typeof errors.openingHours === 'string' ? errors.openingHours : null;

  return (
    <Fieldset
      legend={t('organizations.field.hours')}
      variant="unstyled"
      p={0}
      styles={{ legend: { fontWeight: 700, fontSize: 'var(--mantine-font-size-md)', marginBottom: 4 } }}
    >
      <Stack gap="xs">
        <Text size="sm" c="dimmed">
          {t('organizations.hours.hint')}
        </Text>
        {value.length === 0 && <Text c="dimmed">{t('organizations.hours.none')}</Text>}
        {value.map((s, i) => {
          const code = problems.get(indexOfComplete.get(i) ?? -1);
          const rowError =
            (code &&
              t(code === 'hours_order' ? 'organizations.hours.order' : 'organizations.hours.overlap')) ||
            (errors[`openingHours.${i}.opens`] || errors[`openingHours.${i}.closes`]
              ? t('organizations.hours.format')
              : null);
          return (
            // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity but their place
            <div key={i}>
              <Group gap="sm" align="flex-end" wrap="wrap">
                <NativeSelect
                  label={t('organizations.hours.day')}
                  size="md"
                  w={150}
                  value={String(s.day)}
                  onChange={(e) => set(i, { day: Number(e.currentTarget.value) })}
                  data={DAYS.map((d) => ({ value: String(d), label: dayName(d) }))}
                />
                <TextInput
                  label={t('organizations.hours.opens')}
                  type="time"
                  size="md"
                  w={130}
                  value={s.opens}
                  onChange={(e) => set(i, { opens: e.currentTarget.value })}
                  error={Boolean(rowError)}
                />
                <TextInput
                  label={t('organizations.hours.closes')}
                  type="time"
                  size="md"
                  w={130}
                  value={s.closes}
                  onChange={(e) => set(i, { closes: e.currentTarget.value })}
                  error={Boolean(rowError)}
                />
                <CloseButton
                  size="lg"
                  mb={4}
                  aria-label={t('organizations.hours.remove', {
                    day: dayName(s.day),
                    opens: s.opens,
                    closes: s.closes,
                  })}
                  onClick={() => onChange(value.filter((_, k) => k !== i))}
                />
              </Group>
              {typeof rowError === 'string' && rowError && (
                <Text c="red.9" size="sm" mt={4} role="alert">
                  {rowError}
                </Text>
              )}
            </div>
          );
        })}
        {whole && (
          <Text c="red.9" size="sm" role="alert">
            {whole}
          </Text>
        )}
        <Group gap="sm">
          <Button variant="default" onClick={() => onChange([...value, nextSession(value)])}>
            {t('organizations.hours.add')}
          </Button>
          {value.length === 0 && (
            <Button variant="subtle" onClick={() => onChange(OFFICE)}>
              {t('organizations.hours.officeHours')}
            </Button>
          )}
        </Group>
      </Stack>
    </Fieldset>
  );
}

const complete = (s: OpeningSession) => /^\d{2}:\d{2}$/.test(s.opens) && /^\d{2}:\d{2}$/.test(s.closes);

/** Row index → index among the complete rows (the ones the core rules can judge). */
function completeIndexes(rows: OpeningSession[]): Map<number, number> {
  const map = new Map<number, number>();
  let k = 0;
  rows.forEach((s, i) => {
    if (complete(s)) map.set(i, k++);
  });
  return map;
}

/** The next day with the last row's times: filling a week is "add" six times. */
function nextSession(rows: OpeningSession[]): OpeningSession {
  const last = rows.at(-1);
  if (!last) return { day: 1, opens: '08:30', closes: '16:30' };
  return { day: last.day === 7 ? 1 : last.day + 1, opens: last.opens, closes: last.closes };
}
