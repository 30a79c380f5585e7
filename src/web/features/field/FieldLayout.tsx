import { Stack, Tabs, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { useT, type MessageKey } from '../../core/i18n/index.tsx';
import { usePageTitle } from '../../core/ui/usePageTitle.ts';

const tabs: Array<{ path: string; label: MessageKey }> = [
  { path: '/hq/field', label: 'field.tab.overview' },
  { path: '/hq/field/targeting', label: 'field.tab.targeting' },
  { path: '/hq/field/areas', label: 'field.tab.areas' },
];

/** The tab a page belongs to: an area's page is under "Zones". */
const tabOf = (pathname: string) =>
  [...tabs].reverse().find((tab) => pathname === tab.path || pathname.startsWith(`${tab.path}/`))
    ?.path ?? null;

/** The door-to-door planning section's frame: tabs between its pages, the title, the page. */
export function FieldLayout({
  title,
  intro,
  actions,
  children,
}: {
  title: string;
  intro?: string;
  /** Buttons beside the title. */
  actions?: ReactNode;
  children: ReactNode;
}) {
  const t = useT();
  const location = useLocation();
  const navigate = useNavigate();
  usePageTitle(`${title} · ${t('field.nav')}`);
  return (
    <Stack gap="md" maw={1200}>
      <Tabs value={tabOf(location.pathname)} onChange={(path) => path && void navigate(path)}>
        <Tabs.List aria-label={t('field.nav')}>
          {tabs.map((tab) => (
            <Tabs.Tab key={tab.path} value={tab.path}>
              {t(tab.label)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
      </Tabs>
      <Stack gap={4}>
        <Title order={1}>{title}</Title>
        {intro && <Text size="sm">{intro}</Text>}
      </Stack>
      {actions}
      {children}
    </Stack>
  );
}
