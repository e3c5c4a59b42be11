import { Group, List, Paper, Stack, Text, Textarea, Title } from '@mantine/core';
import type { Ref } from 'react';
import { useTranslation } from 'react-i18next';
import type { InstrumentDefinition, ScoredResponse } from '../../../core/instruments/index.ts';
import { LevelIcon } from '../../components/LevelIcon.tsx';
import { Notice } from '../../components/Notice.tsx';
import { type AnswerChange, flagChanges, REASON_MAX, resultChanges } from './correction.ts';
import { answerText, type Lang, say } from './instruments.ts';
import { dimensionText, flagText } from './words.ts';

type Scored = Pick<ScoredResponse, 'results' | 'scores' | 'flags'>;

interface Props {
  definition: InstrumentDefinition;
  changes: readonly AnswerChange[];
  before: Scored;
  /** The new answers scored on this device; null while a question is missing. */
  after: Scored | null;
  lang: Lang;
  reason: string;
  onReason: (reason: string) => void;
  reasonError: string | null;
  reasonRef: Ref<HTMLTextAreaElement>;
  /** Shown when sending was tried with no answer changed. */
  nothingChanged: boolean;
}

const round = (n: number | undefined) => (n === undefined ? '–' : String(Math.round(n * 10) / 10));

/**
 * Before the correction is saved: each changed answer from → to, how the
 * results move (scored here, as the server will score them), and the reason.
 */
export function CorrectionSummary(props: Props) {
  const { definition, changes, before, after, lang, reasonError } = props;
  const { t } = useTranslation();
  const none = t('correction.notAsked');
  const moved = after ? resultChanges(definition, before, after) : [];
  const flags = after ? flagChanges(before.flags, after.flags) : { added: [], removed: [] };
  const dimensionLabel = (code: string) => {
    const d = definition.scoring.dimensions.find((x) => x.code === code);
    return d ? say(d.label, lang) : dimensionText(t, code);
  };

  return (
    <Paper
      withBorder
      p="md"
      radius="md"
      component="section"
      aria-labelledby="correction-changes"
      id="correction-summary"
    >
      <Stack gap="md">
        <Title order={3} size="h4" id="correction-changes">
          {t('correction.changes')}
        </Title>
        {changes.length === 0 ? (
          <Text
            fw={props.nothingChanged ? 700 : 400}
            c={props.nothingChanged ? 'var(--mantine-color-error)' : undefined}
            role={props.nothingChanged ? 'alert' : undefined}
          >
            {t('correction.noChanges')}
          </Text>
        ) : (
          <Stack
            component="ul"
            gap="xs"
            p={0}
            m={0}
            style={{ listStyle: 'none' }}
            data-testid="correction-changes"
          >
            {changes.map((c) => (
              <li key={c.item.code}>
                <Text size="sm" c="dimmed">
                  {say(c.item.text, lang)}
                </Text>
                <Text fw={700}>
                  {t('correction.answerLine', {
                    before: answerText(c.item, c.before, lang, none),
                    after: answerText(c.item, c.after, lang, none),
                  })}
                </Text>
              </li>
            ))}
          </Stack>
        )}
        {after && changes.length > 0 && (
          <section aria-labelledby="correction-result">
            <Title order={4} size="h5" id="correction-result" mb="xs">
              {t('correction.newResult')}
            </Title>
            <Stack gap="xs">
              <Stack component="ul" gap={6} p={0} m={0} style={{ listStyle: 'none' }}>
                {moved.map((m) => (
                  <li
                    key={m.dimension}
                    data-dimension={m.dimension}
                    data-level={m.after?.level}
                    data-changed={m.levelChanged}
                  >
                    <Group gap="xs" wrap="nowrap" align="flex-start">
                      {m.after && <LevelIcon level={m.after.level} size={22} />}
                      <Text size="sm" fw={m.levelChanged ? 700 : 400}>
                        {dimensionLabel(m.dimension)}:{' '}
                        {m.before && m.after
                          ? m.levelChanged
                            ? `${say(m.before.label, lang)} (${round(m.beforeScore)}) → ${say(m.after.label, lang)} (${round(m.afterScore)})`
                            : `${say(m.after.label, lang)} (${round(m.beforeScore)} → ${round(m.afterScore)})`
                          : `${round(m.beforeScore)} → ${round(m.afterScore)}`}
                      </Text>
                    </Group>
                  </li>
                ))}
              </Stack>
              {!moved.some((m) => m.levelChanged || m.scoreChanged) && (
                <Text size="sm">{t('correction.resultSame')}</Text>
              )}
              {(flags.added.length > 0 || flags.removed.length > 0) && (
                <Notice color={flags.added.length > 0 ? 'red' : 'blue'} title={t('screenings.result.flags')}>
                  <List size="sm" spacing={2} mt={4}>
                    {flags.added.map((f) => (
                      <List.Item key={`+${f}`}>
                        {t('correction.flagAdded', { flag: flagText(t, f) })}
                      </List.Item>
                    ))}
                    {flags.removed.map((f) => (
                      <List.Item key={`-${f}`}>
                        {t('correction.flagRemoved', { flag: flagText(t, f) })}
                      </List.Item>
                    ))}
                  </List>
                  {flags.added.length > 0 && (
                    <Text size="sm" mt={4}>
                      {t('correction.alertNote')}
                    </Text>
                  )}
                </Notice>
              )}
            </Stack>
          </section>
        )}
        <Textarea
          ref={props.reasonRef}
          label={t('correction.reason')}
          description={t('correction.reasonHint')}
          required
          size="md"
          autosize
          minRows={2}
          maxLength={REASON_MAX}
          value={props.reason}
          onChange={(e) => props.onReason(e.currentTarget.value)}
          error={reasonError}
        />
      </Stack>
    </Paper>
  );
}
