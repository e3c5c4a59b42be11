import { Badge, Button, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ConfirmButton } from '../../components/ConfirmButton.tsx';
import { DateText } from '../../components/DateText.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { Notice } from '../../components/Notice.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { AreaNames } from '../areas/AreaNames.tsx';
import { useCurrentUser, useLogout, useLogoutEverywhere } from '../auth/session.ts';
import { PasswordForm } from './PasswordForm.tsx';
import { TokensSection } from './TokensSection.tsx';

export default function AccountPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  return (
    <>
      <PageTitle title={t('account.title')} />
      <Stack gap="lg">
        {user.mustChangePassword && (
          <Notice color="blue" title={t('mustChange.title')} role="status">
            {t('mustChange.body')}
          </Notice>
        )}
        <Details />
        <PasswordForm />
        <TokensSection />
        <Sessions />
      </Stack>
    </>
  );
}

function Details() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const facts = [
    { label: t('users.field.username'), value: user.username },
    { label: t('users.field.displayName'), value: user.displayName },
    { label: t('home.organization'), value: user.organizationName ?? t('home.noOrganization') },
    {
      label: t('home.areas'),
      value: (
        <AreaNames
          codes={user.areaCodes}
          empty={user.roles.includes('operator') ? t('home.allAreas') : t('common.none')}
        />
      ),
    },
    { label: t('users.field.lastLogin'), value: <DateText value={user.lastLoginAt} withTime /> },
  ];
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="details-title">
      <Title order={2} size="h3" id="details-title" mb="sm">
        {t('account.details')}
      </Title>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        {facts.map((f) => (
          <div key={f.label}>
            <Text size="sm" c="dimmed">
              {f.label}
            </Text>
            <Text fw={600} className="break-anywhere">
              {f.value}
            </Text>
          </div>
        ))}
        <div>
          <Text size="sm" c="dimmed">
            {t('home.roles')}
          </Text>
          <Group gap={4} mt={4}>
            {user.roles.map((role) => (
              <Badge key={role} variant="light">
                {t(`enums.role.${role}`)}
              </Badge>
            ))}
          </Group>
        </div>
      </SimpleGrid>
    </Paper>
  );
}

function Sessions() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const logout = useLogout();
  const logoutAll = useLogoutEverywhere();
  const toLogin = () => navigate('/login', { replace: true });
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="sessions-title">
      <Stack gap="sm">
        <Title order={2} size="h3" id="sessions-title">
          {t('account.sessions')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('account.logoutAllHint')}
        </Text>
        {(logout.error || logoutAll.error) && <ErrorAlert error={logout.error ?? logoutAll.error} />}
        <Group gap="sm">
          <Button
            variant="default"
            loading={logout.isPending}
            onClick={() => logout.mutate(undefined, { onSuccess: toLogin })}
          >
            {t('account.logout')}
          </Button>
          <ConfirmButton
            variant="outline"
            label={t('account.logoutAll')}
            question={t('account.logoutAllConfirm')}
            loading={logoutAll.isPending}
            onConfirm={() => logoutAll.mutateAsync().then(toLogin, () => undefined)}
          />
        </Group>
      </Stack>
    </Paper>
  );
}
