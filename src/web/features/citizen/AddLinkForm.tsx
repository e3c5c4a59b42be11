import { Button, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { normalizeLinkCode } from '../../../core/schemas/citizen.ts';
import { ApiError } from '../../app/api.ts';
import { fieldErrorsFor } from '../../app/validation.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { notifySuccess } from '../../components/notifySuccess.ts';
import { useAddLink } from './api.ts';

/** Links one more record to this account with a code (e.g. a second parent the proxy cares for). */
export function AddLinkForm() {
  const { t } = useTranslation();
  const [code, setCode] = useState('');
  const [error, setError] = useState<string | undefined>();
  const add = useAddLink();

  function submit() {
    if (!normalizeLinkCode(code)) {
      setError(code.trim() ? t('citizen.claim.codeFormat') : t('validation.required'));
      return;
    }
    add.mutate(code, {
      onSuccess: (link) => {
        notifySuccess(t('citizen.me.linked', { name: `${link.firstName} ${link.lastName}` }));
        setCode('');
      },
      onError: (e) => setError(fieldErrorsFor(e, ['code']).byField.code),
    });
  }

  const rateLimited = add.error instanceof ApiError && add.error.status === 429;

  return (
    <section aria-labelledby="add-link">
      <Title order={3} size="h4" id="add-link" mb={4}>
        {t('citizen.me.addLink')}
      </Title>
      <Text size="sm" c="dimmed" mb="xs">
        {t('citizen.me.addLinkIntro')}
      </Text>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <Stack gap="sm">
          {add.error && !error && <ErrorAlert error={add.error} shownFields={rateLimited ? [] : ['code']} />}
          <Group align="flex-start" gap="sm" grow preventGrowOverflow={false}>
            <TextInput
              label={t('citizen.claim.code')}
              inputMode="numeric"
              autoComplete="one-time-code"
              required
              value={code}
              onChange={(e) => {
                setCode(e.currentTarget.value);
                setError(undefined);
              }}
              error={error}
              styles={{ input: { letterSpacing: '0.15em', fontVariantNumeric: 'tabular-nums' } }}
            />
          </Group>
          <div>
            <Button type="submit" loading={add.isPending}>
              {t('citizen.me.addLinkSubmit')}
            </Button>
          </div>
        </Stack>
      </form>
    </section>
  );
}
