import { Stack, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import type { PublicSite } from '../../../contracts/recruitment.ts';
import { useSite } from '../../core/site.ts';
import { QueryState } from '../../core/ui/QueryState.tsx';
import { usePageTitle } from '../../core/ui/usePageTitle.ts';

/** A page of the site's settings: its title, an intro, then its sections once the site is read. */
export function SiteSettingsFrame({
  title,
  intro,
  maxWidth,
  children,
}: {
  title: string;
  intro?: ReactNode;
  maxWidth: number;
  children: (site: PublicSite) => ReactNode;
}) {
  usePageTitle(title);
  const site = useSite();
  return (
    <Stack gap="md" maw={maxWidth}>
      <Title order={1}>{title}</Title>
      {intro}
      <QueryState query={site}>{children}</QueryState>
    </Stack>
  );
}
