import { IconFlag, IconGavel } from '@tabler/icons-react';
import { lazyPage, type PageDefinition } from '../../core/pages.ts';

export const moderationPages: PageDefinition[] = [
  {
    path: '/hq/moderation',
    access: { permission: 'moderation.act' },
    Component: lazyPage(() => import('./ModerationQueuePage.tsx'), 'ModerationQueuePage'),
    nav: { label: 'nav.moderation', icon: IconFlag, group: 'hq' },
  },
  {
    path: '/hq/moderation/sanctions',
    access: { permission: 'moderation.act' },
    Component: lazyPage(() => import('./SanctionsPage.tsx'), 'SanctionsPage'),
    nav: { label: 'nav.sanctions', icon: IconGavel, group: 'hq' },
  },
];
