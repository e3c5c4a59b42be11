import { Anchor, Button, Group, Paper, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { type Role, type User, userPatch } from '../../../core/schemas/index.ts';
import { fieldErrorsFor, schemaErrors, shownPaths } from '../../app/validation.ts';
import { DateText } from '../../components/DateText.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { LoadingState } from '../../components/LoadingState.tsx';
import { Notice } from '../../components/Notice.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { useUpdateUser, useUser } from './api.ts';
import { useGrantableRoles } from './roles.ts';
import { type ScopeValues, UserScopeFields } from './UserFields.tsx';
import { UserSecurity } from './UserSecurity.tsx';

const FIELDS = ['displayName', 'roles', 'organizationId', 'areaCodes'] as const;

interface Values extends ScopeValues {
  displayName: string;
}

const toBody = (v: Values) => ({
  displayName: v.displayName.trim(),
  roles: v.roles,
  organizationId: v.organizationId,
  areaCodes: v.areaCodes,
});

export default function UserPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const user = useUser(id);

  return (
    <>
      <Anchor component={Link} to="/users" size="sm" mb="xs" display="inline-block">
        ← {t('nav.users')}
      </Anchor>
      {user.isPending ? (
        <LoadingState rows={8} />
      ) : user.error ? (
        <>
          <PageTitle title={t('users.title')} />
          <ErrorAlert error={user.error} onRetry={() => void user.refetch()} />
        </>
      ) : (
        <UserDetail user={user.data} />
      )}
    </>
  );
}

function UserDetail({ user }: { user: User }) {
  const { t } = useTranslation();
  return (
    <>
      <PageTitle title={user.displayName} intro={user.username} />
      <Stack gap="lg">
        {user.disabled && <Notice color="red" title={t('users.isDisabled')} />}
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Fact label={t('common.createdAt')}>
            <DateText value={user.createdAt} />
          </Fact>
          <Fact label={t('users.field.lastLogin')}>
            {user.lastLoginAt ? <DateText value={user.lastLoginAt} withTime /> : t('users.never')}
          </Fact>
        </SimpleGrid>
        <UserEditForm key={`${user.id}:${user.roles.join()}:${user.areaCodes.join()}`} user={user} />
        <UserSecurity user={user} />
      </Stack>
    </>
  );
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text size="sm" c="dimmed">
        {label}
      </Text>
      <Text fw={600}>{children}</Text>
    </div>
  );
}

function UserEditForm({ user }: { user: User }) {
  const { t } = useTranslation();
  const update = useUpdateUser(user.id);
  const grantable = useGrantableRoles();
  const roleOptions: Role[] = [...grantable, ...user.roles.filter((r) => !grantable.includes(r))];
  const form = useForm<Values>({
    initialValues: {
      displayName: user.displayName,
      roles: user.roles,
      organizationId: user.organizationId,
      areaCodes: user.areaCodes,
    },
    validate: (values) => schemaErrors(userPatch, toBody(values), t),
  });

  const submit = form.onSubmit((values) => {
    update.mutate(userPatch.parse(toBody(values)), {
      onSuccess: () => notifications.show({ color: 'teal.9', message: t('common.saved') }),
      onError: (error) => form.setErrors(fieldErrorsFor(error, FIELDS).byField),
    });
  });

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="user-details-title">
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <Title order={2} size="h3" id="user-details-title">
            {t('users.detailsSection')}
          </Title>
          {update.error && <ErrorAlert error={update.error} shownFields={shownPaths(update.error, FIELDS)} />}
          <TextInput label={t('users.field.displayName')} required {...form.getInputProps('displayName')} />
          <UserScopeFields form={form} roleOptions={roleOptions} organizationName={user.organizationName} />
          <Group>
            <Button type="submit" loading={update.isPending}>
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
