import { Stack, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Answers, InstrumentDefinition, ScoredResponse } from '../../../core/instruments/index.ts';
import type { Lang } from './instruments.ts';
import { NeedsList } from './NeedsList.tsx';
import { NextSteps } from './NextSteps.tsx';
import { Measures, TrafficLights } from './TrafficLights.tsx';

interface Props {
  definition: InstrumentDefinition;
  scored: Pick<ScoredResponse, 'results' | 'scores' | 'flags' | 'followUps'>;
  personId: string;
  lang: Lang;
  saved: boolean;
  /** The needs survey taken with the well-being screening. */
  needs?: { definition: InstrumentDefinition; answers: Answers } | null;
  headingOrder?: 2 | 3 | 4;
}

/** A result: the traffic lights, the measures, red flags, what happens next and the needs. */
export function ResultView({ definition, scored, personId, lang, saved, needs, headingOrder = 2 }: Props) {
  const { t } = useTranslation();
  const hasLights = scored.results.length > 0;
  return (
    <Stack gap="lg">
      {hasLights && (
        <section aria-labelledby="result-levels">
          <Title order={headingOrder} size="h3" id="result-levels" mb="xs">
            {t('screenings.result.levels')}
          </Title>
          <Stack gap="sm">
            <TrafficLights definition={definition} scored={scored} lang={lang} />
            <Measures definition={definition} scored={scored} lang={lang} />
          </Stack>
        </section>
      )}
      {!hasLights && (
        <section aria-labelledby="result-measures">
          <Title order={headingOrder} size="h3" id="result-measures" mb="xs">
            {t('screenings.result.measures')}
          </Title>
          <Measures definition={definition} scored={scored} lang={lang} />
        </section>
      )}
      <NextSteps
        instrument={definition.code}
        scored={scored}
        personId={personId}
        lang={lang}
        saved={saved}
        headingOrder={headingOrder}
      />
      {needs && (
        <section aria-labelledby="result-needs">
          <Title order={headingOrder} size="h3" id="result-needs" mb="xs">
            {t('screenings.result.needs')}
          </Title>
          <NeedsList definition={needs.definition} answers={needs.answers} lang={lang} />
        </section>
      )}
    </Stack>
  );
}
