import { Anchor, AppShell, Burger, Group, NavLink, ScrollArea, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { Suspense, useEffect } from 'react';
import { Link, Outlet, useLocation } from 'react-router';
import { useT } from '../i18n/index.tsx';
import { useSession } from '../session.tsx';
import { useSite } from '../site.ts';
import type { NavPage } from '../pages.ts';
import { PageLoader } from '../ui/PageLoader.tsx';
import { LanguageSwitch } from './LanguageSwitch.tsx';
import { ScrollToTop } from './ScrollToTop.tsx';
import { UserMenu } from './UserMenu.tsx';

function Navigation({ pathname, navPages }: { pathname: string; navPages: readonly NavPage[] }) {
  const t = useT();
  const { allows } = useSession();
  const groups = [
    { id: 'hq', title: t('nav.hq') },
    { id: 'admin', title: t('nav.admin') },
  ] as const;
  return (
    <nav aria-label={t('nav.main')}>
      {groups.map((group) => {
        const items = navPages.filter((page) => page.nav.group === group.id && allows(page.access));
        if (items.length === 0) return null;
        return (
          <div key={group.id}>
            <Text size="xs" fw={700} c="dimmed" tt="uppercase" px="sm" mt="md" mb={4}>
              {group.title}
            </Text>
            {items.map(({ path, nav }) => (
              <NavLink
                key={path}
                component={Link}
                to={path}
                label={t(nav.label)}
                leftSection={<nav.icon size={18} aria-hidden />}
                active={pathname === path || pathname.startsWith(`${path}/`)}
                aria-current={pathname === path ? 'page' : undefined}
              />
            ))}
          </div>
        );
      })}
    </nav>
  );
}

/** The frame of every page behind the app: header, menus from `navPages`, the page. */
export function Shell({ navPages }: { navPages: readonly NavPage[] }) {
  const t = useT();
  const site = useSite();
  const { pathname } = useLocation();
  const [opened, { toggle, close }] = useDisclosure(false);
  const hasNav = pathname.startsWith('/hq') || pathname.startsWith('/admin');

  useEffect(() => {
    close();
  }, [pathname, close]);

  const campaignName = site.data?.home.campaignName ?? 'Levier';

  return (
    <AppShell
      header={{ height: 56 }}
      navbar={hasNav ? { width: 240, breakpoint: 'sm', collapsed: { mobile: !opened } } : undefined}
      padding="md"
    >
      <ScrollToTop />
      <AppShell.Header>
        <a href="#main" className="levier-skip-link">
          {t('nav.skip')}
        </a>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap" gap="xs">
          <Group gap="xs" wrap="nowrap" style={{ minWidth: 0, flex: 1 }}>
            {hasNav && (
              <Burger
                opened={opened}
                onClick={toggle}
                hiddenFrom="sm"
                size="sm"
                aria-label={opened ? t('nav.closeMenu') : t('nav.openMenu')}
                aria-expanded={opened}
              />
            )}
            <Anchor
              component={Link}
              to="/"
              fw={700}
              // Smaller and on two lines on a phone: the whole campaign name stays readable.
              fz={{ base: 'sm', xs: 'md', sm: 'lg' }}
              lh={1.2}
              lineClamp={2}
              c="inherit"
              underline="never"
            >
              {campaignName}
            </Anchor>
          </Group>
          <Group gap="xs" wrap="nowrap" style={{ flexShrink: 0 }}>
            <LanguageSwitch />
            <UserMenu navPages={navPages} />
          </Group>
        </Group>
      </AppShell.Header>
      {hasNav && (
        <AppShell.Navbar p="xs">
          <AppShell.Section grow component={ScrollArea}>
            <Navigation pathname={pathname} navPages={navPages} />
          </AppShell.Section>
        </AppShell.Navbar>
      )}
      <AppShell.Main id="main" tabIndex={-1}>
        <Suspense fallback={<PageLoader />}>
          <Outlet />
        </Suspense>
      </AppShell.Main>
    </AppShell>
  );
}
