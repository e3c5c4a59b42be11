import { Anchor, Button, Group, Paper, Stack, Textarea, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { type ReactNode, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { type Person, personPatch } from '../../../../core/schemas/index.ts';
import { ApiError } from '../../../app/api.ts';
import { ErrorAlert } from '../../../components/ErrorAlert.tsx';
import { LoadingState } from '../../../components/LoadingState.tsx';
import { Notice } from '../../../components/Notice.tsx';
import { notifySuccess } from '../../../components/notifySuccess.ts';
import { PageTitle } from '../../../components/PageTitle.tsx';
import { usePerson, useUpdatePerson } from '../api.ts';
import { AddressFields } from '../fields/AddressFields.tsx';
import { CaregiverFields } from '../fields/CaregiverFields.tsx';
import { HealthFields } from '../fields/HealthFields.tsx';
import { IdentityFields } from '../fields/IdentityFields.tsx';
import { PersonFields } from '../fields/PersonFields.tsx';
import { personName } from '../labels.ts';
import { fieldOf, personErrors } from '../validate.ts';
import { type PersonValues, toPatchBody, valuesOf } from '../values.ts';

/** `/persons/:id/edit`: every basic item on one page, with the reason for the change. */
export default function PersonEditPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const person = usePerson(id);
  if (person.isPending) return <LoadingState rows={8} />;
  if (person.error) {
    return (
      <>
        <PageTitle title={t('persons.edit.title')} />
        <ErrorAlert error={person.error} onRetry={() => void person.refetch()} />
      </>
    );
  }
  return <EditForm key={person.data.version} person={person.data} />;
}

function EditForm({ person }: { person: Person }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const update = useUpdatePerson(person.id);
  const [initial] = useState(() => valuesOf(person));
  const [reason, setReason] = useState('');
  const [unchanged, setUnchanged] = useState(false);
  const form = useForm<PersonValues>({
    initialValues: initial,
    validate: (values) => {
      const errors = personErrors(values, t);
      // An empty number means "keep the stored one" when it is shown masked.
      if (!values.nationalId.trim() && person.nationalIdMasked && values.idType === person.idType)
        delete errors.nationalId;
      return errors;
    },
  });
  const name = personName(person, t);

  const submit = form.onSubmit((values) => {
    const body = toPatchBody(initial, values);
    if (Object.keys(body).length === 0) {
      setUnchanged(true);
      return;
    }
    setUnchanged(false);
    const parsed = personPatch.parse({ ...body, reason: reason.trim() || undefined });
    update.mutate(parsed, {
      onSuccess: () => {
        notifySuccess(t('persons.edit.saved'));
        navigate(`/persons/${person.id}?tab=history`);
      },
      onError: (error) => {
        if (!(error instanceof ApiError)) return;
        const byField: Record<string, string> = {};
        for (const e of error.errors) byField[fieldOf(e.path)] ??= e.message;
        form.setErrors(byField);
      },
    });
  });

  return (
    <>
      <Anchor component={Link} to={`/persons/${person.id}`} size="sm" mb="xs" display="inline-block">
        ← {name}
      </Anchor>
      <PageTitle title={`${t('persons.edit.title')}: ${name}`} />
      <form onSubmit={submit} noValidate>
        <Stack gap="md" maw={720}>
          {update.error && <ErrorAlert error={update.error} shownFields={Object.keys(form.errors)} />}
          <Block title={t('persons.wizard.steps.identity')}>
            <IdentityFields form={form} keepHint={person.nationalIdMasked} />
          </Block>
          <Block title={t('persons.wizard.steps.person')}>
            <PersonFields form={form} expanded />
          </Block>
          <Block title={t('persons.wizard.steps.address')}>
            <AddressFields form={form} />
          </Block>
          <Block title={t('persons.wizard.steps.health')}>
            <HealthFields form={form} />
          </Block>
          <Block title={t('persons.care.caregiver')}>
            <CaregiverFields form={form} />
          </Block>
          <Textarea
            label={t('persons.edit.reason')}
            description={t('persons.edit.reasonHint')}
            autosize
            minRows={2}
            maxLength={300}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
          />
          {unchanged && <Notice color="blue" title={t('persons.edit.noChanges')} role="status" />}
          <Group>
            <Button type="submit" size="md" loading={update.isPending}>
              {t('common.save')}
            </Button>
            <Button variant="default" size="md" component={Link} to={`/persons/${person.id}`}>
              {t('common.cancel')}
            </Button>
          </Group>
        </Stack>
      </form>
    </>
  );
}

function Block({ title, children }: { title: string; children: ReactNode }) {
  const id = useId();
  return (
    <Paper withBorder p="md" component="section" aria-labelledby={id}>
      <Title order={2} size="h4" mb="sm" id={id}>
        {title}
      </Title>
      {children}
    </Paper>
  );
}
