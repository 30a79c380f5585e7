import { IconPhoneCall } from '@tabler/icons-react';
import { lazyPage, type PageDefinition } from '../../core/pages.ts';

const access = { permission: 'calling.manage' } as const;

/** Phone operations: voice broadcasts (the menu's entry), recordings, caller IDs, lists. */
export const callingPages: PageDefinition[] = [
  {
    path: '/hq/calling',
    access,
    Component: lazyPage(() => import('./BroadcastsPage.tsx'), 'BroadcastsPage'),
    nav: { label: 'calling.nav', icon: IconPhoneCall, group: 'hq' },
  },
  {
    path: '/hq/calling/broadcasts/new',
    access,
    Component: lazyPage(() => import('./BroadcastEditPage.tsx'), 'NewBroadcastPage'),
  },
  {
    path: '/hq/calling/broadcasts/:id',
    access,
    Component: lazyPage(() => import('./BroadcastPage.tsx'), 'BroadcastPage'),
  },
  {
    path: '/hq/calling/broadcasts/:id/edit',
    access,
    Component: lazyPage(() => import('./BroadcastEditPage.tsx'), 'EditBroadcastPage'),
  },
  {
    path: '/hq/calling/recordings',
    access,
    Component: lazyPage(() => import('./RecordingsPage.tsx'), 'RecordingsPage'),
  },
  {
    path: '/hq/calling/caller-ids',
    access,
    Component: lazyPage(() => import('./CallerIdsPage.tsx'), 'CallerIdsPage'),
  },
  {
    path: '/hq/calling/lists',
    access,
    Component: lazyPage(() => import('./CallListsPage.tsx'), 'CallListsPage'),
  },
];
