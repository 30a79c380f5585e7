import { IconMessage2Cog } from '@tabler/icons-react';
import { lazyPage, type PageDefinition } from '../../core/pages.ts';

/** Comments at HQ: their rules, with the access of the rules' route (`/api/comments/rules`). */
export const commentPages: PageDefinition[] = [
  {
    path: '/hq/comments/rules',
    access: { permission: 'moderation.act' },
    Component: lazyPage(() => import('./CommentRulesPage.tsx'), 'CommentRulesPage'),
    nav: { label: 'comments.nav', icon: IconMessage2Cog, group: 'hq' },
  },
];
