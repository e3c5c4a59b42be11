import { Button, Group, Paper, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { tokenCreate } from '../../../core/schemas/index.ts';
import { fieldErrorsFor, schemaErrors } from '../../app/validation.ts';
import { ConfirmButton } from '../../components/ConfirmButton.tsx';
import { DateText } from '../../components/DateText.tsx';
import { Empty } from '../../components/Empty.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { LoadingState } from '../../components/LoadingState.tsx';
import { SecretValue } from '../../components/SecretValue.tsx';
import { type ApiToken, useCreateToken, useRevokeToken, useTokens } from './api.ts';

/** API tokens for integrations: list, create (shown once), revoke. */
export function TokensSection() {
  const { t } = useTranslation();
  const tokens = useTokens();
  const create = useCreateToken();
  const form = useForm({
    initialValues: { name: '' },
    validate: (values) => schemaErrors(tokenCreate, values, t),
  });

  const submit = form.onSubmit((values) => {
    create.mutate(values.name.trim(), {
      onSuccess: () => form.reset(),
      onError: (error) => form.setErrors(fieldErrorsFor(error, ['name']).byField),
    });
  });

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="tokens-title">
      <Stack gap="md">
        <div>
          <Title order={2} size="h3" id="tokens-title">
            {t('account.tokens')}
          </Title>
          <Text c="dimmed" size="sm">
            {t('account.tokensIntro')}
          </Text>
        </div>
        {create.data && <SecretValue label={t('account.tokenCreated')} value={create.data.token} />}
        <form onSubmit={submit} noValidate>
          <Group align="flex-start" gap="sm">
            <TextInput
              style={{ flex: 1, minWidth: 220 }}
              label={t('account.tokenName')}
              placeholder={t('account.tokenNamePlaceholder')}
              required
              {...form.getInputProps('name')}
            />
            <Button type="submit" mt={{ base: 0, xs: 28 }} loading={create.isPending}>
              {t('account.createToken')}
            </Button>
          </Group>
        </form>
        {create.error && <ErrorAlert error={create.error} shownFields={['name']} />}
        {tokens.isPending ? (
          <LoadingState rows={2} />
        ) : tokens.error ? (
          <ErrorAlert error={tokens.error} onRetry={() => void tokens.refetch()} />
        ) : tokens.data.items.length === 0 ? (
          <Empty title={t('account.noTokens')} />
        ) : (
          <TokenTable tokens={tokens.data.items} />
        )}
      </Stack>
    </Paper>
  );
}

function TokenTable({ tokens }: { tokens: readonly ApiToken[] }) {
  const { t } = useTranslation();
  const revoke = useRevokeToken();
  return (
    <Table.ScrollContainer minWidth={480}>
      <Table verticalSpacing="sm">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('account.tokenName')}</Table.Th>
            <Table.Th scope="col">{t('common.createdAt')}</Table.Th>
            <Table.Th scope="col">{t('account.lastUsed')}</Table.Th>
            <Table.Th scope="col">{t('common.actions')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {tokens.map((token) => (
            <Table.Tr key={token.id}>
              <Table.Td className="break-anywhere">{token.name}</Table.Td>
              <Table.Td>
                <DateText value={token.createdAt} />
              </Table.Td>
              <Table.Td>
                {token.lastUsedAt ? <DateText value={token.lastUsedAt} withTime /> : t('account.neverUsed')}
              </Table.Td>
              <Table.Td>
                <ConfirmButton
                  size="xs"
                  variant="outline"
                  label={t('account.revoke', { name: token.name })}
                  question={t('account.revokeConfirm', { name: token.name })}
                  loading={revoke.isPending}
                  onConfirm={() =>
                    revoke.mutateAsync(token.id).then(
                      () => notifications.show({ color: 'teal.9', message: t('account.revoked') }),
                      () => undefined,
                    )
                  }
                />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {revoke.error && <ErrorAlert error={revoke.error} />}
    </Table.ScrollContainer>
  );
}
