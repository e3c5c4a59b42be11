import { Group, NativeSelect } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { monthChoices, type ReportParams, thaiNow, yearChoices } from './params.ts';

/** The Buddhist year (this one and a few before) and, if wanted, one month of it. */
export function PeriodFilters({
  params,
  onChange,
}: {
  params: ReportParams;
  onChange: (change: Partial<ReportParams>) => void;
}) {
  const { t, i18n } = useTranslation();
  const now = thaiNow();
  const months = monthChoices(params.yearBE, now);
  const yearText = (yearBE: number) => String(i18n.language === 'en' ? yearBE - 543 : yearBE);

  function pickYear(yearBE: number) {
    const keepMonth = params.month !== null && monthChoices(yearBE, now).includes(params.month);
    onChange({ yearBE, month: keepMonth ? params.month : null });
  }

  return (
    <Group gap="sm" align="flex-end" wrap="wrap">
      <NativeSelect
        label={t('reports.period.year')}
        size="md"
        w={160}
        value={String(params.yearBE)}
        onChange={(e) => pickYear(Number(e.currentTarget.value))}
        data={yearChoices(now.yearBE, params.yearBE).map((y) => ({ value: String(y), label: yearText(y) }))}
      />
      <NativeSelect
        label={t('reports.period.month')}
        size="md"
        w={200}
        value={params.month ? String(params.month) : ''}
        onChange={(e) => onChange({ month: e.currentTarget.value ? Number(e.currentTarget.value) : null })}
        data={[
          { value: '', label: t('reports.period.wholeYear') },
          ...months.map((m) => ({ value: String(m), label: t(`enums.month.${m}` as 'enums.month.1') })),
        ]}
      />
    </Group>
  );
}
