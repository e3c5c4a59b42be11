import { Button, Group, Modal, Paper, Stack, Text, Textarea, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { referralTargets } from '../../../core/schemas/referral.ts';
import { ApiError } from '../../app/api.ts';
import { ConfirmButton } from '../../components/ConfirmButton.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { Notice } from '../../components/Notice.tsx';
import { notifySuccess } from '../../components/notifySuccess.ts';
import { type ReferralDetail, useTransition } from './api.ts';

type Target = (typeof referralTargets)[number];

/**
 * The moves the reader may make now (the server lists them in `allowedTransitions`): accept, decline with
 * a reason, start, complete with a note, withdraw after a confirmation. Each carries the version the
 * reader saw, so a move on a referral someone else just changed is refused (409) and shown afresh.
 */
export function ReferralActions({ referral: r }: { referral: ReferralDetail }) {
  const { t } = useTranslation();
  const transition = useTransition(r.id);
  const [asking, setAsking] = useState<'declined' | 'completed' | null>(null);
  const [note, setNote] = useState('');
  const [noteError, setNoteError] = useState<string | undefined>();
  const allowed = new Set<Target>(r.allowedTransitions);
  const stale =
    transition.error instanceof ApiError && transition.error.status === 409 ? transition.error : null;

  if (allowed.size === 0) return null;

  function go(to: Target, withNote?: string) {
    transition.mutate(
      { to, version: r.version, ...(withNote?.trim() ? { note: withNote.trim() } : {}) },
      {
        onSuccess: () => {
          notifySuccess(t('referrals.view.moved', { status: t(`referrals.status.${to}`) }));
          // Only the dialog of this move closes (another may have been opened meanwhile).
          setAsking((open) => (open === to ? null : open));
          if (to === 'declined' || to === 'completed') setNote('');
        },
      },
    );
  }

  function submitNote() {
    if (asking === 'declined' && !note.trim()) {
      setNoteError(t('validation.required'));
      return;
    }
    setNoteError(undefined);
    if (asking) go(asking, note);
  }

  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="referral-actions">
      <Stack gap="sm">
        <Title order={2} size="h3" id="referral-actions">
          {t('referrals.view.actions')}
        </Title>
        <Group gap="sm" wrap="wrap">
          {allowed.has('accepted') && (
            <Button size="md" loading={transition.isPending} onClick={() => go('accepted')}>
              {t('referrals.view.accept')}
            </Button>
          )}
          {allowed.has('in_progress') && (
            <Button size="md" loading={transition.isPending} onClick={() => go('in_progress')}>
              {t('referrals.view.start')}
            </Button>
          )}
          {allowed.has('completed') && (
            <Button
              size="md"
              color="teal.9"
              disabled={transition.isPending}
              onClick={() => setAsking('completed')}
            >
              {t('referrals.view.complete')}
            </Button>
          )}
          {allowed.has('declined') && (
            <Button
              size="md"
              variant="outline"
              color="red.9"
              disabled={transition.isPending}
              onClick={() => setAsking('declined')}
            >
              {t('referrals.view.decline')}
            </Button>
          )}
          {allowed.has('withdrawn') && (
            <ConfirmButton
              size="md"
              variant="outline"
              label={t('referrals.view.withdraw')}
              question={t('referrals.view.withdrawQuestion')}
              loading={transition.isPending}
              onConfirm={() => go('withdrawn')}
            />
          )}
        </Group>
        {stale ? (
          <Notice color="yellow" title={t('referrals.view.stale')}>
            <Text size="sm">{stale.detail}</Text>
          </Notice>
        ) : (
          Boolean(transition.error) && !asking && <ErrorAlert error={transition.error} />
        )}
      </Stack>
      <Modal
        opened={asking !== null}
        onClose={() => setAsking(null)}
        title={asking === 'declined' ? t('referrals.view.decline') : t('referrals.view.complete')}
        centered
        closeButtonProps={{ 'aria-label': t('common.close') }}
      >
        <form
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            submitNote();
          }}
        >
          <Stack>
            <Textarea
              label={
                asking === 'declined' ? t('referrals.view.declineReason') : t('referrals.view.completeNote')
              }
              description={asking === 'declined' ? t('referrals.view.declineHint') : undefined}
              required={asking === 'declined'}
              size="md"
              autosize
              minRows={3}
              maxLength={2000}
              value={note}
              onChange={(e) => setNote(e.currentTarget.value)}
              error={noteError}
              data-autofocus
            />
            {Boolean(transition.error) && !stale && <ErrorAlert error={transition.error} />}
            <Group justify="flex-end" gap="sm">
              <Button variant="default" onClick={() => setAsking(null)}>
                {t('common.cancel')}
              </Button>
              <Button
                type="submit"
                color={asking === 'declined' ? 'red.9' : 'teal.9'}
                loading={transition.isPending}
              >
                {asking === 'declined' ? t('referrals.view.decline') : t('referrals.view.complete')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Modal>
    </Paper>
  );
}
