import { IconCalendarOff } from '@tabler/icons-react';
import { lazyPage, type PageDefinition } from '../../core/pages.ts';

export const compliancePages: PageDefinition[] = [
  {
    path: '/admin/elections',
    access: { permission: 'compliance.manage' },
    Component: lazyPage(() => import('./ElectionsPage.tsx'), 'ElectionsPage'),
    nav: { label: 'nav.elections', icon: IconCalendarOff, group: 'admin' },
  },
];
