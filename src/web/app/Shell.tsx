import { Anchor, AppShell, Burger, Button, Group, NavLink, Stack, Text } from '@mantine/core';
import { useDisclosure, useMediaQuery } from '@mantine/hooks';
import { type ReactNode, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation, useNavigate } from 'react-router';
import { LanguageSwitch } from '../components/LanguageSwitch.tsx';
import { PageLoader } from '../components/LoadingState.tsx';
import { Notice } from '../components/Notice.tsx';
import { useCan, useCurrentUser, useLogout } from '../features/auth/session.ts';
import { InboxBell, UnreadNavBadge, useUnread } from '../features/inbox/InboxBell.tsx';
import { useRegistryAccess } from '../features/persons/access.ts';
import { ReferralsNavBadge, useReferralsWaiting } from '../features/referrals/nav.tsx';

/** Roles that usually carry cases in closed groups: their "my people" list is in the menu. */
const CASE_ROLES: readonly string[] = ['social_worker', 'agency_member', 'volunteer', 'caregiver'];

/** The signed-in frame: header (burger on phones), navigation, and the page in <main>. */
export function Shell() {
  const { t } = useTranslation();
  const [opened, { toggle, close }] = useDisclosure(false);
  const isPhone = useMediaQuery('(max-width: 48em)', true, { getInitialValueInEffect: false });

  return (
    <AppShell
      header={{ height: 60 }}
      navbar={{ width: 250, breakpoint: 'sm', collapsed: { mobile: !opened } }}
      padding={{ base: 'sm', sm: 'lg' }}
    >
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <AppShell.Header>
        <Group h="100%" px="sm" justify="space-between" wrap="nowrap">
          <Group gap="xs" wrap="nowrap">
            <Burger
              opened={opened}
              onClick={toggle}
              hiddenFrom="sm"
              size="sm"
              aria-label={opened ? t('app.closeMenu') : t('app.openMenu')}
              aria-expanded={opened}
              aria-controls="main-nav"
            />
            <Anchor component={Link} to="/" fw={700} fz="lg" c="blue.9" underline="never">
              {t('app.name')}
            </Anchor>
          </Group>
          <Group gap="xs" wrap="nowrap">
            <InboxBell />
            <LanguageSwitch />
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar id="main-nav" aria-label={t('app.mainNav')} p="sm" inert={isPhone && !opened}>
        <MainNav onNavigate={close} />
      </AppShell.Navbar>
      <AppShell.Main id="main" tabIndex={-1}>
        <MustChangePasswordNotice />
        <Suspense fallback={<PageLoader />}>
          <Outlet />
        </Suspense>
      </AppShell.Main>
    </AppShell>
  );
}

function MainNav({ onNavigate }: { onNavigate: () => void }) {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const can = useCan();
  const user = useCurrentUser();
  const logout = useLogout();
  const navigate = useNavigate();

  const registry = useRegistryAccess();
  const unread = useUnread();
  const waiting = useReferralsWaiting();
  const links: { to: string; label: string; show: boolean; badge?: number; rightSection?: ReactNode }[] = [
    { to: '/', label: t('nav.home'), show: true },
    { to: '/me', label: t('citizen.nav'), show: user.roles.includes('citizen') },
    { to: '/inbox', label: t('inbox.title'), show: true, badge: unread },
    {
      to: '/my-people',
      label: t('groups.navMyPeople'),
      show: user.roles.some((r) => CASE_ROLES.includes(r)),
    },
    {
      to: '/calendar',
      label: t('visits.nav'),
      show: user.roles.some((r) => r !== 'citizen' && r !== 'committee_viewer'),
    },
    {
      to: '/referrals',
      label: t('referrals.nav'),
      show: user.roles.some((r) => r !== 'citizen'),
      rightSection: <ReferralsNavBadge count={waiting} />,
    },
    { to: '/groups', label: t('groups.nav'), show: user.roles.some((r) => r !== 'citizen') },
    { to: '/persons', label: t('persons.title'), show: registry.list },
    { to: '/screenings/due', label: t('screenings.due.title'), show: registry.list },
    { to: '/households', label: t('households.title'), show: registry.list },
    { to: '/reports', label: t('reports.nav'), show: user.roles.some((r) => r !== 'citizen') },
    { to: '/assistance', label: t('assistance.nav'), show: user.roles.some((r) => r !== 'citizen') },
    { to: '/activities', label: t('plans.nav.library'), show: user.roles.some((r) => r !== 'citizen') },
    {
      to: '/activity-groups',
      label: t('activityGroups.nav'),
      show: registry.list || Boolean(user.organizationId && user.roles.some((r) => r !== 'citizen')),
    },
    {
      to: '/plan-tasks',
      label: t('plans.nav.tasks'),
      show: Boolean(user.organizationId) && user.roles.some((r) => r !== 'citizen'),
    },
    {
      to: '/transport',
      label: t('transport.nav'),
      show: user.roles.some((r) => r !== 'citizen' && r !== 'committee_viewer'),
    },
    { to: '/imports', label: t('imports.title'), show: registry.import },
    { to: '/areas', label: t('nav.areas'), show: true },
    { to: '/organizations', label: t('nav.organizations'), show: true },
    { to: '/users', label: t('nav.users'), show: can({ action: 'user.list' }) },
    { to: '/account', label: t('nav.account'), show: true },
  ];
  const isActive = (to: string) => (to === '/' ? pathname === '/' : pathname.startsWith(to));

  return (
    <Stack justify="space-between" h="100%" gap="sm">
      <AppShell.Section grow style={{ overflowY: 'auto' }}>
        <Stack gap={4}>
          {links
            .filter((l) => l.show)
            .map((l) => (
              <NavLink
                key={l.to}
                component={Link}
                to={l.to}
                label={l.label}
                rightSection={l.badge ? <UnreadNavBadge count={l.badge} /> : l.rightSection}
                aria-label={l.badge ? `${l.label} ${t('inbox.navUnread', { count: l.badge })}` : undefined}
                active={isActive(l.to)}
                aria-current={isActive(l.to) ? 'page' : undefined}
                onClick={onNavigate}
                fw={600}
                variant="light"
              />
            ))}
        </Stack>
      </AppShell.Section>
      <AppShell.Section>
        <Text size="sm" c="dimmed" mb="xs" className="break-anywhere">
          {user.displayName} ({user.username})
        </Text>
        <Button
          variant="default"
          fullWidth
          loading={logout.isPending}
          onClick={() => logout.mutate(undefined, { onSuccess: () => navigate('/login') })}
        >
          {t('nav.logout')}
        </Button>
      </AppShell.Section>
    </Stack>
  );
}

function MustChangePasswordNotice() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const { pathname } = useLocation();
  if (!user.mustChangePassword || pathname === '/account') return null;
  return (
    <Notice color="blue" title={t('mustChange.title')} mb="md">
      <Text size="sm">{t('mustChange.body')}</Text>
      <Anchor component={Link} to="/account" size="sm" fw={700}>
        {t('mustChange.link')}
      </Anchor>
    </Notice>
  );
}
