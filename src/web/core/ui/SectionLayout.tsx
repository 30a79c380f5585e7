import { Stack, Tabs, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { useT, type MessageKey } from '../i18n/index.tsx';
import { usePageTitle } from './usePageTitle.ts';

export type SectionTab = { path: string; label: MessageKey };

/** The tab a page belongs to: the longest tab path it is at or under (a sub-page's tab). */
const tabOf = (tabs: readonly SectionTab[], pathname: string) =>
  [...tabs].reverse().find((tab) => pathname === tab.path || pathname.startsWith(`${tab.path}/`))
    ?.path ?? null;

/** An HQ section's frame: tabs between its pages (when it has several), the title (and intro), the page. */
export function SectionLayout({
  section,
  tabs = [],
  title,
  intro,
  actions,
  maw = 1200,
  children,
}: {
  /** The section's name: in the window's title and the tabs' label. */
  section: MessageKey;
  tabs?: readonly SectionTab[];
  title: string;
  intro?: string;
  /** Beside the title (buttons, a status badge). */
  actions?: ReactNode;
  maw?: number;
  children: ReactNode;
}) {
  const t = useT();
  const location = useLocation();
  const navigate = useNavigate();
  usePageTitle(`${title} · ${t(section)}`);
  return (
    <Stack gap="md" maw={maw}>
      {tabs.length > 0 && (
        <Tabs
          value={tabOf(tabs, location.pathname)}
          onChange={(path) => path && void navigate(path)}
          className="no-print"
        >
          <Tabs.List aria-label={t(section)}>
            {tabs.map((tab) => (
              <Tabs.Tab key={tab.path} value={tab.path}>
                {t(tab.label)}
              </Tabs.Tab>
            ))}
          </Tabs.List>
        </Tabs>
      )}
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
