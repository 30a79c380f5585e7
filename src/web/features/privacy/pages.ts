import { IconAlertTriangle, IconFileDescription, IconShieldLock } from '@tabler/icons-react';
import { lazyPage, type PageDefinition } from '../../core/pages.ts';

const access = { permission: 'privacy.manage' } as const;

export const privacyPages: PageDefinition[] = [
  {
    path: '/hq/privacy/requests',
    access,
    Component: lazyPage(() => import('./RequestsPage.tsx'), 'RequestsPage'),
    nav: { label: 'nav.privacyRequests', icon: IconShieldLock, group: 'hq' },
  },
  {
    path: '/hq/privacy/requests/:id',
    access,
    Component: lazyPage(() => import('./RequestPage.tsx'), 'RequestPage'),
  },
  {
    path: '/hq/privacy/breaches',
    access,
    Component: lazyPage(() => import('./BreachesPage.tsx'), 'BreachesPage'),
    nav: { label: 'nav.breaches', icon: IconAlertTriangle, group: 'hq' },
  },
  {
    path: '/hq/privacy/breaches/:id',
    access,
    Component: lazyPage(() => import('./BreachPage.tsx'), 'BreachPage'),
  },
  {
    path: '/hq/privacy/record',
    access,
    Component: lazyPage(() => import('./RecordPage.tsx'), 'RecordPage'),
    nav: { label: 'nav.processingRecord', icon: IconFileDescription, group: 'hq' },
  },
];
