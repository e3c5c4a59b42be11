import { Anchor, Badge, Box, Group, Stack, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import {
  type AnswerValue,
  getInstrument,
  type InstrumentDefinition,
  scoreResponse,
} from '../../../core/instruments/index.ts';
import { placeOf } from '../../../core/policy/index.ts';
import { ApiError } from '../../app/api.ts';
import { ConfirmButton } from '../../components/ConfirmButton.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { LoadingState } from '../../components/LoadingState.tsx';
import { Notice } from '../../components/Notice.tsx';
import { notifySuccess } from '../../components/notifySuccess.ts';
import { PageTitle } from '../../components/PageTitle.tsx';
import { useCan, useCurrentUser } from '../auth/session.ts';
import { usePerson } from '../persons/api.ts';
import { personName } from '../persons/labels.ts';
import { screeningKeys, useScreening } from './api.ts';
import { CorrectionSummary } from './CorrectionSummary.tsx';
import { answerChanges, cleanReason, REASON_MIN } from './correction.ts';
import { reviseScreening } from './correctionApi.ts';
import {
  type CorrectionDraft,
  clearCorrection,
  loadCorrection,
  newCorrection,
  saveCorrection,
} from './correctionDraft.ts';
import { type DraftPart, REVIEW } from './draft.ts';
import { answersToSend, answerText, say, useLang } from './instruments.ts';
import { QuestionScreen } from './QuestionScreen.tsx';
import { ReviewScreen } from './ReviewScreen.tsx';
import { checkStep, stepProblemText } from './stepCheck.ts';
import { missingSteps, type QuestionStep, questionSteps, stepKey } from './steps.ts';
import { answerErrors, isRetryable } from './submit.ts';
import type { ScreeningDetail } from './types.ts';

/**
 * `/screenings/:id/correct[?needs=ID]`: correcting a stored screening with
 * the screening's own question screens, pre-filled with the stored answers.
 * The server decides who may correct; the button is only offered to those it
 * would let.
 */
export default function CorrectionPage() {
  const { id = '' } = useParams();
  const [params] = useSearchParams();
  const { t } = useTranslation();
  const can = useCan();
  const screening = useScreening(id);
  const person = usePerson(screening.data?.personId);
  const needs = params.get('needs');
  const backTo = `/screenings/${id}${needs ? `?needs=${encodeURIComponent(needs)}` : ''}`;
  const back = (
    <Anchor component={Link} to={backTo} size="sm" mb="xs" display="inline-block">
      ← {t('correction.backToResult')}
    </Anchor>
  );

  if (screening.isPending || (screening.isSuccess && person.isPending)) return <LoadingState rows={6} />;
  const error = screening.error ?? person.error;
  if (error) {
    const refused = error instanceof ApiError && (error.status === 403 || error.status === 404);
    return (
      <Box maw={560}>
        {back}
        <PageTitle title={t('correction.title')} />
        {refused ? <NotAllowed /> : <ErrorAlert error={error} onRetry={() => void screening.refetch()} />}
      </Box>
    );
  }

  const s = screening.data!;
  const p = person.data!;
  const definition = getInstrument(s.instrument, s.version);
  const allowed = can({
    action: 'screening.update',
    areaCode: placeOf({ areaCode: p.address.areaCode, villageCode: p.address.villageCode }),
  });

  return (
    <Box maw={560}>
      {back}
      {!definition || !allowed ? (
        <>
          <PageTitle title={t('correction.title')} />
          {definition ? <NotAllowed /> : <ErrorAlert error={null} />}
        </>
      ) : (
        <CorrectionRunner
          // A revision made meanwhile (by anyone) starts the correction again from it.
          key={`${s.id}:${s.revision}`}
          screening={s}
          definition={definition}
          personName={personName(p, t)}
          backTo={backTo}
        />
      )}
    </Box>
  );
}

function NotAllowed() {
  const { t } = useTranslation();
  return (
    <Notice color="yellow" title={t('correction.notAllowed')} role="alert">
      <Text size="sm">{t('correction.notAllowedHint')}</Text>
    </Notice>
  );
}

interface RunnerProps {
  screening: ScreeningDetail;
  definition: InstrumentDefinition;
  personName: string;
  backTo: string;
}

function CorrectionRunner({ screening: s, definition, personName: name, backTo }: RunnerProps) {
  const { t } = useTranslation();
  const lang = useLang();
  const user = useCurrentUser();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [stored] = useState(() => loadCorrection(user.id, s.id, s.revision));
  const [draft, setDraft] = useState<CorrectionDraft>(
    () => stored ?? newCorrection(s.id, s.revision, s.answers),
  );
  const latest = useRef(draft);
  latest.current = draft;
  const [error, setError] = useState<string | null>(null);
  const [reasonError, setReasonError] = useState<string | null>(null);
  const [nothingChanged, setNothingChanged] = useState(false);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const reasonRef = useRef<HTMLTextAreaElement>(null);
  const moved = useRef(false);
  const done = useRef(false);

  const part: DraftPart = useMemo(
    () => ({
      instrument: s.instrument,
      version: s.version,
      clientId: draft.clientId,
      answers: draft.answers,
    }),
    [s.instrument, s.version, draft.clientId, draft.answers],
  );
  const steps = useMemo(() => questionSteps([part]), [part]);
  const missing = missingSteps(steps, [part]);
  const at = draft.position === REVIEW ? -1 : steps.findIndex((x) => x.key === draft.position);
  const step: QuestionStep | undefined = at >= 0 ? steps[at] : undefined;
  const changes = useMemo(
    () => answerChanges(definition, s.answers, draft.answers),
    [definition, s.answers, draft.answers],
  );
  const changedCodes = new Set(changes.map((c) => c.item.code));
  const toSend = useMemo(() => answersToSend(definition, draft.answers), [definition, draft.answers]);
  // The same scoring as the server's, so the review shows the result that will be stored.
  const outcome = useMemo(
    () => (missing.length > 0 ? null : scoreResponse(definition, toSend)),
    [definition, toSend, missing.length],
  );

  useEffect(() => {
    if (!done.current) saveCorrection(user.id, draft);
  }, [user.id, draft]);

  // biome-ignore lint/correctness/useExhaustiveDependencies: runs when the screen changes
  useEffect(() => {
    if (!moved.current) return;
    window.scrollTo({ top: 0 });
    headingRef.current?.focus();
  }, [draft.position]);

  const send = useMutation({
    networkMode: 'always',
    mutationFn: (reason: string) =>
      reviseScreening(s.id, { answers: toSend, reason, clientId: latest.current.clientId }),
    onSuccess: (detail) => {
      done.current = true;
      clearCorrection(user.id, s.id);
      queryClient.setQueryData(screeningKeys.detail(s.id), detail);
      void queryClient.invalidateQueries({
        predicate: (q) =>
          q.queryKey[0] === 'inbox' || (q.queryKey[0] === 'screenings' && q.queryKey[1] !== 'detail'),
      });
      notifySuccess(t('correction.saved'));
      navigate(backTo, { replace: true });
    },
  });

  function update(change: (d: CorrectionDraft) => CorrectionDraft) {
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
    setNothingChanged(false);
    send.reset();
    update((d) => {
      const answers = { ...d.answers };
      if (value === undefined) delete answers[step.item.code];
      else answers[step.item.code] = value;
      return { ...d, answers };
    });
  }

  /** Done with this question: on to a question the change brought into view, else back to the review. */
  function next() {
    if (!step) return;
    const check = checkStep(step.item, latest.current.answers);
    if (!check.ok) {
      setError(stepProblemText(t, step.item, check.problem));
      requestAnimationFrame(() => headingRef.current?.focus());
      return;
    }
    if (check.fill !== undefined) setAnswer(check.fill);
    const now = { ...part, answers: latest.current.answers };
    const open = missingSteps(questionSteps([now]), [now]).find((x) => x.key !== step.key);
    go(open ? open.key : REVIEW);
  }

  function submit() {
    if (changes.length === 0) {
      setNothingChanged(true);
      document.getElementById('correction-summary')?.scrollIntoView({ block: 'start' });
      return;
    }
    const reason = cleanReason(latest.current.reason);
    if (!reason) {
      setReasonError(t('correction.reasonRequired', { min: REASON_MIN }));
      reasonRef.current?.focus();
      return;
    }
    send.mutate(reason);
  }

  const problems = answerErrors(send.error);
  const itemErrors = Object.fromEntries(
    Object.entries(problems).map(([code, message]) => [stepKey(s.instrument, code), message]),
  );
  const serverReasonError =
    send.error instanceof ApiError ? send.error.errors.find((e) => e.path === 'reason')?.message : undefined;

  return (
    <>
      <PageTitle
        title={t('correction.title')}
        intro={[say(definition.title, lang), name].filter(Boolean).join(' · ')}
      />
      <Stack gap="lg">
        {step ? (
          <QuestionScreen
            step={step}
            value={draft.answers[step.item.code]}
            onChange={setAnswer}
            percent={Math.round(((at + 1) / steps.length) * 100)}
            error={error}
            lang={lang}
            headingRef={headingRef}
            onBack={at > 0 ? () => go(steps[at - 1]?.key ?? REVIEW) : null}
            onNext={next}
            onBackToReview={() => go(REVIEW)}
            isLast={missing.every((x) => x.key === step.key)}
          />
        ) : (
          <>
            {stored && changes.length > 0 && <Notice color="blue" title={t('correction.resumed')} />}
            {changes.length > 0 && (
              <Anchor href="#correction-summary" fw={700}>
                {t('correction.changes')} ({changes.length}) ↓
              </Anchor>
            )}
            <ReviewScreen
              title={t('correction.reviewTitle')}
              intro={t('correction.intro')}
              parts={[part]}
              steps={steps}
              missing={missing}
              itemErrors={itemErrors}
              lang={lang}
              headingRef={headingRef}
              onEdit={go}
              onSubmit={submit}
              sending={send.isPending}
              retrying={Boolean(send.error)}
              submitLabel={send.error ? t('correction.retry') : t('correction.submit')}
              noteFor={(x) =>
                changedCodes.has(x.item.code) ? (
                  <Group gap={6} mt={2} wrap="wrap">
                    <Badge color="blue.9" variant="filled" size="sm">
                      {t('correction.changedMark')}
                    </Badge>
                    <Text size="sm">
                      {t('correction.was', {
                        answer: answerText(x.item, s.answers[x.item.code], lang, t('correction.notAsked')),
                      })}
                    </Text>
                  </Group>
                ) : null
              }
              failure={
                send.error ? (
                  <Failure error={send.error} refused={Object.keys(itemErrors).length > 0} />
                ) : null
              }
            >
              <CorrectionSummary
                definition={definition}
                changes={changes}
                before={s}
                after={outcome?.ok ? outcome.scored : null}
                lang={lang}
                reason={draft.reason}
                onReason={(reason) => {
                  setReasonError(null);
                  update((d) => ({ ...d, reason }));
                }}
                reasonError={reasonError ?? serverReasonError ?? null}
                reasonRef={reasonRef}
                nothingChanged={nothingChanged}
              />
            </ReviewScreen>
          </>
        )}
        <Group>
          <ConfirmButton
            label={t('correction.cancel')}
            question={t('correction.cancelQuestion')}
            onConfirm={() => {
              done.current = true;
              clearCorrection(user.id, s.id);
              navigate(backTo);
            }}
            variant="default"
            size="sm"
          />
        </Group>
      </Stack>
    </>
  );
}

/** Why saving failed, in words: not allowed, refused answers, no connection (saving again is safe), or else. */
function Failure({ error, refused }: { error: unknown; refused: boolean }) {
  const { t } = useTranslation();
  if (error instanceof ApiError && (error.status === 403 || error.status === 404)) return <NotAllowed />;
  if (refused) return <Notice color="red" role="alert" title={t('correction.refused')} />;
  if (isRetryable(error)) return <Notice color="red" role="alert" title={t('correction.offline')} />;
  return <ErrorAlert error={error} shownFields={['reason']} />;
}
