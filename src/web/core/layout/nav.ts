import {
  IconAddressBook,
  IconDeviceTablet,
  IconGavel,
  IconChartBar,
  IconFileImport,
  IconFilter,
  IconCopy,
  IconForms,
  IconHome,
  IconListDetails,
  IconMail,
  IconUserShield,
  type Icon,
} from '@tabler/icons-react';
import type { Permission } from '../../../contracts/roles.ts';
import type { MessageKey } from '../i18n/index.tsx';

export interface NavItem {
  to: string;
  label: MessageKey;
  permission: Permission;
  icon: Icon;
  group: 'hq' | 'admin';
}

export const navItems: readonly NavItem[] = [
  {
    to: '/hq/people',
    label: 'nav.people',
    permission: 'people.read',
    icon: IconAddressBook,
    group: 'hq',
  },
  {
    to: '/hq/segments',
    label: 'nav.segments',
    permission: 'people.read',
    icon: IconFilter,
    group: 'hq',
  },
  {
    to: '/hq/import',
    label: 'nav.import',
    permission: 'people.import',
    icon: IconFileImport,
    group: 'hq',
  },
  {
    to: '/hq/duplicates',
    label: 'nav.duplicates',
    permission: 'people.merge',
    icon: IconCopy,
    group: 'hq',
  },
  {
    to: '/hq/fields',
    label: 'nav.fields',
    permission: 'people.fields',
    icon: IconForms,
    group: 'hq',
  },
  {
    to: '/hq/stats',
    label: 'nav.stats',
    permission: 'stats.read',
    icon: IconChartBar,
    group: 'hq',
  },
  {
    to: '/hq/kiosk',
    label: 'nav.kiosk',
    permission: 'signup.kiosk',
    icon: IconDeviceTablet,
    group: 'hq',
  },
  {
    to: '/hq/operations',
    label: 'people.operations.title',
    permission: 'people.import',
    icon: IconListDetails,
    group: 'hq',
  },
  {
    to: '/admin/site',
    label: 'nav.site',
    permission: 'settings.write',
    icon: IconHome,
    group: 'admin',
  },
  {
    to: '/admin/legal',
    label: 'nav.legal',
    permission: 'settings.write',
    icon: IconGavel,
    group: 'admin',
  },
  {
    to: '/admin/accounts',
    label: 'nav.accounts',
    permission: 'roles.manage',
    icon: IconUserShield,
    group: 'admin',
  },
  {
    to: '/admin/mail',
    label: 'nav.mail',
    permission: 'mail.catcher.read',
    icon: IconMail,
    group: 'admin',
  },
  {
    to: '/admin/audit',
    label: 'nav.audit',
    permission: 'audit.read',
    icon: IconListDetails,
    group: 'admin',
  },
];
