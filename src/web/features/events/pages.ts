import { lazyPage, type PageDefinition } from '../../core/pages.ts';

export const eventPages: PageDefinition[] = [
  {
    path: '/me/events',
    access: { authenticated: true },
    Component: lazyPage(() => import('./MyEventsPage.tsx'), 'MyEventsPage'),
  },
  {
    // A committee's managers; the server checks the rank in this committee.
    path: '/me/committees/:committeeId/events/new',
    access: { authenticated: true },
    Component: lazyPage(() => import('./NewEventPage.tsx'), 'NewEventPage'),
  },
  {
    // The event's managers (its committee's, or staff); the page says so when refused.
    path: '/me/events/:eventId/manage',
    access: { authenticated: true },
    Component: lazyPage(() => import('./ManageEventPage.tsx'), 'ManageEventPage'),
  },
];
