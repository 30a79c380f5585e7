import { IconHourglassEmpty } from '@tabler/icons-react';
import { lazyPage, type PageDefinition } from '../../core/pages.ts';

export const retentionPages: PageDefinition[] = [
  {
    path: '/hq/privacy/retention',
    access: { permission: 'privacy.manage' },
    Component: lazyPage(() => import('./RetentionPage.tsx'), 'RetentionPage'),
    nav: { label: 'nav.retention', icon: IconHourglassEmpty, group: 'hq' },
  },
];
