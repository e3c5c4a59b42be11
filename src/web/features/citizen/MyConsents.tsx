import { Badge, Button, Group, Modal, Paper, Stack, Text, VisuallyHidden } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Person } from '../../../core/schemas/index.ts';
import { consentPurposes } from '../../../core/schemas/person.ts';
import { DateText } from '../../components/DateText.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { LoadingState } from '../../components/LoadingState.tsx';
import { notifySuccess } from '../../components/notifySuccess.ts';
import { useConsents, useRecordConsent } from '../persons/api.ts';
import { AgencyPicker } from '../persons/profile/AgencyPicker.tsx';

type Purpose = (typeof consentPurposes)[number];
const STATE_KEY = { collect: 'collect', share_group: 'shareGroup', share_agencies: 'shareAgencies' } as const;

/** The person's own consents: what is in force, give or withdraw each (asked first), and the history. */
export function MyConsents({ person }: { person: Person }) {
  const { t } = useTranslation();
  const consents = useConsents(person.id);
  const state = consents.data?.state ?? person.consent;
  const everGiven = new Set((consents.data?.items ?? []).filter((c) => c.granted).map((c) => c.purpose));

  return (
    <Stack gap="sm">
      <Text c="dimmed">{t('citizen.me.consentIntro')}</Text>
      <Stack component="ul" gap="sm" p={0} m={0} style={{ listStyle: 'none' }}>
        {consentPurposes.map((purpose) => {
          const granted = state[STATE_KEY[purpose]];
          return (
            <Paper component="li" key={purpose} withBorder p="md">
              <Group justify="space-between" gap="sm">
                <div>
                  <Text fw={700}>{t(`persons.consent.purposes.${purpose}`)}</Text>
                  <Badge variant="light" color={granted ? 'teal' : 'gray'} mt={4}>
                    {granted
                      ? t('persons.consent.granted')
                      : everGiven.has(purpose)
                        ? t('persons.consent.withdrawnState')
                        : t('persons.consent.notGranted')}
                  </Badge>
                </div>
                {!person.mergedInto && (
                  <ConsentChange personId={person.id} purpose={purpose} grant={!granted} />
                )}
              </Group>
            </Paper>
          );
        })}
      </Stack>
      {consents.isPending ? (
        <LoadingState rows={1} />
      ) : consents.error ? (
        <ErrorAlert error={consents.error} onRetry={() => void consents.refetch()} />
      ) : (
        consents.data.items.length > 0 && (
          <details>
            <summary>{t('persons.consent.log')}</summary>
            <Stack component="ul" gap={4} mt="xs" pl="md">
              {consents.data.items.map((c) => (
                <Text component="li" size="sm" key={c.id}>
                  <DateText value={c.recordedAt} withTime /> · {t(`persons.consent.purposes.${c.purpose}`)}:{' '}
                  {c.granted ? t('persons.consent.granted') : t('persons.consent.withdrawnState')} ·{' '}
                  {t(`enums.consentMethod.${c.method}`)}
                </Text>
              ))}
            </Stack>
          </details>
        )
      )}
    </Stack>
  );
}

/** Give or withdraw one consent, by the person themself (method `self`), after a plain-words question. */
function ConsentChange({ personId, purpose, grant }: { personId: string; purpose: Purpose; grant: boolean }) {
  const { t } = useTranslation();
  const [opened, setOpened] = useState(false);
  const [agencies, setAgencies] = useState<string[]>([]);
  const [agencyError, setAgencyError] = useState<string | undefined>();
  const record = useRecordConsent(personId);
  const label = t(`persons.consent.purposes.${purpose}`);
  const needsAgencies = grant && purpose === 'share_agencies';

  function close() {
    setOpened(false);
    setAgencies([]);
    setAgencyError(undefined);
    record.reset();
  }

  function confirm() {
    if (needsAgencies && agencies.length === 0) {
      setAgencyError(t('validation.chooseOne'));
      return;
    }
    record.mutate(
      { purpose, granted: grant, method: 'self', ...(needsAgencies ? { agencies } : {}) },
      {
        onSuccess: () => {
          notifySuccess(grant ? t('persons.consent.recorded') : t('persons.consent.withdrawn'));
          close();
        },
      },
    );
  }

  return (
    <>
      <Button
        variant={grant ? 'filled' : 'outline'}
        color={grant ? undefined : 'red.9'}
        onClick={() => setOpened(true)}
      >
        {grant ? t('citizen.me.give') : t('citizen.me.withdraw')}
        <VisuallyHidden>: {label}</VisuallyHidden>
      </Button>
      <Modal
        opened={opened}
        onClose={close}
        title={grant ? t('citizen.me.give') : t('citizen.me.withdraw')}
        centered
        closeButtonProps={{ 'aria-label': t('common.close') }}
      >
        <Stack>
          <Text>
            {grant
              ? t('citizen.me.giveQuestion', { purpose: label })
              : t('citizen.me.withdrawQuestion', { purpose: label })}
          </Text>
          {needsAgencies && (
            <AgencyPicker
              label={t('persons.consent.agencies')}
              value={agencies}
              onChange={(ids) => {
                setAgencies(ids);
                setAgencyError(undefined);
              }}
              error={agencyError}
            />
          )}
          {record.error && <ErrorAlert error={record.error} />}
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={close}>
              {t('common.cancel')}
            </Button>
            <Button
              color={grant ? undefined : 'red.9'}
              loading={record.isPending}
              onClick={confirm}
              data-autofocus
            >
              {t('common.confirm')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
