import { Anchor, Box, Button, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { getInstrument } from '../../../core/instruments/index.ts';
import { formatDate } from '../../../core/thai/buddhistEra.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { LoadingState } from '../../components/LoadingState.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { usePerson } from '../persons/api.ts';
import { personName } from '../persons/labels.ts';
import { useScreening } from './api.ts';
import { CorrectionLink } from './CorrectionLink.tsx';
import { NEEDS, say, useLang } from './instruments.ts';
import { ResultView } from './ResultView.tsx';
import { RevisionsSection } from './RevisionsSection.tsx';

/** `/screenings/:id[?needs=ID]`: a stored result with its traffic lights and what happens next. */
export default function ScreeningResultPage() {
  const { id = '' } = useParams();
  const [params] = useSearchParams();
  const { t } = useTranslation();
  const lang = useLang();
  const screening = useScreening(id);
  const needsId = params.get('needs');
  const needs = useScreening(needsId);
  const person = usePerson(screening.data?.personId);

  if (screening.isPending) return <LoadingState rows={6} />;
  if (screening.error) {
    return (
      <>
        <PageTitle title={t('screenings.result.title')} />
        <ErrorAlert error={screening.error} onRetry={() => void screening.refetch()} />
      </>
    );
  }

  const s = screening.data;
  const definition = getInstrument(s.instrument, s.version);
  const needsDefinition = needs.data ? getInstrument(NEEDS, needs.data.version) : undefined;
  const name = person.data ? personName(person.data, t) : '';
  const profile = `/persons/${s.personId}`;

  return (
    <Box maw={640}>
      <Anchor component={Link} to={profile} size="sm" mb="xs" display="inline-block">
        ← {name || t('persons.title')}
      </Anchor>
      <PageTitle
        title={t('screenings.result.title')}
        intro={[definition ? say(definition.title, lang) : s.instrument, name].filter(Boolean).join(' · ')}
      />
      <Stack gap="lg">
        <Text>
          {t('screenings.result.takenAt', { date: formatDate(s.takenAt, lang, { withTime: true }) })}
          {' · '}
          {t('screenings.result.method', { method: t(`screenings.method.${s.method}`) })}
          {s.revision > 1 ? ` · ${t('screenings.result.revision', { count: s.revision - 1 })}` : ''}
        </Text>
        {definition ? (
          <ResultView
            definition={definition}
            scored={s}
            personId={s.personId}
            lang={lang}
            saved
            needs={
              needs.data && needsDefinition
                ? { definition: needsDefinition, answers: needs.data.answers }
                : null
            }
          />
        ) : (
          <ErrorAlert error={null} />
        )}
        {needs.error && <ErrorAlert error={needs.error} onRetry={() => void needs.refetch()} />}
        {definition && <RevisionsSection screening={s} definition={definition} lang={lang} />}
        <Stack gap="sm">
          <Button component={Link} to={profile} size="lg">
            {t('screenings.result.backToPerson')}
          </Button>
          <Button component={Link} to={`${profile}/screen`} size="lg" variant="default">
            {t('screenings.result.another')}
          </Button>
          <CorrectionLink
            screeningId={s.id}
            person={person.data}
            search={needsId ? `?needs=${needsId}` : ''}
          />
        </Stack>
      </Stack>
    </Box>
  );
}
