import { Anchor, Badge, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, Navigate } from 'react-router';
import { citizenOnly } from '../../../core/policy/actor.ts';
import { PageTitle } from '../../components/PageTitle.tsx';
import { AreaNames } from '../areas/AreaNames.tsx';
import { useCan, useCurrentUser } from '../auth/session.ts';
import { useRegistryAccess } from '../persons/access.ts';

export default function HomePage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const can = useCan();

  const registry = useRegistryAccess();
  // A citizen account holds nothing but its own data: that is their home.
  if (citizenOnly(user.roles)) return <Navigate to="/me" replace />;
  const tiles = [
    {
      to: '/me',
      title: t('home.tiles.myData'),
      body: t('home.tiles.myDataBody'),
      show: user.roles.includes('citizen'),
    },
    { to: '/persons/new', title: t('persons.add'), body: t('persons.addTile'), show: registry.register },
    { to: '/persons', title: t('persons.title'), body: t('persons.tile'), show: registry.list },
    {
      to: '/screenings/due',
      title: t('screenings.due.title'),
      body: t('screenings.due.tile'),
      show: registry.list,
    },
    { to: '/households', title: t('households.title'), body: t('households.tile'), show: registry.list },
    { to: '/imports', title: t('imports.title'), body: t('imports.tile'), show: registry.import },
    { to: '/areas', title: t('nav.areas'), body: t('home.tiles.areas'), show: true },
    { to: '/organizations', title: t('nav.organizations'), body: t('home.tiles.organizations'), show: true },
    { to: '/users', title: t('nav.users'), body: t('home.tiles.users'), show: can({ action: 'user.list' }) },
    { to: '/account', title: t('nav.account'), body: t('home.tiles.account'), show: true },
  ].filter((tile) => tile.show);

  return (
    <>
      <PageTitle title={t('home.title', { name: user.displayName })} intro={t('home.intro')} />
      <Stack gap="xl">
        <Card withBorder component="section" aria-label={t('account.details')}>
          <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md">
            <div>
              <Text size="sm" c="dimmed">
                {t('home.roles')}
              </Text>
              <Group gap={6} mt={4}>
                {user.roles.map((role) => (
                  <Badge key={role} variant="light">
                    {t(`enums.role.${role}`)}
                  </Badge>
                ))}
              </Group>
            </div>
            <div>
              <Text size="sm" c="dimmed">
                {t('home.organization')}
              </Text>
              <Text fw={600}>{user.organizationName ?? t('home.noOrganization')}</Text>
            </div>
            <div>
              <Text size="sm" c="dimmed">
                {t('home.areas')}
              </Text>
              <Text fw={600} className="break-anywhere">
                <AreaNames
                  codes={user.areaCodes}
                  empty={user.roles.includes('operator') ? t('home.allAreas') : t('common.none')}
                />
              </Text>
            </div>
          </SimpleGrid>
        </Card>
        <section aria-labelledby="sections-title">
          <Title order={2} size="h3" id="sections-title" mb="sm">
            {t('home.sections')}
          </Title>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
            {tiles.map((tile) => (
              <Card key={tile.to} withBorder padding="lg">
                <Anchor component={Link} to={tile.to} fw={700} fz="lg">
                  {tile.title}
                </Anchor>
                <Text c="dimmed" mt={4}>
                  {tile.body}
                </Text>
              </Card>
            ))}
          </SimpleGrid>
        </section>
      </Stack>
    </>
  );
}
