import { Group, Paper, Stack, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { User } from '../../../core/schemas/index.ts';
import { ConfirmButton } from '../../components/ConfirmButton.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { SecretValue } from '../../components/SecretValue.tsx';
import { useCurrentUser } from '../auth/session.ts';
import { useResetPassword, useUpdateUser } from './api.ts';
import { generatePassword } from './password.ts';

/** Disable or enable the account, and reset its password (the new one is shown once). */
export function UserSecurity({ user }: { user: User }) {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const update = useUpdateUser(user.id);
  const reset = useResetPassword(user.id);
  const [newPassword, setNewPassword] = useState<string | null>(null);
  const name = user.displayName;

  async function toggleDisabled() {
    const disabled = !user.disabled;
    await update.mutateAsync({ disabled }).then(
      () =>
        notifications.show({
          color: 'teal.9',
          message: disabled ? t('users.disabledNow') : t('users.enabledNow'),
        }),
      () => undefined,
    );
  }

  async function resetPassword() {
    const password = generatePassword();
    await reset.mutateAsync(password).then(
      () => setNewPassword(password),
      () => undefined,
    );
  }

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="user-security-title">
      <Stack gap="md">
        <Title order={2} size="h3" id="user-security-title">
          {t('users.securitySection')}
        </Title>
        {update.error && <ErrorAlert error={update.error} />}
        {reset.error && <ErrorAlert error={reset.error} />}
        {newPassword && (
          <SecretValue
            label={t('users.newPasswordOnce')}
            value={newPassword}
            hint={t('users.newPasswordHint')}
          />
        )}
        <Group gap="sm">
          <ConfirmButton
            variant="outline"
            label={t('users.resetPassword')}
            question={t('users.resetConfirm', { name })}
            onConfirm={resetPassword}
            loading={reset.isPending}
          />
          {user.id !== me.id &&
            (user.disabled ? (
              <ConfirmButton
                key="enable"
                color="blue.8"
                label={t('users.enable')}
                question={t('users.enableConfirm', { name })}
                onConfirm={toggleDisabled}
                loading={update.isPending}
              />
            ) : (
              <ConfirmButton
                key="disable"
                label={t('users.disable')}
                question={t('users.disableConfirm', { name })}
                onConfirm={toggleDisabled}
                loading={update.isPending}
              />
            ))}
        </Group>
      </Stack>
    </Paper>
  );
}
