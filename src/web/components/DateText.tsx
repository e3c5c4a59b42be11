import { useTranslation } from 'react-i18next';
import { formatDate } from '../../core/thai/buddhistEra.ts';

/** An ISO date shown in the Buddhist era in Thai, the common era in English. */
export function DateText({
  value,
  withTime = false,
}: {
  value: string | null | undefined;
  withTime?: boolean;
}) {
  const { t, i18n } = useTranslation();
  if (!value) return <>{t('common.none')}</>;
  const lang = i18n.language === 'en' ? 'en' : 'th';
  return <time dateTime={value}>{formatDate(value, lang, { withTime })}</time>;
}
