import type { ComponentProps } from 'react';
import { SectionLayout, type SectionTab } from '../../core/ui/SectionLayout.tsx';

const tabs: readonly SectionTab[] = [
  { path: '/hq/content', label: 'content.tab.items' },
  { path: '/hq/content/leaderboard', label: 'content.tab.leaderboard' },
];

/** The content section's frame: the items and the relay leaderboard. */
export function ContentLayout(
  props: Omit<ComponentProps<typeof SectionLayout>, 'section' | 'tabs'>,
) {
  return <SectionLayout section="content.nav" tabs={tabs} {...props} />;
}
