import type { ComponentProps } from 'react';
import { SectionLayout, type SectionTab } from '../../core/ui/SectionLayout.tsx';

const tabs: SectionTab[] = [
  { path: '/hq/finance', label: 'finance.tab.overview' },
  { path: '/hq/finance/gifts', label: 'finance.tab.gifts' },
  { path: '/hq/finance/record', label: 'finance.tab.record' },
  { path: '/hq/finance/receipts', label: 'finance.tab.receipts' },
  { path: '/hq/finance/remittances', label: 'finance.tab.remittances' },
  { path: '/hq/finance/payouts', label: 'finance.tab.payouts' },
  { path: '/hq/finance/exports', label: 'finance.tab.exports' },
  { path: '/hq/finance/settings', label: 'finance.tab.settings' },
];

/** The finance section's frame: the tabs between its pages, its title, the page. */
export function FinanceLayout(
  props: Omit<ComponentProps<typeof SectionLayout>, 'section' | 'tabs' | 'maw'>,
) {
  return <SectionLayout section="nav.finance" tabs={tabs} maw={1100} {...props} />;
}
