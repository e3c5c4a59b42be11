import { Button, Stack, Text, Title } from '@mantine/core';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../../core/thai/buddhistEra.ts';
import { answeredCount, type ScreeningDraft } from './draft.ts';
import { useLang } from './instruments.ts';

/** A half-done screening is waiting: continue it, or throw it away and start again. */
export function ResumePrompt({
  draft,
  onContinue,
  onRestart,
}: {
  draft: ScreeningDraft;
  onContinue: () => void;
  onRestart: () => void;
}) {
  const { t } = useTranslation();
  const lang = useLang();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const when = draft.savedAt
    ? formatDate(new Date(draft.savedAt).toISOString(), lang, { withTime: true })
    : '';

  return (
    <Stack gap="md">
      <div>
        <Title order={2} fz="h3" ref={heading} tabIndex={-1} style={{ outline: 'none' }}>
          {t('screenings.resume.title')}
        </Title>
        <Text>{t('screenings.resume.body', { count: answeredCount(draft), when })}</Text>
      </div>
      <Button size="lg" onClick={onContinue}>
        {t('screenings.resume.continue')}
      </Button>
      <Button size="lg" variant="default" onClick={onRestart}>
        {t('screenings.resume.restart')}
      </Button>
    </Stack>
  );
}
