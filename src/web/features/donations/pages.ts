import { IconCoinEuro } from '@tabler/icons-react';
import { lazyPage, type PageDefinition } from '../../core/pages.ts';

const access = { permission: 'donations.manage' } as const;

/** The finance officer's pages; the overview is the menu's entry, the others its tabs. */
export const donationPages: PageDefinition[] = [
  {
    path: '/hq/finance',
    access,
    Component: lazyPage(() => import('./OverviewPage.tsx'), 'OverviewPage'),
    nav: { label: 'nav.finance', icon: IconCoinEuro, group: 'hq' },
  },
  {
    path: '/hq/finance/gifts',
    access,
    Component: lazyPage(() => import('./GiftsPage.tsx'), 'GiftsPage'),
  },
  {
    path: '/hq/finance/record',
    access,
    Component: lazyPage(() => import('./RecordGiftPage.tsx'), 'RecordGiftPage'),
  },
  {
    path: '/hq/finance/receipts',
    access,
    Component: lazyPage(() => import('./ReceiptsPage.tsx'), 'ReceiptsPage'),
  },
  {
    path: '/hq/finance/remittances',
    access,
    Component: lazyPage(() => import('./RemittancesPage.tsx'), 'RemittancesPage'),
  },
  {
    path: '/hq/finance/payouts',
    access,
    Component: lazyPage(() => import('./PayoutsPage.tsx'), 'PayoutsPage'),
  },
  {
    path: '/hq/finance/exports',
    access,
    Component: lazyPage(() => import('./ExportsPage.tsx'), 'ExportsPage'),
  },
  {
    path: '/hq/finance/settings',
    access,
    Component: lazyPage(() => import('./SettingsPage.tsx'), 'SettingsPage'),
  },
];
