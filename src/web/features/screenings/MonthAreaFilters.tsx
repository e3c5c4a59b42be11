import { Group, NativeSelect } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { AreaPicker } from '../../components/AreaPicker.tsx';
import { useCurrentUser } from '../auth/session.ts';
import { useLang } from './instruments.ts';
import { currentMonth, isMonth, monthChoices, monthLong } from './month.ts';

/** The month (Buddhist era) and area of a monthly list, kept in the address so a reload keeps them. */
export function useMonthArea() {
  const [params, setParams] = useSearchParams();
  const user = useCurrentUser();
  const month = isMonth(params.get('month')) ? (params.get('month') as string) : currentMonth();
  const area = params.get('area') ?? user.areaCodes[0] ?? '';
  const set = (change: { month?: string; area?: string | null }) => {
    const next = new URLSearchParams(params);
    if (change.month) next.set('month', change.month);
    if (change.area !== undefined) {
      if (change.area) next.set('area', change.area);
      else next.delete('area');
    }
    setParams(next, { replace: true });
  };
  return { month, area, set };
}

export function MonthAreaFilters({
  month,
  area,
  onChange,
}: {
  month: string;
  area: string;
  onChange: (change: { month?: string; area?: string | null }) => void;
}) {
  const { t } = useTranslation();
  const lang = useLang();
  const monthName = (m: number) => t(`enums.month.${m}` as never);
  const now = currentMonth();
  const choices = monthChoices(now, 23, 1);
  if (!choices.includes(month)) choices.push(month);

  return (
    <Group
      component="form"
      role="search"
      aria-label={t('screenings.due.filters')}
      gap="sm"
      align="flex-end"
      wrap="wrap"
      onSubmit={(e) => e.preventDefault()}
    >
      <NativeSelect
        label={t('screenings.due.month')}
        size="md"
        style={{ flex: '1 1 12rem' }}
        value={month}
        onChange={(e) => onChange({ month: e.currentTarget.value })}
        data={choices.map((m) => ({ value: m, label: monthLong(m, lang, monthName) }))}
      />
      <div style={{ flex: '2 1 16rem' }}>
        <AreaPicker
          label={t('screenings.due.area')}
          value={area || null}
          onChange={(code) => onChange({ area: code })}
        />
      </div>
    </Group>
  );
}
