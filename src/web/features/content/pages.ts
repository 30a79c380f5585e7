import { IconNews } from '@tabler/icons-react';
import { lazyPage, type PageDefinition } from '../../core/pages.ts';

const access = { permission: 'content.publish' } as const;

/** Content at HQ: the list (the menu's entry), the editor, the relay leaderboard. */
export const contentPages: PageDefinition[] = [
  {
    path: '/hq/content',
    access,
    Component: lazyPage(() => import('./ContentListPage.tsx'), 'ContentListPage'),
    nav: { label: 'content.nav', icon: IconNews, group: 'hq' },
  },
  {
    path: '/hq/content/new',
    access,
    Component: lazyPage(() => import('./ContentEditPage.tsx'), 'NewContentPage'),
  },
  {
    path: '/hq/content/leaderboard',
    access,
    Component: lazyPage(() => import('./LeaderboardPage.tsx'), 'LeaderboardPage'),
  },
  {
    path: '/hq/content/:id',
    access,
    Component: lazyPage(() => import('./ContentEditPage.tsx'), 'EditContentPage'),
  },
];
