import { Anchor, Box, Button } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { getInstrument } from '../../../core/instruments/index.ts';
import { Empty } from '../../components/Empty.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { useCurrentUser } from '../auth/session.ts';
import { usePerson } from '../persons/api.ts';
import { personName } from '../persons/labels.ts';
import { answeredCount, clearDraft, loadDraft, newDraft, type ScreeningDraft } from './draft.ts';
import { FlowRunner } from './FlowRunner.tsx';
import { say, useLang, WELLBEING } from './instruments.ts';
import { ResumePrompt } from './ResumePrompt.tsx';

/**
 * `/persons/:id/screen/:instrument`: the phone-first screening, one question
 * per screen. The well-being screening goes on with the needs survey.
 */
export default function ScreeningFlowPage() {
  const { id = '', instrument = WELLBEING } = useParams();
  return <Flow key={`${id}:${instrument}`} personId={id} flow={instrument} />;
}

type Mode =
  | { kind: 'prompt'; stored: ScreeningDraft }
  | { kind: 'run'; draft: ScreeningDraft; restored: boolean };

function Flow({ personId, flow }: { personId: string; flow: string }) {
  const { t } = useTranslation();
  const lang = useLang();
  const user = useCurrentUser();
  const person = usePerson(personId);
  const name = person.data ? personName(person.data, t) : '';
  const [mode, setMode] = useState<Mode | null>(() => {
    const stored = loadDraft(user.id, personId, flow);
    if (stored && answeredCount(stored) > 0) return { kind: 'prompt', stored };
    const fresh = stored ?? newDraft(personId, flow);
    return fresh ? { kind: 'run', draft: fresh, restored: false } : null;
  });
  const [runKey, setRunKey] = useState(0);
  const definition = getInstrument(flow);

  const back = (
    <Anchor component={Link} to={`/persons/${personId}`} size="sm" mb="xs" display="inline-block">
      ← {name || t('persons.title')}
    </Anchor>
  );

  if (!mode || !definition) {
    return (
      <Box maw={560}>
        {back}
        <PageTitle title={t('screenings.flow.unknownInstrument')} />
        <Empty
          title={t('screenings.flow.unknownInstrument')}
          hint={t('screenings.flow.unknownHint')}
          action={
            <Button component={Link} to={`/persons/${personId}/screen`}>
              {t('screenings.flow.chooseInstrument')}
            </Button>
          }
        />
      </Box>
    );
  }

  function restart() {
    clearDraft(user.id, personId, flow);
    const fresh = newDraft(personId, flow);
    if (fresh) setMode({ kind: 'run', draft: fresh, restored: false });
    setRunKey((k) => k + 1);
  }

  if (mode.kind === 'prompt') {
    return (
      <Box maw={560}>
        {back}
        <PageTitle
          title={say(definition.title, lang)}
          intro={name ? t('screenings.flow.forPerson', { name }) : undefined}
        />
        <ResumePrompt
          draft={mode.stored}
          onContinue={() => setMode({ kind: 'run', draft: mode.stored, restored: true })}
          onRestart={restart}
        />
      </Box>
    );
  }

  return (
    <Box maw={560}>
      {back}
      <FlowRunner key={runKey} initial={mode.draft} personName={name} onRestart={restart} />
    </Box>
  );
}
