import { Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { placeOf } from '../../../core/policy/index.ts';
import type { Person } from '../../../core/schemas/index.ts';
import { ConfirmButton } from '../../components/ConfirmButton.tsx';
import { DateText } from '../../components/DateText.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { LoadingState } from '../../components/LoadingState.tsx';
import { notifySuccess } from '../../components/notifySuccess.ts';
import { useCan } from '../auth/session.ts';
import { AccessLog } from './AccessLog.tsx';
import { usePersonLinks, useRevokeLink } from './api.ts';
import { relationText } from './words.ts';

/**
 * For the person's admins, on the profile: "ประวัติการเข้าถึง / Access log"
 * and the citizen accounts linked to the record. Loaded only when asked for,
 * because reading the log is itself recorded.
 */
export function PersonAccessSection({ person }: { person: Person }) {
  const { t } = useTranslation();
  const can = useCan();
  const [open, setOpen] = useState(false);
  if (!can({ action: 'person.audit', areaCode: placeOf(person.address) })) return null;

  return (
    <Paper component="section" withBorder p="md" radius="md" aria-labelledby="access-title">
      <Stack gap="md">
        <Group justify="space-between" gap="sm">
          <Title order={2} size="h3" id="access-title">
            {t('citizen.access.title')}
          </Title>
          {!open && (
            <Button variant="default" onClick={() => setOpen(true)}>
              {t('citizen.access.show')}
            </Button>
          )}
        </Group>
        <Text c="dimmed">{t('citizen.access.staffIntro')}</Text>
        {open && (
          <>
            <LinkedAccounts personId={person.id} />
            <Title order={3} size="h4">
              {t('citizen.access.logTitle')}
            </Title>
            <AccessLog personId={person.id} hideMineByDefault={false} />
          </>
        )}
      </Stack>
    </Paper>
  );
}

function LinkedAccounts({ personId }: { personId: string }) {
  const { t } = useTranslation();
  const links = usePersonLinks(personId);
  const revoke = useRevokeLink(personId);
  if (links.isPending) return <LoadingState rows={1} />;
  if (links.error) return <ErrorAlert error={links.error} onRetry={() => void links.refetch()} />;
  const live = links.data.links.filter((l) => !l.revokedAt);
  const pending = links.data.pendingCodes;

  return (
    <section aria-labelledby="linked-accounts">
      <Title order={3} size="h4" id="linked-accounts" mb="xs">
        {t('citizen.links.title')}
      </Title>
      {live.length === 0 ? (
        <Text c="dimmed">{t('citizen.links.none')}</Text>
      ) : (
        <Stack component="ul" gap="xs" p={0} m={0} style={{ listStyle: 'none' }}>
          {live.map((l) => (
            <Paper component="li" key={l.id} withBorder p="sm">
              <Group justify="space-between" gap="sm">
                <div>
                  <Text fw={700} className="break-anywhere">
                    {l.displayName} ({l.username})
                  </Text>
                  <Text size="sm">
                    {relationText(t, l.relation)} · {t('citizen.links.linkedOn')}{' '}
                    <DateText value={l.linkedAt} />
                  </Text>
                </div>
                <ConfirmButton
                  label={t('citizen.links.revoke')}
                  ariaLabel={`${t('citizen.links.revoke')}: ${l.displayName}`}
                  question={t('citizen.links.revokeQuestion', { name: l.displayName })}
                  variant="outline"
                  loading={revoke.isPending}
                  onConfirm={() =>
                    revoke.mutateAsync(l.id).then(
                      () => notifySuccess(t('citizen.links.revoked')),
                      () => undefined,
                    )
                  }
                />
              </Group>
            </Paper>
          ))}
        </Stack>
      )}
      {revoke.error && <ErrorAlert error={revoke.error} />}
      {pending.length > 0 && (
        <Text size="sm" mt="xs">
          {t('citizen.links.pending', { count: pending.length })}{' '}
          <DateText value={pending[0]!.expiresAt} withTime />
        </Text>
      )}
    </section>
  );
}
