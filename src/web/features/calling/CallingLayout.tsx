import type { ComponentProps } from 'react';
import { SectionLayout, type SectionTab } from '../../core/ui/SectionLayout.tsx';

const tabs: SectionTab[] = [
  { path: '/hq/calling', label: 'calling.tab.broadcasts' },
  { path: '/hq/calling/recordings', label: 'calling.tab.recordings' },
  { path: '/hq/calling/caller-ids', label: 'calling.tab.callerIds' },
  { path: '/hq/calling/lists', label: 'calling.tab.lists' },
  { path: '/hq/calling/banks', label: 'banks.tab' },
];

/** The phone section's frame (a broadcast's pages are under "Diffusions"). */
export function CallingLayout(
  props: Omit<ComponentProps<typeof SectionLayout>, 'section' | 'tabs'>,
) {
  return <SectionLayout section="calling.nav" tabs={tabs} {...props} />;
}
