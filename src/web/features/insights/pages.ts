import { IconTargetArrow } from '@tabler/icons-react';
import { lazyPage, type PageDefinition } from '../../core/pages.ts';

export const insightsPages: PageDefinition[] = [
  {
    path: '/hq/impact',
    access: { permission: 'stats.read' },
    Component: lazyPage(() => import('./ImpactPage.tsx'), 'ImpactPage'),
    nav: { label: 'insights.nav', icon: IconTargetArrow, group: 'hq' },
  },
];
