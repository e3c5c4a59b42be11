import { Group, Stack, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { type AnswerValue, getInstrument } from '../../../core/instruments/index.ts';
import { ConfirmButton } from '../../components/ConfirmButton.tsx';
import { notifySuccess } from '../../components/notifySuccess.ts';
import { PageTitle } from '../../components/PageTitle.tsx';
import { useCurrentUser } from '../auth/session.ts';
import { screeningKeys } from './api.ts';
import { clearDraft, REVIEW, type ScreeningDraft, saveDraft } from './draft.ts';
import { NEEDS, say, useLang } from './instruments.ts';
import { QuestionScreen } from './QuestionScreen.tsx';
import { ReviewScreen } from './ReviewScreen.tsx';
import { SendFailure } from './SendFailure.tsx';
import { checkStep, stepProblemText } from './stepCheck.ts';
import { missingSteps, questionSteps, resumeIndex, stepKey } from './steps.ts';
import { answerErrors, methodOf, sendDraft } from './submit.ts';

interface Props {
  initial: ScreeningDraft;
  personName: string;
  onRestart: () => void;
}

/** Runs one screening visit: question by question, then the review and the sending. */
export function FlowRunner({ initial, personName, onRestart }: Props) {
  const { t } = useTranslation();
  const lang = useLang();
  const user = useCurrentUser();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [draft, setDraft] = useState(initial);
  const latest = useRef(draft);
  latest.current = draft;
  const [error, setError] = useState<string | null>(null);
  const [fromReview, setFromReview] = useState(false);
  const [failedPart, setFailedPart] = useState<number | null>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const moved = useRef(false);

  const allSteps = useMemo(() => questionSteps(draft.parts), [draft.parts]);
  // A part the server has already stored is not asked again (a resend would return it unchanged).
  const steps = allSteps.filter((s) => !draft.parts[s.part]?.savedId);
  const index = resumeIndex(steps, draft.parts, draft.position);
  const step = steps[index];
  const missing = missingSteps(steps, draft.parts);

  // Every answer goes to the device at once; once all is stored, nothing is written back.
  const done = useRef(false);
  useEffect(() => {
    if (!done.current) saveDraft(user.id, draft);
  }, [user.id, draft]);

  // A new screen: start at its top and let screen readers hear the question.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs when the screen changes
  useEffect(() => {
    if (!moved.current) return;
    window.scrollTo({ top: 0 });
    headingRef.current?.focus();
  }, [draft.position]);

  const send = useMutation({
    // Try even when the phone believes it is offline: the failure is what tells the person to send again.
    networkMode: 'always',
    mutationFn: async () => {
      const takenAt = latest.current.takenAt ?? new Date().toISOString();
      const current = { ...latest.current, takenAt };
      update(() => current);
      return sendDraft(current, methodOf(user.roles), {
        onPartSaved: (i, screening) => {
          queryClient.setQueryData(screeningKeys.detail(screening.id), { ...screening, revisions: [] });
          update((d) => ({
            ...d,
            parts: d.parts.map((p, n) => (n === i ? { ...p, savedId: screening.id } : p)),
          }));
        },
        onPartFailed: setFailedPart,
      });
    },
    onSuccess: ({ ids }) => {
      done.current = true;
      clearDraft(user.id, draft.personId, draft.flow);
      void queryClient.invalidateQueries({
        predicate: (q) => q.queryKey[0] === 'screenings' && q.queryKey[1] !== 'detail',
      });
      notifySuccess(t('screenings.review.saved'));
      const needsIndex = draft.parts.findIndex((p) => p.instrument === NEEDS);
      const needsId = needsIndex > 0 ? ids[needsIndex] : undefined;
      navigate(`/screenings/${ids[0]}${needsId ? `?needs=${needsId}` : ''}`, { replace: true });
    },
  });

  function update(change: (d: ScreeningDraft) => ScreeningDraft) {
    const next = change(latest.current);
    latest.current = next;
    setDraft(next);
  }

  function go(position: string) {
    moved.current = true;
    setError(null);
    update((d) => ({ ...d, position }));
  }

  function setAnswer(value: AnswerValue | undefined) {
    if (!step) return;
    setError(null);
    send.reset();
    update((d) => ({
      ...d,
      parts: d.parts.map((p, n) => {
        if (n !== step.part) return p;
        const answers = { ...p.answers };
        if (value === undefined) delete answers[step.item.code];
        else answers[step.item.code] = value;
        return { ...p, answers };
      }),
    }));
  }

  function next() {
    if (!step) return;
    const part = draft.parts[step.part];
    const answers = part?.answers ?? {};
    const check = checkStep(step.item, answers);
    if (!check.ok) return fail(stepProblemText(t, step.item, check.problem));
    // Passing a needs screen with nothing picked means "asked, nothing needed".
    if (check.fill !== undefined) setAnswer(check.fill);
    const after = steps[index + 1];
    go(fromReview || !after ? REVIEW : after.key);
  }

  function fail(message: string) {
    setError(message);
    requestAnimationFrame(() => headingRef.current?.focus());
  }

  const current = step ? step.definition : getInstrument(draft.flow);
  const title = current ? say(current.title, lang) : draft.flow;
  const percent = steps.length === 0 ? 100 : Math.round((index / steps.length) * 100);
  const problems = failedPart === null ? {} : answerErrors(send.error);
  const failedInstrument = failedPart === null ? '' : (draft.parts[failedPart]?.instrument ?? '');
  const itemErrors = Object.fromEntries(
    Object.entries(problems).map(([code, message]) => [stepKey(failedInstrument, code), message]),
  );

  return (
    <>
      <PageTitle
        title={title}
        intro={personName ? t('screenings.flow.forPerson', { name: personName }) : undefined}
      />
      <Stack gap="lg">
        {step ? (
          <QuestionScreen
            step={step}
            value={draft.parts[step.part]?.answers[step.item.code]}
            onChange={setAnswer}
            percent={percent}
            error={error}
            lang={lang}
            headingRef={headingRef}
            onBack={index > 0 ? () => go(steps[index - 1]?.key ?? REVIEW) : null}
            onNext={next}
            onBackToReview={fromReview ? () => go(REVIEW) : null}
            isLast={index === steps.length - 1}
          />
        ) : (
          <ReviewScreen
            parts={draft.parts}
            steps={allSteps}
            missing={missing}
            itemErrors={itemErrors}
            lang={lang}
            headingRef={headingRef}
            onEdit={(key) => {
              setFromReview(true);
              go(key);
            }}
            onBack={() => {
              setFromReview(false);
              go(steps.at(-1)?.key ?? REVIEW);
            }}
            onSubmit={() => send.mutate()}
            sending={send.isPending}
            failure={
              send.error ? (
                <SendFailure
                  error={send.error}
                  draft={draft}
                  hasItemErrors={Object.keys(itemErrors).length > 0}
                />
              ) : null
            }
            retrying={Boolean(send.error)}
          />
        )}
        <Text size="sm" c="dimmed">
          {t('screenings.flow.draftKept')}
        </Text>
        <Group>
          <ConfirmButton
            label={t('screenings.flow.startOver')}
            question={t('screenings.flow.startOverQuestion')}
            onConfirm={onRestart}
            variant="default"
            size="sm"
          />
        </Group>
      </Stack>
    </>
  );
}
