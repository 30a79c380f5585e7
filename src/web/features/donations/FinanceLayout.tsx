import { Stack, Tabs, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { useT, type MessageKey } from '../../core/i18n/index.tsx';
import { usePageTitle } from '../../core/ui/usePageTitle.ts';

const tabs: Array<{ path: string; label: MessageKey }> = [
  { path: '/hq/finance', label: 'finance.tab.overview' },
  { path: '/hq/finance/gifts', label: 'finance.tab.gifts' },
  { path: '/hq/finance/record', label: 'finance.tab.record' },
  { path: '/hq/finance/receipts', label: 'finance.tab.receipts' },
  { path: '/hq/finance/remittances', label: 'finance.tab.remittances' },
  { path: '/hq/finance/payouts', label: 'finance.tab.payouts' },
  { path: '/hq/finance/exports', label: 'finance.tab.exports' },
  { path: '/hq/finance/settings', label: 'finance.tab.settings' },
];

/** The finance section's frame: its title, the tabs between its pages, the page. */
export function FinanceLayout({
  title,
  intro,
  children,
}: {
  title: string;
  intro?: string;
  children: ReactNode;
}) {
  const t = useT();
  const location = useLocation();
  const navigate = useNavigate();
  usePageTitle(`${title} · ${t('nav.finance')}`);
  return (
    <Stack gap="md" maw={1100}>
      <Tabs
        value={location.pathname}
        onChange={(path) => path && void navigate(path)}
        className="no-print"
      >
        <Tabs.List aria-label={t('nav.finance')}>
          {tabs.map((tab) => (
            <Tabs.Tab key={tab.path} value={tab.path}>
              {t(tab.label)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
      </Tabs>
      <Title order={1}>{title}</Title>
      {intro && <Text size="sm">{intro}</Text>}
      {children}
    </Stack>
  );
}
