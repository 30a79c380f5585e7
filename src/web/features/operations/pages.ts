import { IconProgress } from '@tabler/icons-react';
import { lazyPage, type PageDefinition } from '../../core/pages.ts';

export const operationsPages: PageDefinition[] = [
  {
    path: '/hq/operations',
    access: { permission: 'people.import' },
    Component: lazyPage(() => import('./OperationsPage.tsx'), 'OperationsPage'),
    nav: { label: 'people.operations.title', icon: IconProgress, group: 'hq' },
  },
];
