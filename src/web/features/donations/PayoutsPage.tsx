import { Text } from '@mantine/core';
import { formatDayWithYear, formatNumber } from '../../core/format.ts';
import { useLocale, useT } from '../../core/i18n/index.tsx';
import { QueryState } from '../../core/ui/QueryState.tsx';
import { ResponsiveTable } from '../../core/ui/ResponsiveTable.tsx';
import { FinanceLayout } from './FinanceLayout.tsx';
import { usePayouts } from './hooks.ts';
import type { Payout } from '../../../contracts/donations-finance.ts';
import { useEuros } from './useEuros.ts';

function PayoutsTable({ payouts }: { payouts: Payout[] }) {
  const t = useT();
  const [locale] = useLocale();
  const euros = useEuros();
  if (payouts.length === 0) return <Text size="sm">{t('finance.payouts.empty')}</Text>;
  return (
    <ResponsiveTable
      items={payouts}
      label={t('finance.payouts')}
      rowKey={(p) => p.id}
      columns={[
        {
          header: t('finance.payouts.ref'),
          title: true,
          cell: (p) => `${p.provider} · ${p.payoutRef}`,
        },
        {
          header: t('finance.payouts.arrival'),
          cell: (p) => formatDayWithYear(p.arrivalOn, locale),
        },
        { header: t('finance.status'), cell: (p) => p.status },
        {
          header: t('finance.amount'),
          numeric: true,
          nowrap: true,
          cell: (p) => euros(p.amountCents),
        },
        {
          header: t('finance.payouts.fees'),
          numeric: true,
          nowrap: true,
          cell: (p) => euros(p.feeCents),
        },
        {
          header: t('finance.payouts.gifts'),
          cell: (p) =>
            t('finance.payouts.giftsValue', {
              count: formatNumber(p.giftCount, locale),
              amount: euros(p.giftsCents),
            }),
        },
        {
          header: t('finance.payouts.unmatched'),
          numeric: true,
          cell: (p) => formatNumber(p.unmatched.length, locale),
        },
      ]}
    />
  );
}

export function PayoutsPage() {
  const t = useT();
  const payouts = usePayouts();
  return (
    <FinanceLayout title={t('finance.payouts')} intro={t('finance.payouts.intro')}>
      <QueryState query={payouts}>{(list) => <PayoutsTable payouts={list} />}</QueryState>
    </FinanceLayout>
  );
}
