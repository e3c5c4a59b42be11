import { Badge, Button, Group, Progress, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { type Ref, useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { AnswerValue } from '../../../core/instruments/index.ts';
import { AnswerInput } from './AnswerInput.tsx';
import { type Lang, say } from './instruments.ts';
import type { QuestionStep } from './steps.ts';

interface Props {
  step: QuestionStep;
  value: AnswerValue | undefined;
  onChange: (value: AnswerValue | undefined) => void;
  /** 0–100 over every screen of the visit. */
  percent: number;
  error: string | null;
  lang: Lang;
  headingRef: Ref<HTMLHeadingElement>;
  onBack: (() => void) | null;
  onNext: () => void;
  /** Set when the question was opened from the review: the way back there. */
  onBackToReview: (() => void) | null;
  isLast: boolean;
}

/** One question on one screen: where we are, the question, its answers, back and next. */
export function QuestionScreen(props: Props) {
  const { step, value, onChange, percent, error, lang, headingRef, onBack, onNext, onBackToReview } = props;
  const { t } = useTranslation();
  const headingId = useId();
  const errorId = useId();
  const helpId = useId();
  const { item, definition } = step;
  const dimension = definition.scoring.dimensions.find((d) => d.code === item.dimension);
  const describedBy = [item.help ? helpId : '', error ? errorId : ''].filter(Boolean).join(' ') || undefined;

  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        onNext();
      }}
    >
      <Stack gap="md">
        <Stack gap={6}>
          <Group justify="space-between" gap="xs">
            <Text fw={700}>{t('screenings.flow.progress', { n: step.number, total: step.ofPart })}</Text>
            {dimension && item.kind !== 'multi' && (
              <Badge variant="light" color="gray" size="md">
                {say(dimension.label, lang)}
              </Badge>
            )}
          </Group>
          <Progress value={percent} size="md" aria-label={t('screenings.flow.progressLabel')} />
        </Stack>
        <Title
          order={2}
          fz={{ base: 'h3', sm: 'h2' }}
          id={headingId}
          ref={headingRef}
          tabIndex={-1}
          style={{ outline: 'none' }}
          lh={1.45}
        >
          {say(item.text, lang)}
        </Title>
        {item.help && (
          <Text id={helpId} c="dimmed">
            {say(item.help, lang)}
          </Text>
        )}
        {item.kind === 'multi' && <Text c="dimmed">{t('screenings.flow.pickAny')}</Text>}
        <AnswerInput
          key={step.key}
          item={item}
          value={value}
          onChange={onChange}
          lang={lang}
          labelledBy={headingId}
          describedBy={describedBy}
          invalid={Boolean(error)}
        />
        {error && (
          <Text id={errorId} c="var(--mantine-color-error)" fw={700} role="alert">
            {error}
          </Text>
        )}
        <SimpleGrid cols={onBack ? 2 : 1} spacing="sm">
          {onBack && (
            <Button size="lg" variant="default" onClick={onBack}>
              {t('screenings.flow.back')}
            </Button>
          )}
          <Button size="lg" type="submit">
            {props.isLast ? t('screenings.flow.toReview') : t('screenings.flow.next')}
          </Button>
        </SimpleGrid>
        {onBackToReview && (
          <Button variant="subtle" onClick={onBackToReview}>
            {t('screenings.flow.backToReview')}
          </Button>
        )}
      </Stack>
    </form>
  );
}
