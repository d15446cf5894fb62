import {
  AppShell,
  Avatar,
  Burger,
  Button,
  Group,
  Menu,
  NavLink,
  ScrollArea,
  Text,
  UnstyledButton,
} from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, NavLink as RouterNavLink, useLocation, useNavigate } from 'react-router';
import { mayUse, useMe, useNodeInfo, useSignOut } from '../features/auth/api/session';
import { NotificationBell } from '../features/desk/notifications/notification-bell';
import { SyncIndicator } from '../features/sync/components/sync-indicator';
import { PageLoader } from './guards';
import { LanguageSwitcher } from './language-switcher';
import { navigationItems } from './navigation';

function isActive(pathname: string, to: string) {
  return to === '/' ? pathname === '/' : pathname === to || pathname.startsWith(`${to}/`);
}

function UserMenu() {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const signOut = useSignOut();
  const navigate = useNavigate();
  const { pathname, search } = useLocation();
  // A visitor reading the public directory signs in from here and comes back to the same page.
  if (!me) {
    return (
      <Button
        component={Link}
        to="/sign-in"
        state={{ from: `${pathname}${search}` }}
        size="compact-sm"
        data-testid="shell-sign-in"
      >
        {t('signIn.submit')}
      </Button>
    );
  }
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <Button
          variant="subtle"
          size="compact-sm"
          px={4}
          data-testid="user-menu"
          aria-label={t('shell.userMenu', { name: me.displayName })}
        >
          {/* On a phone the header has room for initials only. */}
          <Avatar name={me.displayName} color="initials" size={28} hiddenFrom="sm" aria-hidden="true" />
          <Text size="sm" truncate maw={200} visibleFrom="sm">
            {me.displayName}
          </Text>
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>{t('shell.signedInAs', { username: me.username })}</Menu.Label>
        <Menu.Item
          data-testid="signout"
          onClick={() => signOut.mutate(undefined, { onSettled: () => navigate('/sign-in', { replace: true }) })}
        >
          {t('shell.signOut')}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}

export function Shell() {
  const { t } = useTranslation();
  const [opened, { toggle, close }] = useDisclosure(false);
  const { data: me } = useMe();
  const { data: node } = useNodeInfo();
  const { pathname } = useLocation();
  // A visitor who has not signed in sees what the node opens to anyone (its directory, where it is public).
  const items = navigationItems.filter((item) =>
    item.permission === null ? Boolean(me) : mayUse(me, node, item.permission),
  );
  // Where one entry lies under another (the visitors' panel and its reception), only the closer one is lit.
  const activeTo = items
    .filter((item) => isActive(pathname, item.to))
    .reduce((closest, item) => (item.to.length > closest.length ? item.to : closest), '');

  return (
    <AppShell
      header={{ height: 56 }}
      navbar={{ width: 230, breakpoint: 'sm', collapsed: { mobile: !opened } }}
      padding={{ base: 'sm', sm: 'md' }}
    >
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap" gap="xs">
          <Group gap="xs" wrap="nowrap" miw={0}>
            <Burger
              opened={opened}
              onClick={toggle}
              hiddenFrom="sm"
              size="sm"
              aria-label={opened ? t('shell.closeNavigation') : t('shell.openNavigation')}
              aria-expanded={opened}
              aria-controls="kontor-navbar"
            />
            <UnstyledButton component={RouterNavLink} to="/" aria-label={t('shell.homeLink')} miw={0}>
              <Text fw={700} truncate data-testid="org-name">
                {node?.organisation ?? 'Kontor'}
              </Text>
            </UnstyledButton>
          </Group>
          <Group gap="xs" wrap="nowrap">
            {me ? <SyncIndicator /> : null}
            {me ? <NotificationBell /> : null}
            <LanguageSwitcher />
            <UserMenu />
          </Group>
        </Group>
      </AppShell.Header>

      <AppShell.Navbar p="xs" id="kontor-navbar" aria-label={t('shell.navigation')} component="nav">
        {/* Someone with every permission has more entries than a short screen is tall: they scroll. */}
        <AppShell.Section grow component={ScrollArea}>
          {items.map((item) => (
            <NavLink
              key={item.to}
              component={RouterNavLink}
              to={item.to}
              // An entry with entries under it (the visitors' panel) is lit by its own page only.
              end={item.to === '/' || items.some((other) => other.to.startsWith(`${item.to}/`))}
              label={t(item.label)}
              active={item.to === activeTo}
              onClick={close}
              data-testid={item.testId}
            />
          ))}
        </AppShell.Section>
      </AppShell.Navbar>

      <AppShell.Main>
        <Suspense fallback={<PageLoader />}>
          <Outlet />
        </Suspense>
      </AppShell.Main>
    </AppShell>
  );
}
