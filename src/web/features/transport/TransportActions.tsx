import { Button, Group, Modal, Stack, Textarea } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ServiceParty } from '../../../core/policy/index.ts';
import type { TransportRequestDto, TransportTarget } from '../../../core/schemas/index.ts';
import { nextTransportStatuses, transportActionFor } from '../../../core/services/transport.ts';
import { formatDate } from '../../../core/thai/buddhistEra.ts';
import { ApiError } from '../../app/api.ts';
import { ConfirmButton } from '../../components/ConfirmButton.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { Notice } from '../../components/Notice.tsx';
import { useCan } from '../auth/session.ts';
import { useTransition } from './api.ts';

export const partyOf = (r: TransportRequestDto): ServiceParty => ({
  fromUserId: r.requestedBy.id,
  toOrganizationId: r.providerOrganizationId,
  place: r.villageCode ?? r.areaCode,
});

/**
 * The moves the reader may make now, as big buttons: the provider accepts, declines (with a reason)
 * and completes; the requester or the area's admin cancels, after a confirmation. The core rules
 * say which moves exist; the policy says whose they are (the server decides for real).
 */
export function TransportActions({ request }: { request: TransportRequestDto }) {
  const { t, i18n } = useTranslation();
  const can = useCan();
  const transition = useTransition(request.id);
  const [declining, { open, close }] = useDisclosure(false);
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string | null>(null);
  const party = partyOf(request);
  const allowed = nextTransportStatuses(request.status).filter((to) =>
    can({ action: transportActionFor(to), transport: party }),
  );
  if (allowed.length === 0) return null;

  const go = (to: TransportTarget, note?: string) =>
    new Promise<boolean>((resolve) =>
      transition.mutate(
        { to, note, version: request.version },
        {
          onSuccess: () => {
            notifications.show({ color: 'teal.9', message: t('transport.action.done') });
            resolve(true);
          },
          onError: () => resolve(false),
        },
      ),
    );
  const stale = transition.error instanceof ApiError && transition.error.status === 409;

  return (
    <Stack gap="sm">
      {stale ? (
        <Notice color="yellow" title={t('transport.action.stale')} />
      ) : (
        transition.error && !declining && <ErrorAlert error={transition.error} />
      )}
      <Group gap="sm" grow preventGrowOverflow={false}>
        {allowed.includes('accepted') && (
          <Button size="lg" color="teal.9" loading={transition.isPending} onClick={() => void go('accepted')}>
            {t('transport.action.accept')}
          </Button>
        )}
        {allowed.includes('completed') && (
          <Button
            size="lg"
            color="teal.9"
            loading={transition.isPending}
            onClick={() => void go('completed')}
          >
            {t('transport.action.complete')}
          </Button>
        )}
        {allowed.includes('declined') && (
          <Button size="lg" variant="default" onClick={open}>
            {t('transport.action.decline')}
          </Button>
        )}
        {allowed.includes('cancelled') && (
          <ConfirmButton
            size="lg"
            variant="outline"
            label={t('transport.action.cancel')}
            question={t('transport.action.cancelQuestion', {
              date: formatDate(request.pickupAt, i18n.language === 'en' ? 'en' : 'th', { withTime: true }),
            })}
            loading={transition.isPending}
            onConfirm={async () => {
              await go('cancelled');
            }}
          />
        )}
      </Group>
      <Modal
        opened={declining}
        onClose={close}
        title={t('transport.action.declineTitle')}
        centered
        closeButtonProps={{ 'aria-label': t('common.close') }}
      >
        <form
          onSubmit={(e) => {
            e.preventDefault();
            if (!reason.trim()) {
              setReasonError(t('validation.required'));
              return;
            }
            void go('declined', reason.trim()).then((ok) => {
              if (ok) close();
            });
          }}
        >
          <Stack>
            {transition.error && <ErrorAlert error={transition.error} />}
            <Textarea
              label={t('transport.action.declineReason')}
              required
              autosize
              minRows={3}
              maxLength={1000}
              value={reason}
              onChange={(e) => {
                setReason(e.currentTarget.value);
                setReasonError(null);
              }}
              error={reasonError}
              data-autofocus
            />
            <Group justify="flex-end" gap="sm">
              <Button variant="default" onClick={close}>
                {t('common.cancel')}
              </Button>
              <Button type="submit" color="red.9" loading={transition.isPending}>
                {t('transport.action.declineConfirm')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Modal>
    </Stack>
  );
}
