import { Button, Group, Modal, Radio, Stack, Text, Textarea, TextInput, VisuallyHidden } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { consentCreate, consentMethods, type consentPurposes } from '../../../../core/schemas/person.ts';
import { fieldErrorsFor, optionalText, schemaErrors } from '../../../app/validation.ts';
import { ErrorAlert } from '../../../components/ErrorAlert.tsx';
import { notifySuccess } from '../../../components/notifySuccess.ts';
import { useRecordConsent } from '../api.ts';
import { AgencyPicker } from './AgencyPicker.tsx';

type Purpose = (typeof consentPurposes)[number];

interface Props {
  personId: string;
  purpose: Purpose;
  /** Grant, or withdraw (which asks first, in plain words). */
  grant: boolean;
}

const FIELDS = ['method', 'witnessName', 'agencies', 'note'] as const;

/** A button and its dialog: records a grant or a withdrawal of one consent purpose. */
export function ConsentDialog({ personId, purpose, grant }: Props) {
  const { t } = useTranslation();
  const [opened, setOpened] = useState(false);
  const [method, setMethod] = useState<string>('');
  const [witnessName, setWitnessName] = useState('');
  const [agencies, setAgencies] = useState<string[]>([]);
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const record = useRecordConsent(personId);
  const purposeLabel = t(`persons.consent.purposes.${purpose}`);
  const title = grant
    ? t('persons.consent.grantFor', { purpose: purposeLabel })
    : t('persons.consent.withdrawFor', { purpose: purposeLabel });

  const body = () => ({
    purpose,
    granted: grant,
    method,
    witnessName: method === 'verbal_witnessed' ? optionalText(witnessName) : undefined,
    agencies: grant && purpose === 'share_agencies' ? agencies : undefined,
    note: optionalText(note),
  });

  function close() {
    setOpened(false);
    setErrors({});
    record.reset();
  }

  function submit() {
    const problems = schemaErrors(consentCreate, body(), t);
    if (problems.agencies) problems.agencies = t('validation.chooseOne');
    setErrors(problems);
    if (Object.keys(problems).length > 0) return;
    record.mutate(consentCreate.parse(body()), {
      onSuccess: () => {
        notifySuccess(grant ? t('persons.consent.recorded') : t('persons.consent.withdrawn'));
        close();
        setMethod('');
        setWitnessName('');
        setAgencies([]);
        setNote('');
      },
      onError: (error) => setErrors(fieldErrorsFor(error, FIELDS).byField),
    });
  }

  return (
    <>
      <Button
        variant={grant ? 'filled' : 'outline'}
        color={grant ? undefined : 'red.9'}
        onClick={() => setOpened(true)}
      >
        {grant ? t('persons.consent.grant') : t('persons.consent.withdraw')}
        <VisuallyHidden>: {purposeLabel}</VisuallyHidden>
      </Button>
      <Modal
        opened={opened}
        onClose={close}
        title={title}
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
            {!grant && <Text>{t('persons.consent.withdrawQuestion', { purpose: purposeLabel })}</Text>}
            {record.error && <ErrorAlert error={record.error} shownFields={FIELDS} />}
            <Radio.Group
              label={grant ? t('persons.consent.method') : t('persons.consent.withdrawMethod')}
              required
              value={method}
              onChange={(m) => {
                setMethod(m);
                setErrors({});
              }}
              error={errors.method}
            >
              <Stack gap="xs" mt="xs">
                {consentMethods.map((m) => (
                  <Radio key={m} value={m} label={t(`enums.consentMethod.${m}`)} />
                ))}
              </Stack>
            </Radio.Group>
            {method === 'verbal_witnessed' && (
              <TextInput
                label={t('persons.consent.witness')}
                required={grant}
                value={witnessName}
                onChange={(e) => {
                  setWitnessName(e.currentTarget.value);
                  setErrors((x) => ({ ...x, witnessName: '' }));
                }}
                error={errors.witnessName}
              />
            )}
            {grant && purpose === 'share_agencies' && (
              <AgencyPicker
                label={t('persons.consent.agencies')}
                value={agencies}
                onChange={(ids) => {
                  setAgencies(ids);
                  setErrors((e) => ({ ...e, agencies: '' }));
                }}
                error={errors.agencies}
              />
            )}
            <Textarea
              label={t('persons.consent.note')}
              autosize
              minRows={2}
              value={note}
              onChange={(e) => setNote(e.currentTarget.value)}
              error={errors.note}
            />
            <Group justify="flex-end" gap="sm">
              <Button variant="default" onClick={close}>
                {t('common.cancel')}
              </Button>
              <Button type="submit" color={grant ? undefined : 'red.9'} loading={record.isPending}>
                {t('common.confirm')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Modal>
    </>
  );
}
