import {
  IconDeviceTablet,
  IconGavel,
  IconHome,
  IconListDetails,
  IconMail,
  IconUserShield,
} from '@tabler/icons-react';
import { lazyPage, type PageDefinition } from '../../core/pages.ts';

export const kioskPages: PageDefinition[] = [
  {
    path: '/hq/kiosk',
    access: { permission: 'signup.kiosk' },
    Component: lazyPage(() => import('./KioskPage.tsx'), 'KioskPage'),
    nav: { label: 'nav.kiosk', icon: IconDeviceTablet, group: 'hq' },
  },
];

export const adminPages: PageDefinition[] = [
  {
    path: '/admin/site',
    access: { permission: 'settings.write' },
    Component: lazyPage(() => import('./SiteSettingsPage.tsx'), 'SiteSettingsPage'),
    nav: { label: 'nav.site', icon: IconHome, group: 'admin' },
  },
  {
    path: '/admin/legal',
    access: { permission: 'settings.write' },
    Component: lazyPage(() => import('./LegalSettingsPage.tsx'), 'LegalSettingsPage'),
    nav: { label: 'nav.legal', icon: IconGavel, group: 'admin' },
  },
  {
    path: '/admin/accounts',
    access: { permission: 'roles.manage' },
    Component: lazyPage(() => import('./AccountsAdminPage.tsx'), 'AccountsAdminPage'),
    nav: { label: 'nav.accounts', icon: IconUserShield, group: 'admin' },
  },
  {
    path: '/admin/mail',
    access: { permission: 'mail.catcher.read' },
    Component: lazyPage(() => import('./MailCatcherPage.tsx'), 'MailCatcherPage'),
    nav: { label: 'nav.mail', icon: IconMail, group: 'admin' },
  },
  {
    path: '/admin/audit',
    access: { permission: 'audit.read' },
    Component: lazyPage(() => import('./AuditPage.tsx'), 'AuditPage'),
    nav: { label: 'nav.audit', icon: IconListDetails, group: 'admin' },
  },
];
