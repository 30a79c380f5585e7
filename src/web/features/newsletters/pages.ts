import { IconMail } from '@tabler/icons-react';
import { lazyPage, type PageDefinition } from '../../core/pages.ts';

const access = { permission: 'messaging.send' } as const;

/** Newsletters at HQ: the list (the menu's entry), the editor with its preview, a newsletter. */
export const newsletterPages: PageDefinition[] = [
  {
    path: '/hq/newsletters',
    access,
    Component: lazyPage(() => import('./NewslettersPage.tsx'), 'NewslettersPage'),
    nav: { label: 'newsletters.nav', icon: IconMail, group: 'hq' },
  },
  {
    path: '/hq/newsletters/new',
    access,
    Component: lazyPage(() => import('./NewsletterEditPage.tsx'), 'NewNewsletterPage'),
  },
  {
    path: '/hq/newsletters/automations',
    access,
    Component: lazyPage(() => import('./AutomationsPage.tsx'), 'AutomationsPage'),
  },
  {
    path: '/hq/newsletters/automations/new',
    access,
    Component: lazyPage(() => import('./AutomationEditPage.tsx'), 'NewAutomationPage'),
  },
  {
    path: '/hq/newsletters/automations/:id',
    access,
    Component: lazyPage(() => import('./AutomationEditPage.tsx'), 'AutomationPage'),
  },
  {
    path: '/hq/newsletters/:id',
    access,
    Component: lazyPage(() => import('./NewsletterPage.tsx'), 'NewsletterPage'),
  },
  {
    path: '/hq/newsletters/:id/edit',
    access,
    Component: lazyPage(() => import('./NewsletterEditPage.tsx'), 'EditNewsletterPage'),
  },
];
