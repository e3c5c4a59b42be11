import { Anchor, Button, Paper, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useNavigate } from 'react-router';
import { claimAccount, normalizeLinkCode } from '../../../core/schemas/citizen.ts';
import { ApiError } from '../../app/api.ts';
import { fieldErrorsFor, schemaErrors } from '../../app/validation.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { Notice } from '../../components/Notice.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { PasswordField } from '../../components/PasswordField.tsx';
import { useSession } from '../auth/session.ts';
import { useClaim } from './api.ts';

const FIELDS = ['code', 'username', 'password', 'displayName'] as const;
type Field = (typeof FIELDS)[number];

/**
 * `/claim` — "ลงทะเบียนด้วยรหัส / Sign up with a code": the person (or the
 * relative they named) makes their own account with the 8-digit code staff
 * gave them, and lands on their data.
 */
export default function ClaimPage() {
  const { t } = useTranslation();
  const session = useSession();
  const claim = useClaim();
  const navigate = useNavigate();
  const [values, setValues] = useState<Record<Field, string>>({
    code: '',
    username: '',
    password: '',
    displayName: '',
  });
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});

  if (session.data && !claim.isPending && !claim.isSuccess) return <Navigate to="/me" replace />;

  const set = (field: Field) => (value: string) => {
    setValues((v) => ({ ...v, [field]: value }));
    setErrors((e) => ({ ...e, [field]: undefined }));
  };

  function submit() {
    const body = { ...values, username: values.username.trim().toLowerCase() };
    const found: Partial<Record<Field, string>> = schemaErrors(claimAccount, body, t);
    if (!found.code && !normalizeLinkCode(values.code)) found.code = t('citizen.claim.codeFormat');
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    claim.mutate(claimAccount.parse(body), {
      onSuccess: () => navigate('/me', { replace: true }),
      onError: (error) => {
        setErrors(fieldErrorsFor(error, FIELDS).byField);
        setValues((v) => ({ ...v, password: '' }));
      },
    });
  }

  const tooMany = claim.error instanceof ApiError && claim.error.status === 429 ? claim.error : null;

  return (
    <>
      <PageTitle title={t('citizen.claim.title')} intro={t('citizen.claim.intro')} />
      <Paper withBorder p="lg" radius="md">
        <form
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            submit();
          }}
        >
          <Stack>
            {tooMany ? (
              <Notice color="red" role="alert" title={t('citizen.claim.tooMany')}>
                <Text size="sm">{tooMany.detail}</Text>
              </Notice>
            ) : (
              claim.error && <ErrorAlert error={claim.error} shownFields={FIELDS} />
            )}
            <TextInput
              label={t('citizen.claim.code')}
              description={t('citizen.claim.codeHint')}
              inputMode="numeric"
              autoComplete="one-time-code"
              required
              size="md"
              value={values.code}
              onChange={(e) => set('code')(e.currentTarget.value)}
              error={errors.code}
              styles={{ input: { letterSpacing: '0.15em', fontVariantNumeric: 'tabular-nums' } }}
            />
            <TextInput
              label={t('citizen.claim.displayName')}
              description={t('citizen.claim.displayNameHint')}
              autoComplete="name"
              required
              value={values.displayName}
              onChange={(e) => set('displayName')(e.currentTarget.value)}
              error={errors.displayName}
            />
            <TextInput
              label={t('citizen.claim.username')}
              description={t('validation.username')}
              autoComplete="username"
              autoCapitalize="none"
              spellCheck={false}
              required
              value={values.username}
              onChange={(e) => set('username')(e.currentTarget.value)}
              error={errors.username}
            />
            <PasswordField
              label={t('citizen.claim.password')}
              description={t('citizen.claim.passwordHint')}
              autoComplete="new-password"
              required
              value={values.password}
              onChange={(e) => set('password')(e.currentTarget.value)}
              error={errors.password}
            />
            <Button type="submit" size="md" loading={claim.isPending}>
              {t('citizen.claim.submit')}
            </Button>
            <Anchor component={Link} to="/login" size="sm">
              {t('citizen.claim.haveAccount')}
            </Anchor>
          </Stack>
        </form>
      </Paper>
    </>
  );
}
