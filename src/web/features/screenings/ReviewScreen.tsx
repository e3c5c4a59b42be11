import { Box, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import type { ReactNode, Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { getInstrument } from '../../../core/instruments/index.ts';
import { Notice } from '../../components/Notice.tsx';
import type { DraftPart } from './draft.ts';
import { answerText, type Lang, say } from './instruments.ts';
import type { QuestionStep } from './steps.ts';

interface Props {
  parts: readonly DraftPart[];
  steps: readonly QuestionStep[];
  missing: readonly QuestionStep[];
  /** Problems the server found, by step key. */
  itemErrors: Readonly<Record<string, string>>;
  lang: Lang;
  headingRef: Ref<HTMLHeadingElement>;
  onEdit: (key: string) => void;
  /** Back to the last question; no back button without it. */
  onBack?: () => void;
  onSubmit: () => void;
  sending: boolean;
  /** The failure of the last attempt, with what to do about it. */
  failure: ReactNode;
  retrying: boolean;
  /** For another use of the review (a correction): its heading, intro and button. */
  title?: string;
  intro?: string;
  submitLabel?: string;
  /** A line under an answer (a correction shows the answer it replaces). */
  noteFor?: (step: QuestionStep) => ReactNode;
  /** Shown after the answers, before sending. */
  children?: ReactNode;
}

/** Every answer once more before sending, each with a way back to its question. */
export function ReviewScreen(props: Props) {
  const { parts, steps, missing, itemErrors, lang, headingRef, onEdit } = props;
  const { t } = useTranslation();
  const firstMissing = missing[0];

  return (
    <Stack gap="lg">
      <div>
        <Title
          order={2}
          fz={{ base: 'h3', sm: 'h2' }}
          ref={headingRef}
          tabIndex={-1}
          style={{ outline: 'none' }}
        >
          {props.title ?? t('screenings.review.title')}
        </Title>
        <Text c="dimmed">{props.intro ?? t('screenings.review.intro')}</Text>
      </div>
      {parts.map((part, index) => {
        const definition = getInstrument(part.instrument, part.version);
        const own = steps.filter((s) => s.part === index);
        if (!definition || own.length === 0) return null;
        const titleId = `review-part-${part.instrument}`;
        return (
          <section key={part.instrument} aria-labelledby={titleId}>
            <Title order={3} size="h4" id={titleId} mb="xs">
              {say(definition.title, lang)}
              {part.savedId ? ` · ${t('screenings.review.partSaved')}` : ''}
            </Title>
            <Stack component="ol" gap="xs" p={0} m={0} style={{ listStyle: 'none' }}>
              {own.map((step) => {
                const value = part.answers[step.item.code];
                const isMissing = missing.includes(step);
                const problem = itemErrors[step.key];
                const question = say(step.item.text, lang);
                return (
                  <Paper component="li" key={step.key} withBorder p="sm" radius="md">
                    <Group justify="space-between" wrap="nowrap" align="flex-start" gap="sm">
                      <Box style={{ minWidth: 0 }}>
                        <Text size="sm" c="dimmed">
                          {step.number}. {question}
                        </Text>
                        {isMissing ? (
                          <Text fw={700} c="var(--mantine-color-error)">
                            {t('screenings.review.missing')}
                          </Text>
                        ) : (
                          <Text fw={700}>
                            {answerText(step.item, value, lang, t('screenings.flow.nothingNeeded'))}
                          </Text>
                        )}
                        {props.noteFor?.(step)}
                        {problem && (
                          <Text size="sm" fw={700} c="var(--mantine-color-error)">
                            {t('screenings.review.itemError', { message: problem })}
                          </Text>
                        )}
                      </Box>
                      {!part.savedId && (
                        <Button
                          variant="default"
                          size="sm"
                          style={{ flex: 'none' }}
                          onClick={() => onEdit(step.key)}
                          aria-label={t('screenings.review.editItem', { n: step.number, question })}
                        >
                          {t('screenings.review.edit')}
                        </Button>
                      )}
                    </Group>
                  </Paper>
                );
              })}
            </Stack>
          </section>
        );
      })}
      {firstMissing && (
        <Notice color="yellow" title={t('screenings.review.missingCount', { count: missing.length })}>
          <Button mt="xs" size="sm" variant="default" onClick={() => onEdit(firstMissing.key)}>
            {t('screenings.review.goMissing')}
          </Button>
        </Notice>
      )}
      {props.children}
      {props.failure}
      <Stack gap="sm">
        <Button size="lg" onClick={props.onSubmit} loading={props.sending} disabled={missing.length > 0}>
          {props.submitLabel ??
            (props.retrying ? t('screenings.review.retry') : t('screenings.review.submit'))}
        </Button>
        {props.onBack && (
          <Button size="lg" variant="default" onClick={props.onBack}>
            {t('screenings.flow.back')}
          </Button>
        )}
      </Stack>
    </Stack>
  );
}
