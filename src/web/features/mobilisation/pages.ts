import { lazyPage, type PageDefinition } from '../../core/pages.ts';

export const mobilisationPages: PageDefinition[] = [
  {
    // The supporter's own space: a phone-first page that loads no HQ code.
    path: '/me/actions',
    access: { authenticated: true },
    Component: lazyPage(() => import('./ActNearMePage.tsx'), 'ActNearMePage'),
  },
];
