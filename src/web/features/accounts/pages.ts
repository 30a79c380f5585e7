import { lazyPage, type PageDefinition } from '../../core/pages.ts';

export const accountPages: PageDefinition[] = [
  {
    path: '/me',
    access: { authenticated: true },
    Component: lazyPage(() => import('./MePage.tsx'), 'MePage'),
  },
];
