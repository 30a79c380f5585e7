import { Box, Button, Menu } from '@mantine/core';
import { IconChevronDown, IconLogout, IconUser } from '@tabler/icons-react';
import { Link } from 'react-router';
import { fullName } from '../format.ts';
import { useT } from '../i18n/index.tsx';
import type { NavPage } from '../pages.ts';
import { useSession, useSessionActions } from '../session.tsx';

export function UserMenu({ navPages }: { navPages: readonly NavPage[] }) {
  const t = useT();
  const { me, allows } = useSession();
  const { logout } = useSessionActions();

  if (!me) {
    return (
      <Button component={Link} to="/login" size="xs" variant="light">
        {t('nav.login')}
      </Button>
    );
  }
  const hq = navPages.filter((page) => allows(page.access));
  const name = fullName(me.firstName, me.lastName) || me.email || t('nav.myAccount');
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <Button
          size="xs"
          variant="subtle"
          px={6}
          leftSection={<IconUser size={16} aria-hidden />}
          rightSection={<IconChevronDown size={14} aria-hidden />}
          aria-label={t('nav.accountMenu')}
        >
          <Box
            component="span"
            visibleFrom="sm"
            maw={160}
            style={{ overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }}
          >
            {name}
          </Box>
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Item component={Link} to="/me" leftSection={<IconUser size={16} aria-hidden />}>
          {t('nav.me')}
        </Menu.Item>
        {hq.length > 0 && <Menu.Divider />}
        {hq.map(({ path, nav }) => (
          <Menu.Item
            key={path}
            component={Link}
            to={path}
            leftSection={<nav.icon size={16} aria-hidden />}
          >
            {t(nav.label)}
          </Menu.Item>
        ))}
        <Menu.Divider />
        <Menu.Item
          leftSection={<IconLogout size={16} aria-hidden />}
          onClick={() => {
            void logout();
          }}
        >
          {t('nav.logout')}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
