import { Button, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Notice } from '../../components/Notice.tsx';
import { formatCount, formatMean, formatPercent } from './shape.ts';

/** A number hidden for privacy: the word "hidden", with its reason on hover and in the legend. */
export function Hidden() {
  const { t } = useTranslation();
  return (
    <abbr className="report-hidden" title={t('reports.hidden.tip')} data-hidden="true">
      {t('reports.hidden.short')}
    </abbr>
  );
}

/** A count, or "hidden"; never 0 for a hidden one. */
export function Count({ value }: { value: number | null | undefined }) {
  const text = formatCount(value);
  return text === null ? <Hidden /> : text;
}

/** A share; `none` when there is nothing to take a share of (shown as a dash, not as hidden). */
export function Percent({ value, none = false }: { value: number | null | undefined; none?: boolean }) {
  if (none) return <>—</>;
  const text = formatPercent(value);
  return text === null ? <Hidden /> : text;
}

export function Mean({ value }: { value: number | null | undefined }) {
  const text = formatMean(value);
  return text === null ? <Hidden /> : text;
}

/** Under a table or a chart that may hold hidden cells. */
export function HiddenLegend() {
  const { t } = useTranslation();
  return (
    <Text size="sm" c="dimmed">
      {t('reports.hidden.legend')}
    </Text>
  );
}

/** At the top of a report in which something was hidden. */
/** The figures are still being counted: they may grow, so they must not look final. */
export function PendingNotice({ onRefresh }: { onRefresh: () => void }) {
  const { t } = useTranslation();
  return (
    <Notice color="yellow" title={t('reports.pending.title')}>
      <Text size="sm">{t('reports.pending.body')}</Text>
      <Button mt="xs" variant="light" onClick={onRefresh}>
        {t('reports.pending.refresh')}
      </Button>
    </Notice>
  );
}

export function SuppressedNotice() {
  const { t } = useTranslation();
  return (
    <Notice color="blue" title={t('reports.suppressed.title')}>
      <Text size="sm">{t('reports.suppressed.body')}</Text>
    </Notice>
  );
}
