import { IconPlugConnected } from '@tabler/icons-react';
import { lazyPage, type PageDefinition } from '../../core/pages.ts';

export const integrationsPages: PageDefinition[] = [
  {
    path: '/admin/integrations',
    access: { permission: 'integrations.manage' },
    Component: lazyPage(() => import('./IntegrationsPage.tsx'), 'IntegrationsPage'),
    nav: { label: 'nav.integrations', icon: IconPlugConnected, group: 'admin' },
  },
];
