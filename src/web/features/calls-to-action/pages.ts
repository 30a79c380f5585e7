import { IconSpeakerphone } from '@tabler/icons-react';
import { lazyPage, type PageDefinition } from '../../core/pages.ts';

const access = { permission: 'messaging.send' } as const;

/** Calls to action at HQ: the list (the menu's entry), a new call from the areas' needs, one call. */
export const callToActionPages: PageDefinition[] = [
  {
    path: '/hq/calls-to-action',
    access,
    Component: lazyPage(() => import('./CallsToActionPage.tsx'), 'CallsToActionPage'),
    nav: { label: 'callsToAction.nav', icon: IconSpeakerphone, group: 'hq' },
  },
  {
    path: '/hq/calls-to-action/new',
    access,
    Component: lazyPage(() => import('./NewCallToActionPage.tsx'), 'NewCallToActionPage'),
  },
  {
    path: '/hq/calls-to-action/:id',
    access,
    Component: lazyPage(() => import('./CallToActionPage.tsx'), 'CallToActionPage'),
  },
];
