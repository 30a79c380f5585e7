import type { ComponentProps } from 'react';
import { SectionLayout, type SectionTab } from '../../core/ui/SectionLayout.tsx';

const tabs: SectionTab[] = [
  { path: '/hq/field', label: 'field.tab.overview' },
  { path: '/hq/field/targeting', label: 'field.tab.targeting' },
  { path: '/hq/field/areas', label: 'field.tab.areas' },
];

/** The door-to-door planning section's frame (an area's page is under "Zones"). */
export function FieldLayout(props: Omit<ComponentProps<typeof SectionLayout>, 'section' | 'tabs'>) {
  return <SectionLayout section="field.nav" tabs={tabs} {...props} />;
}
