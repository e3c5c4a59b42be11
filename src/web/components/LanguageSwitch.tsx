import { Button } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { toggleLanguage } from '../app/i18n/index.ts';

/**
 * One button that toggles Thai ⇄ English. Its visible text is its whole
 * name, in both languages, so anyone can find it whichever language is on.
 */
export function LanguageSwitch() {
  const { t } = useTranslation();
  return (
    <Button variant="default" size="sm" px="xs" aria-label={t('app.language')} onClick={toggleLanguage}>
      {t('app.language')}
    </Button>
  );
}
