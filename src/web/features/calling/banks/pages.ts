import { lazyPage, type PageDefinition } from '../../../core/pages.ts';

const access = { permission: 'calling.manage' } as const;

/** Volunteer phone banks at HQ: the list and leaderboards, a bank's form, a bank's page. */
export const phoneBankPages: PageDefinition[] = [
  {
    path: '/hq/calling/banks',
    access,
    Component: lazyPage(() => import('./PhoneBanksPage.tsx'), 'PhoneBanksPage'),
  },
  {
    path: '/hq/calling/banks/new',
    access,
    Component: lazyPage(() => import('./BankEditPage.tsx'), 'NewPhoneBankPage'),
  },
  {
    path: '/hq/calling/banks/:id',
    access,
    Component: lazyPage(() => import('./BankPage.tsx'), 'PhoneBankPage'),
  },
  {
    path: '/hq/calling/banks/:id/edit',
    access,
    Component: lazyPage(() => import('./BankEditPage.tsx'), 'EditPhoneBankPage'),
  },
];
