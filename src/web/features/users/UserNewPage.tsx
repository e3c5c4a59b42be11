import { Anchor, Button, Group, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { userCreate } from '../../../core/schemas/index.ts';
import { fieldErrorsFor, schemaErrors, shownPaths } from '../../app/validation.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { PasswordField } from '../../components/PasswordField.tsx';
import { useCreateUser } from './api.ts';
import { generatePassword } from './password.ts';
import { useGrantableRoles } from './roles.ts';
import { type ScopeValues, UserScopeFields } from './UserFields.tsx';

const FIELDS = ['username', 'displayName', 'password', 'roles', 'organizationId', 'areaCodes'] as const;

interface Values extends ScopeValues {
  username: string;
  displayName: string;
  password: string;
}

const toBody = (v: Values) => ({
  username: v.username.trim().toLowerCase(),
  displayName: v.displayName.trim(),
  password: v.password,
  roles: v.roles,
  organizationId: v.organizationId ?? undefined,
  areaCodes: v.areaCodes,
});

export default function UserNewPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const create = useCreateUser();
  const roleOptions = useGrantableRoles();
  const [showPassword, setShowPassword] = useState(false);
  const form = useForm<Values>({
    initialValues: {
      username: '',
      displayName: '',
      password: '',
      roles: [],
      organizationId: null,
      areaCodes: [],
    },
    validate: (values) => schemaErrors(userCreate, toBody(values), t),
  });

  const submit = form.onSubmit((values) => {
    create.mutate(userCreate.parse(toBody(values)), {
      onSuccess: (user) => {
        notifications.show({ color: 'teal.9', message: t('users.created') });
        navigate(`/users/${user.id}`, { replace: true });
      },
      onError: (error) => form.setErrors(fieldErrorsFor(error, FIELDS).byField),
    });
  });

  return (
    <>
      <Anchor component={Link} to="/users" size="sm" mb="xs" display="inline-block">
        ← {t('nav.users')}
      </Anchor>
      <PageTitle title={t('users.newTitle')} />
      <form onSubmit={submit} noValidate>
        <Stack gap="md" maw={640}>
          {create.error && <ErrorAlert error={create.error} shownFields={shownPaths(create.error, FIELDS)} />}
          <TextInput
            label={t('users.field.username')}
            required
            autoComplete="off"
            autoCapitalize="none"
            spellCheck={false}
            {...form.getInputProps('username')}
          />
          <TextInput label={t('users.field.displayName')} required {...form.getInputProps('displayName')} />
          <Group align="flex-end" gap="sm">
            <PasswordField
              style={{ flex: 1, minWidth: 220 }}
              visible={showPassword}
              onVisibilityChange={setShowPassword}
              label={t('users.field.password')}
              description={t('users.passwordHint')}
              required
              autoComplete="new-password"
              {...form.getInputProps('password')}
            />
            <Button
              variant="outline"
              onClick={() => {
                form.setFieldValue('password', generatePassword());
                setShowPassword(true);
              }}
            >
              {t('users.generate')}
            </Button>
          </Group>
          <UserScopeFields form={form} roleOptions={roleOptions} />
          <Group>
            <Button type="submit" loading={create.isPending}>
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </>
  );
}
