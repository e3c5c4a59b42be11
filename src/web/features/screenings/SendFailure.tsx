import { Paper, Stack, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { getInstrument, scoreResponse } from '../../../core/instruments/index.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { Notice } from '../../components/Notice.tsx';
import type { ScreeningDraft } from './draft.ts';
import { answersToSend, NEEDS, useLang } from './instruments.ts';
import { ResultView } from './ResultView.tsx';
import { isRetryable } from './submit.ts';

/**
 * Why the sending failed and what to do. Without a connection the answers
 * stay on the phone to be sent again, and the result is worked out here with
 * the same scoring as the server's, so the visit can still end with it.
 */
export function SendFailure({
  error,
  draft,
  hasItemErrors,
}: {
  error: unknown;
  draft: ScreeningDraft;
  hasItemErrors: boolean;
}) {
  const { t } = useTranslation();
  const lang = useLang();
  if (hasItemErrors) return <Notice color="red" role="alert" title={t('screenings.review.refused')} />;
  if (!isRetryable(error)) return <ErrorAlert error={error} />;

  const [main] = draft.parts;
  const definition = main && getInstrument(main.instrument, main.version);
  const outcome = definition ? scoreResponse(definition, answersToSend(definition, main.answers)) : null;
  const needsPart = draft.parts.find((p) => p.instrument === NEEDS);
  const needsDefinition = needsPart && getInstrument(needsPart.instrument, needsPart.version);

  return (
    <Stack gap="md">
      <Notice color="red" role="alert" title={t('screenings.review.offline')} />
      {definition && outcome?.ok && (
        <Paper withBorder p="md" radius="md" component="section" aria-labelledby="preview-title">
          <Title order={3} size="h4" id="preview-title" mb="sm">
            {t('screenings.review.preview')}
          </Title>
          <ResultView
            definition={definition}
            scored={outcome.scored}
            personId={draft.personId}
            lang={lang}
            saved={false}
            needs={
              needsPart && needsDefinition
                ? { definition: needsDefinition, answers: needsPart.answers }
                : null
            }
            headingOrder={4}
          />
        </Paper>
      )}
    </Stack>
  );
}
