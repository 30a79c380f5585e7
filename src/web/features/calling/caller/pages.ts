import { lazyPage, type PageDefinition } from '../../../core/pages.ts';

/** A volunteer's calling pages: any logged-in person; the server says which banks are theirs. */
export const callerPages: PageDefinition[] = [
  {
    path: '/calls',
    access: { authenticated: true },
    Component: lazyPage(() => import('./CallsPage.tsx'), 'CallsPage'),
  },
  {
    path: '/calls/:id',
    access: { authenticated: true },
    Component: lazyPage(() => import('./CallingPage.tsx'), 'CallingPage'),
  },
];
