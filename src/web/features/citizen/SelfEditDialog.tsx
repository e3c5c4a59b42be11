import { Button, Group, Modal, Select, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type Person, personPatch } from '../../../core/schemas/person.ts';
import { fieldErrorsFor, nullableText, schemaErrors } from '../../app/validation.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { notifySuccess } from '../../components/notifySuccess.ts';
import { useUpdatePerson } from '../persons/api.ts';
import { type EnumName, enumOptions } from '../persons/labels.ts';

/** The basic items a person corrects themself; the server marks the change self-reported. */
const CHOICES = ['maritalStatus', 'religion', 'education', 'incomeBand', 'healthCoverage'] as const;
const TEXTS = ['phone', 'occupation'] as const;
const FIELDS = [...TEXTS, ...CHOICES, 'reason'] as const;
type Field = (typeof FIELDS)[number];

function initial(p: Person): Record<Field, string> {
  return {
    phone: p.phone ?? '',
    occupation: p.occupation ?? '',
    maritalStatus: p.maritalStatus ?? '',
    religion: p.religion ?? '',
    education: p.education ?? '',
    incomeBand: p.incomeBand ?? '',
    healthCoverage: p.healthCoverage ?? '',
    reason: '',
  };
}

export function SelfEditDialog({ person }: { person: Person }) {
  const { t } = useTranslation();
  const [opened, setOpened] = useState(false);
  const [values, setValues] = useState(() => initial(person));
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const update = useUpdatePerson(person.id);

  function open() {
    setValues(initial(person));
    setErrors({});
    update.reset();
    setOpened(true);
  }

  function submit() {
    const before = initial(person);
    const body: Record<string, string | null> = {};
    for (const f of [...TEXTS, ...CHOICES]) {
      if (values[f].trim() !== before[f]) body[f] = nullableText(values[f]);
    }
    if (Object.keys(body).length === 0) {
      setOpened(false);
      return;
    }
    if (values.reason.trim()) body.reason = values.reason.trim();
    const found = schemaErrors(personPatch, body, t);
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    update.mutate(personPatch.parse(body), {
      onSuccess: () => {
        notifySuccess(t('citizen.me.saved'));
        setOpened(false);
      },
      onError: (error) => setErrors(fieldErrorsFor(error, FIELDS).byField),
    });
  }

  const set = (f: Field) => (v: string | null) => {
    setValues((x) => ({ ...x, [f]: v ?? '' }));
    setErrors((e) => ({ ...e, [f]: undefined }));
  };

  return (
    <>
      <Button variant="default" onClick={open}>
        {t('citizen.me.edit')}
      </Button>
      <Modal
        opened={opened}
        onClose={() => setOpened(false)}
        title={t('citizen.me.edit')}
        centered
        closeButtonProps={{ 'aria-label': t('common.close') }}
      >
        <form
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            submit();
          }}
        >
          <Stack>
            <Text size="sm">{t('citizen.me.editIntro')}</Text>
            {update.error && <ErrorAlert error={update.error} shownFields={FIELDS} />}
            <TextInput
              label={t('persons.field.phone')}
              type="tel"
              inputMode="tel"
              autoComplete="tel"
              value={values.phone}
              onChange={(e) => set('phone')(e.currentTarget.value)}
              error={errors.phone}
            />
            <TextInput
              label={t('persons.field.occupation')}
              value={values.occupation}
              onChange={(e) => set('occupation')(e.currentTarget.value)}
              error={errors.occupation}
            />
            {CHOICES.map((f) => (
              <Select
                key={f}
                label={t(`persons.field.${f}`)}
                data={enumOptions(t, f as EnumName)}
                value={values[f] || null}
                onChange={set(f)}
                clearable
                error={errors[f]}
                comboboxProps={{ withinPortal: true }}
              />
            ))}
            <TextInput
              label={t('citizen.me.reason')}
              value={values.reason}
              onChange={(e) => set('reason')(e.currentTarget.value)}
              error={errors.reason}
            />
            <Group justify="flex-end" gap="sm">
              <Button variant="default" onClick={() => setOpened(false)}>
                {t('common.cancel')}
              </Button>
              <Button type="submit" loading={update.isPending}>
                {t('common.save')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Modal>
    </>
  );
}
