import { IconBuildingCommunity, IconUsersGroup } from '@tabler/icons-react';
import { lazyPage, type PageDefinition } from '../../core/pages.ts';

export const committeePages: PageDefinition[] = [
  {
    path: '/me/committees',
    access: { authenticated: true },
    Component: lazyPage(() => import('./MyCommitteesPage.tsx'), 'MyCommitteesPage'),
  },
  {
    path: '/me/committees/new',
    access: { authenticated: true },
    Component: lazyPage(() => import('./NewCommitteePage.tsx'), 'NewCommitteePage'),
  },
  {
    // Organisers and managers; the server checks the rank in this committee and the page
    // says so when it refuses.
    path: '/me/committees/:committeeId/manage',
    access: { authenticated: true },
    Component: lazyPage(() => import('./ManageCommitteePage.tsx'), 'ManageCommitteePage'),
  },
  {
    path: '/hq/committees',
    access: { permission: 'committees.manage' },
    Component: lazyPage(() => import('./HqCommitteesPage.tsx'), 'HqCommitteesPage'),
    nav: { label: 'nav.committees', icon: IconBuildingCommunity, group: 'hq' },
  },
  {
    path: '/hq/committees/criteria',
    access: { permission: 'committees.manage' },
    Component: lazyPage(
      () => import('./CertificationCriteriaPage.tsx'),
      'CertificationCriteriaPage',
    ),
  },
  {
    path: '/hq/committee-rules',
    access: { permission: 'committees.manage' },
    Component: lazyPage(() => import('./CommitteeRulesPage.tsx'), 'CommitteeRulesPage'),
    nav: { label: 'nav.committeeRules', icon: IconUsersGroup, group: 'hq' },
  },
];
