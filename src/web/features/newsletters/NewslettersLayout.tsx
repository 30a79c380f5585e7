import type { ComponentProps } from 'react';
import { SectionLayout } from '../../core/ui/SectionLayout.tsx';

/** The newsletters section's frame: one page at a time, no tabs. */
export function NewslettersLayout(
  props: Omit<ComponentProps<typeof SectionLayout>, 'section' | 'tabs'>,
) {
  return <SectionLayout section="newsletters.nav" {...props} />;
}
