import { Anchor, Box, Button, Group, Progress, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { consentCreate, type Person, personCreate } from '../../../../core/schemas/index.ts';
import { ApiError } from '../../../app/api.ts';
import { ConfirmButton } from '../../../components/ConfirmButton.tsx';
import { ErrorAlert } from '../../../components/ErrorAlert.tsx';
import { Notice } from '../../../components/Notice.tsx';
import { notifySuccess } from '../../../components/notifySuccess.ts';
import { PageTitle } from '../../../components/PageTitle.tsx';
import { useCurrentUser } from '../../auth/session.ts';
import { type PersonMatch, personKeys, recordConsent, useCreatePerson } from '../api.ts';
import { AddressFields } from '../fields/AddressFields.tsx';
import { CaregiverFields } from '../fields/CaregiverFields.tsx';
import { HealthFields } from '../fields/HealthFields.tsx';
import { IdentityFields } from '../fields/IdentityFields.tsx';
import { PersonFields } from '../fields/PersonFields.tsx';
import { ProblemError } from '../http.ts';
import { personName } from '../labels.ts';
import { type ConsentValues, consentBody, consentErrors, fieldOf, personErrors } from '../validate.ts';
import { type PersonValues, toCreateBody } from '../values.ts';
import { ConsentFields } from './ConsentFields.tsx';
import { DuplicateScreen } from './DuplicateScreen.tsx';
import { clearDraft, type Draft, hasContent, loadDraft, newDraft, saveDraft } from './draft.ts';
import { ReviewStep } from './ReviewStep.tsx';
import { onlyStep, STEPS, stepOfFields } from './steps.ts';

/** `/persons/new`: the phone-first registration, one short screen at a time. */
export default function RegisterPage() {
  const user = useCurrentUser();
  const [initial] = useState(() => {
    const stored = loadDraft(user.id);
    return { draft: stored ?? newDraft(user.areaCodes), restored: Boolean(stored && hasContent(stored)) };
  });
  const [resetKey, setResetKey] = useState(0);
  const [draft, setDraft] = useState<Draft>(initial.draft);

  function startOver() {
    clearDraft(user.id);
    setDraft(newDraft(user.areaCodes));
    setResetKey((k) => k + 1);
  }

  return (
    <Wizard
      key={resetKey}
      draft={draft}
      restored={resetKey === 0 && initial.restored}
      onStartOver={startOver}
      onDone={() => clearDraft(user.id)}
    />
  );
}

interface WizardProps {
  draft: Draft;
  restored: boolean;
  onStartOver: () => void;
  onDone: () => void;
}

function Wizard({ draft: initial, restored, onStartOver, onDone }: WizardProps) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const navigate = useNavigate();
  const create = useCreatePerson();
  const queryClient = useQueryClient();
  const [step, setStep] = useState(initial.step);
  const [consent, setConsent] = useState<ConsentValues>(initial.consent);
  const [consentErrs, setConsentErrs] = useState<Record<string, string>>({});
  const [matches, setMatches] = useState<PersonMatch[] | null>(null);
  const [existingId, setExistingId] = useState<string | null>(null);
  const [saved, setSaved] = useState<{ id: string; name: string } | null>(
    initial.savedPersonId ? { id: initial.savedPersonId, name: initial.savedName ?? '' } : null,
  );
  const [consentState, setConsentState] = useState<{ pending: boolean; error: unknown }>({
    pending: false,
    error: null,
  });
  const [stepInvalid, setStepInvalid] = useState(false);
  const form = useForm<PersonValues>({ initialValues: initial.values });
  const headingRef = useRef<HTMLHeadingElement>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const moved = useRef(false);

  // Every change goes to the device at once.
  useEffect(() => {
    saveDraft(user.id, {
      ...initial,
      step,
      values: form.values,
      consent,
      savedPersonId: saved?.id ?? null,
      savedName: saved?.name ?? null,
    });
  }, [user.id, initial, step, form.values, consent, saved]);

  // A new screen: start at its top and tell screen readers where they are.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs when the screen changes
  useEffect(() => {
    if (!moved.current) return;
    window.scrollTo({ top: 0 });
    headingRef.current?.focus();
  }, [step, matches]);

  function go(next: number) {
    moved.current = true;
    setStepInvalid(false);
    setMatches(null);
    create.reset();
    setStep(next);
  }

  function focusFirstInvalid() {
    requestAnimationFrame(() => {
      formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
    });
  }

  function checkStep(index: number): boolean {
    const errors = onlyStep(
      { ...personErrors(form.values, t), ...(index === 4 ? consentErrors(consent, t) : {}) },
      index,
    );
    const { consentMethod, witnessName, ...personOnly } = errors;
    form.setErrors(personOnly);
    setConsentErrs({
      ...(consentMethod ? { consentMethod } : {}),
      ...(witnessName ? { witnessName } : {}),
    });
    const ok = Object.keys(errors).length === 0;
    setStepInvalid(!ok);
    if (!ok) focusFirstInvalid();
    return ok;
  }

  function next() {
    if (checkStep(step)) go(step + 1);
  }

  function save(confirmNotDuplicate = false) {
    const all = { ...personErrors(form.values, t), ...consentErrors(consent, t) };
    if (Object.keys(all).length > 0) {
      const first = stepOfFields(Object.keys(all));
      go(first);
      requestAnimationFrame(() => checkStep(first));
      return;
    }
    const body = personCreate.parse({
      ...toCreateBody(form.values),
      clientId: initial.clientId,
      ...(confirmNotDuplicate ? { confirmNotDuplicate: true } : {}),
    });
    setExistingId(null);
    create.mutate(body, {
      onSuccess: (person) => {
        setMatches(null);
        const done = { id: person.id, name: personName(person, t) };
        setSaved(done);
        void afterSave(done);
      },
      onError: (error) => onSaveError(error),
    });
  }

  function onSaveError(error: unknown) {
    if (!(error instanceof ApiError)) return;
    const ext = error instanceof ProblemError ? error.extensions : {};
    if (error.status === 409 && Array.isArray(ext.matches)) {
      moved.current = true;
      setMatches(ext.matches as PersonMatch[]);
      return;
    }
    if (error.status === 409 && isRecord(ext.existing) && typeof ext.existing.id === 'string') {
      setExistingId(ext.existing.id);
      go(0);
      form.setErrors({ nationalId: t('persons.id.duplicate') });
      return;
    }
    if (error.errors.length > 0) {
      const byField: Record<string, string> = {};
      for (const e of error.errors) byField[fieldOf(e.path)] ??= e.message;
      const target = stepOfFields(Object.keys(byField));
      if (target < STEPS.length - 1) {
        go(target);
        setStepInvalid(true);
        requestAnimationFrame(() => {
          form.setErrors(byField);
          focusFirstInvalid();
        });
      } else form.setErrors(byField);
    }
  }

  async function afterSave(done: { id: string; name: string }) {
    if (consent.consentGiven) {
      setConsentState({ pending: true, error: null });
      try {
        const { state } = await recordConsent(done.id, consentCreate.parse(consentBody(consent)));
        queryClient.setQueryData<Person>(personKeys.detail(done.id), (p) =>
          p ? { ...p, consent: state } : p,
        );
      } catch (error) {
        setConsentState({ pending: false, error });
        return;
      }
    }
    finish(done);
  }

  function finish(done: { id: string; name: string }) {
    onDone();
    notifySuccess(t('persons.wizard.saved', { name: done.name }));
    navigate(`/persons/${done.id}`, { replace: true });
  }

  const total = STEPS.length;
  const current = STEPS[step] ?? STEPS[0]!;
  const stepTitle = matches ? t('persons.duplicate.title') : t(`persons.wizard.steps.${current.id}`);

  if (saved) {
    return (
      <Box maw={560}>
        <PageTitle title={t('persons.wizard.title')} />
        <Stack gap="md">
          {consentState.error ? (
            <>
              <Notice color="red" title={t('persons.wizard.consentFailed')} role="alert" />
              <ErrorAlert error={consentState.error} />
            </>
          ) : (
            <Text role="status">{t('common.saving')}</Text>
          )}
          <Button size="md" onClick={() => void afterSave(saved)} loading={consentState.pending}>
            {t('persons.wizard.retryConsent')}
          </Button>
          <Button size="md" variant="default" onClick={() => finish(saved)}>
            {t('persons.wizard.skipConsent')}
          </Button>
        </Stack>
      </Box>
    );
  }

  return (
    <Box maw={560}>
      <Anchor component={Link} to="/persons" size="sm" mb="xs" display="inline-block">
        ← {t('persons.title')}
      </Anchor>
      <PageTitle title={t('persons.wizard.title')} />
      <Stack gap="md">
        {restored && step === initial.step && (
          <Notice color="blue" title={t('persons.wizard.draftRestored')} />
        )}
        <div>
          <Text fw={700} c="blue.9">
            {t('persons.wizard.progress', { step: step + 1, total })}
          </Text>
          <Progress value={((step + 1) / total) * 100} size="lg" mt={4} aria-hidden="true" />
        </div>
        <Title order={2} size="h3" ref={headingRef} tabIndex={-1} style={{ outline: 'none' }}>
          {stepTitle}
        </Title>
        <form
          ref={formRef}
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            if (step === total - 1) save();
            else next();
          }}
        >
          <Stack gap="lg">
            {stepInvalid && <Notice color="red" title={t('persons.wizard.fixStep')} role="alert" />}
            {create.error && <SaveError error={create.error} />}
            {matches ? (
              <DuplicateScreen
                matches={matches}
                saving={create.isPending}
                onNotSame={() => save(true)}
                onBack={() => go(0)}
              />
            ) : (
              <>
                {current.id === 'identity' && (
                  <IdentityFields
                    form={form}
                    idNotice={
                      existingId && (
                        <Anchor component={Link} to={`/persons/${existingId}`} fw={700} className="touch">
                          {t('persons.id.openExisting')}
                        </Anchor>
                      )
                    }
                  />
                )}
                {current.id === 'person' && <PersonFields form={form} />}
                {current.id === 'address' && <AddressFields form={form} />}
                {current.id === 'health' && <HealthFields form={form} />}
                {current.id === 'care' && (
                  <Stack gap="xl">
                    <section aria-labelledby="care-caregiver">
                      <Title order={3} size="h4" id="care-caregiver" mb="xs">
                        {t('persons.care.caregiver')}
                      </Title>
                      <CaregiverFields form={form} />
                    </section>
                    <section aria-labelledby="care-consent">
                      <Title order={3} size="h4" id="care-consent" mb="xs">
                        {t('persons.care.consent')}
                      </Title>
                      <ConsentFields
                        value={consent}
                        errors={consentErrs}
                        onChange={(change) => {
                          setConsent((c) => ({ ...c, ...change }));
                          setConsentErrs({});
                        }}
                      />
                    </section>
                  </Stack>
                )}
                {current.id === 'review' && <ReviewStep values={form.values} consent={consent} onEdit={go} />}
                <SimpleGrid cols={step === 0 ? 1 : 2} spacing="sm">
                  {step > 0 && (
                    <Button size="md" variant="default" onClick={() => go(step - 1)}>
                      {t('persons.wizard.back')}
                    </Button>
                  )}
                  <Button size="md" type="submit" loading={create.isPending}>
                    {step === total - 1 ? t('common.save') : t('persons.wizard.next')}
                  </Button>
                </SimpleGrid>
              </>
            )}
          </Stack>
        </form>
        <Text size="sm" c="dimmed">
          {t('persons.wizard.draftKept')}
        </Text>
        <Group>
          <ConfirmButton
            label={t('persons.wizard.startOver')}
            question={t('persons.wizard.startOverQuestion')}
            onConfirm={onStartOver}
            variant="default"
            size="sm"
          />
        </Group>
      </Stack>
    </Box>
  );
}

/** What went wrong with the save, in words that say what to do next. */
function SaveError({ error }: { error: unknown }) {
  const { t } = useTranslation();
  // Duplicates have their own screen or field message.
  if (error instanceof ApiError && error.status === 409) return null;
  if (error instanceof ApiError && (error.isNetwork || error.status >= 500)) {
    return <Notice color="red" title={t('persons.wizard.offline')} role="alert" />;
  }
  return <ErrorAlert error={error} />;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}
