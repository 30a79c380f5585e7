import { Stack, Tabs, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { useT, type MessageKey } from '../../core/i18n/index.tsx';
import { usePageTitle } from '../../core/ui/usePageTitle.ts';

const tabs: Array<{ path: string; label: MessageKey }> = [
  { path: '/hq/calling', label: 'calling.tab.broadcasts' },
  { path: '/hq/calling/recordings', label: 'calling.tab.recordings' },
  { path: '/hq/calling/caller-ids', label: 'calling.tab.callerIds' },
  { path: '/hq/calling/lists', label: 'calling.tab.lists' },
];

/** The tab a page belongs to: a broadcast's pages are under "Diffusions". */
const tabOf = (pathname: string) =>
  [...tabs].reverse().find((tab) => pathname === tab.path || pathname.startsWith(`${tab.path}/`))
    ?.path ?? null;

/** The phone section's frame: tabs between its pages, the title, the page. */
export function CallingLayout({
  title,
  intro,
  actions,
  children,
}: {
  title: string;
  intro?: string;
  /** Beside the title (buttons, the status badge). */
  actions?: ReactNode;
  children: ReactNode;
}) {
  const t = useT();
  const location = useLocation();
  const navigate = useNavigate();
  usePageTitle(`${title} · ${t('calling.nav')}`);
  return (
    <Stack gap="md" maw={1200}>
      <Tabs value={tabOf(location.pathname)} onChange={(path) => path && void navigate(path)}>
        <Tabs.List aria-label={t('calling.nav')}>
          {tabs.map((tab) => (
            <Tabs.Tab key={tab.path} value={tab.path}>
              {t(tab.label)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
      </Tabs>
      <Stack gap={4}>
        <Title order={1} style={{ overflowWrap: 'anywhere' }}>
          {title}
        </Title>
        {intro && <Text size="sm">{intro}</Text>}
      </Stack>
      {actions}
      {children}
    </Stack>
  );
}
