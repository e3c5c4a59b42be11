import { Button, Group, Paper, Stack, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { passwordChange } from '../../../core/schemas/index.ts';
import { fieldErrorsFor, schemaErrors, shownPaths } from '../../app/validation.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { PasswordField } from '../../components/PasswordField.tsx';
import { refreshSession } from '../auth/session.ts';
import { useChangePassword } from './api.ts';

const FIELDS = ['currentPassword', 'newPassword'] as const;
const MIN_LENGTH = 10;

export function PasswordForm() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const change = useChangePassword();
  const form = useForm({
    initialValues: { currentPassword: '', newPassword: '' },
    validate: (values) => schemaErrors(passwordChange, values, t),
  });

  const submit = form.onSubmit((values) => {
    change.mutate(values, {
      onSuccess: () => {
        form.reset();
        notifications.show({ color: 'teal.9', message: t('account.passwordChanged') });
        void refreshSession(queryClient);
      },
      onError: (error) => form.setErrors(fieldErrorsFor(error, FIELDS).byField),
    });
  });

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="password-title">
      <form onSubmit={submit} noValidate>
        <Stack gap="md" maw={480}>
          <Title order={2} size="h3" id="password-title">
            {t('account.changePassword')}
          </Title>
          {change.error && <ErrorAlert error={change.error} shownFields={shownPaths(change.error, FIELDS)} />}
          <PasswordField
            label={t('account.currentPassword')}
            autoComplete="current-password"
            required
            {...form.getInputProps('currentPassword')}
          />
          <PasswordField
            label={t('account.newPassword')}
            description={t('account.passwordRule', { min: MIN_LENGTH })}
            autoComplete="new-password"
            required
            minLength={MIN_LENGTH}
            {...form.getInputProps('newPassword')}
          />
          <Group>
            <Button type="submit" loading={change.isPending}>
              {t('account.changePassword')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
