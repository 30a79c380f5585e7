import { IconDoor } from '@tabler/icons-react';
import { lazyPage, type PageDefinition } from '../../core/pages.ts';

const access = { permission: 'field.manage' } as const;

/** The field feature's planning pages: imports, targeting, areas and their turfs. */
export const planningPages: PageDefinition[] = [
  {
    path: '/hq/field',
    access,
    Component: lazyPage(() => import('./FieldOverviewPage.tsx'), 'FieldOverviewPage'),
    nav: { label: 'field.nav', icon: IconDoor, group: 'hq' },
  },
  {
    path: '/hq/field/targeting',
    access,
    Component: lazyPage(() => import('./TargetingPage.tsx'), 'TargetingPage'),
  },
  {
    path: '/hq/field/areas',
    access,
    Component: lazyPage(() => import('./AreasPage.tsx'), 'AreasPage'),
  },
  {
    path: '/hq/field/areas/:id',
    access,
    Component: lazyPage(() => import('./AreaPage.tsx'), 'AreaPage'),
  },
];
