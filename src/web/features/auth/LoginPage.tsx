import { Anchor, Button, Paper, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useLocation, useNavigate } from 'react-router';
import { ApiError } from '../../app/api.ts';
import { sessionNotice } from '../../app/queryClient.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { Notice } from '../../components/Notice.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { PasswordField } from '../../components/PasswordField.tsx';
import { useLogin, useSession } from './session.ts';

export default function LoginPage() {
  const { t } = useTranslation();
  const session = useSession();
  const login = useLogin();
  const navigate = useNavigate();
  const location = useLocation();
  const from = (location.state as { from?: string } | null)?.from ?? '/';
  const form = useForm({
    initialValues: { username: '', password: '' },
    validate: {
      username: (v) => (v.trim() ? null : t('validation.required')),
      password: (v) => (v ? null : t('validation.required')),
    },
  });

  const wait = useRetryCountdown(login.error);

  if (session.data && !login.isPending && !login.isSuccess) return <Navigate to="/" replace />;

  const submit = form.onSubmit((values) => {
    sessionNotice.expired = false;
    login.mutate(
      { username: values.username.trim(), password: values.password },
      {
        onSuccess: ({ user }) => {
          navigate(user.mustChangePassword ? '/account' : from === '/login' ? '/' : from, { replace: true });
        },
        onError: () => form.setFieldValue('password', ''),
      },
    );
  });

  return (
    <>
      <PageTitle title={t('auth.title')} intro={t('auth.intro')} />
      <Paper withBorder p="lg" radius="md">
        <form onSubmit={submit} noValidate>
          <Stack>
            {sessionNotice.expired && !login.error && (
              <Notice color="blue" role="status" title={t('auth.sessionExpired')} />
            )}
            {login.error && <LoginError error={login.error} waitSeconds={wait} />}
            <TextInput
              label={t('auth.username')}
              autoComplete="username"
              autoCapitalize="none"
              spellCheck={false}
              required
              {...form.getInputProps('username')}
            />
            <PasswordField
              label={t('auth.password')}
              autoComplete="current-password"
              required
              {...form.getInputProps('password')}
            />
            <Button type="submit" size="md" loading={login.isPending} disabled={wait > 0}>
              {t('auth.submit')}
            </Button>
            <Text size="sm" c="dimmed">
              {t('auth.forgotHint')}
            </Text>
          </Stack>
        </form>
      </Paper>
      <Paper withBorder p="lg" radius="md" mt="md">
        <Text>{t('auth.claimHint')}</Text>
        <Anchor component={Link} to="/claim" fw={700} fz="lg" mt={4} display="inline-block">
          {t('auth.claimLink')}
        </Anchor>
      </Paper>
    </>
  );
}

function LoginError({ error, waitSeconds }: { error: Error; waitSeconds: number }) {
  const { t } = useTranslation();
  if (error instanceof ApiError && error.status === 401) {
    return <Notice color="red" role="alert" title={t('auth.invalidCredentials')} />;
  }
  if (error instanceof ApiError && error.status === 429) {
    return (
      <Notice color="red" role="alert" title={t('auth.tooManyAttempts')}>
        {waitSeconds > 0 ? t('auth.retryAfter', { seconds: waitSeconds }) : t('auth.retryLater')}
      </Notice>
    );
  }
  return <ErrorAlert error={error} />;
}

/** Seconds left before another login attempt is allowed after a 429, ticking down. */
function useRetryCountdown(error: Error | null): number {
  const [deadline, setDeadline] = useState(0);
  const [now, setNow] = useState(Date.now);
  useEffect(() => {
    if (!(error instanceof ApiError) || error.status !== 429) return;
    setDeadline(Date.now() + (error.retryAfter ?? 0) * 1000);
    setNow(Date.now());
  }, [error]);
  useEffect(() => {
    if (deadline <= Date.now()) return;
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [deadline]);
  return Math.max(0, Math.ceil((deadline - now) / 1000));
}
