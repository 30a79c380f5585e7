import { IconMessage } from '@tabler/icons-react';
import { lazyPage, type PageDefinition } from '../../core/pages.ts';

const access = { permission: 'messaging.send' } as const;

/** Text campaigns at HQ: the list (the menu's entry), a new one, one campaign. */
export const smsPages: PageDefinition[] = [
  {
    path: '/hq/sms',
    access,
    Component: lazyPage(() => import('./SmsListPage.tsx'), 'SmsListPage'),
    nav: { label: 'sms.nav', icon: IconMessage, group: 'hq' },
  },
  {
    path: '/hq/sms/new',
    access,
    Component: lazyPage(() => import('./SmsCampaignPage.tsx'), 'NewSmsCampaignPage'),
  },
  {
    path: '/hq/sms/:id',
    access,
    Component: lazyPage(() => import('./SmsCampaignPage.tsx'), 'SmsCampaignPage'),
  },
];
