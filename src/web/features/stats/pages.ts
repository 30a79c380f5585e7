import { IconChartBar } from '@tabler/icons-react';
import { lazyPage, type PageDefinition } from '../../core/pages.ts';

export const statsPages: PageDefinition[] = [
  {
    path: '/hq/stats',
    access: { permission: 'stats.read' },
    Component: lazyPage(() => import('./StatsPage.tsx'), 'StatsPage'),
    nav: { label: 'nav.stats', icon: IconChartBar, group: 'hq' },
  },
];
