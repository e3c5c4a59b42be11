import { Button, List, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ScoredResponse } from '../../../core/instruments/index.ts';
import { Notice } from '../../components/Notice.tsx';
import { instrumentTitle, type Lang, shortTitle, WELLBEING } from './instruments.ts';
import { flagText, reasonText } from './words.ts';

interface Props {
  instrument: string;
  scored: Pick<ScoredResponse, 'flags' | 'followUps'>;
  personId: string;
  lang: Lang;
  /** False for a result worked out on the phone and not stored yet: no alert has gone anywhere. */
  saved: boolean;
  headingOrder: 2 | 3 | 4;
}

/** Red flags in plain words, then what happens next: follow-up instruments, urgent action, the alert. */
export function NextSteps({ instrument, scored, personId, lang, saved, headingOrder }: Props) {
  const { t } = useTranslation();
  const urgent = scored.followUps.filter((f) => f.urgent && !f.instrument);
  const due = scored.followUps.filter((f) => f.instrument);
  const alerted = scored.flags.length > 0 || urgent.length > 0;

  return (
    <>
      {scored.flags.length > 0 && (
        <section aria-labelledby="result-flags">
          <Title order={headingOrder} size="h3" id="result-flags" mb="xs">
            {t('screenings.result.flags')}
          </Title>
          <Notice color="red" title={t('screenings.result.urgent')}>
            <List mt={4} spacing={4}>
              {scored.flags.map((flag) => (
                <List.Item key={flag}>
                  <Text fw={700}>{flagText(t, flag)}</Text>
                </List.Item>
              ))}
            </List>
          </Notice>
        </section>
      )}
      <section aria-labelledby="result-next">
        <Title order={headingOrder} size="h3" id="result-next" mb="xs">
          {t('screenings.result.next')}
        </Title>
        <Stack gap="sm">
          {urgent.map((f) => (
            <Notice key={f.reason} color="red" title={t('screenings.result.urgent')} role="alert">
              <Text size="sm">{reasonText(t, f.reason)}</Text>
            </Notice>
          ))}
          {due.map((f) => {
            const code = f.instrument ?? '';
            return (
              <Notice
                key={code}
                color="blue"
                title={t('screenings.result.followUp', { title: instrumentTitle(code, lang) })}
              >
                <Stack gap="xs" align="flex-start">
                  <Text size="sm">{reasonText(t, f.reason)}</Text>
                  {saved && (
                    <Button component={Link} to={`/persons/${personId}/screen/${code}`} size="md">
                      {t('screenings.result.doNow', { title: shortTitle(code, lang) })}
                    </Button>
                  )}
                </Stack>
              </Notice>
            );
          })}
          {alerted && (
            <Text fw={700}>
              {saved ? t('screenings.result.alertSent') : t('screenings.result.alertWillSend')}
            </Text>
          )}
          {!alerted && due.length === 0 && (
            <Text>
              {instrument === WELLBEING
                ? t('screenings.result.nothingNext')
                : t('screenings.result.nothingNextOnce')}
            </Text>
          )}
        </Stack>
      </section>
    </>
  );
}
