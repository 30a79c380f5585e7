import { Paper, SimpleGrid, Text } from '@mantine/core';
import type { z } from 'zod';
import type { totalsSchema } from '../../../contracts/donations-finance.ts';
import { formatNumber } from '../../core/format.ts';
import { useLocale, useT } from '../../core/i18n/index.tsx';
import { useEuros } from './useEuros.ts';

export type Totals = z.infer<typeof totalsSchema>;

function Stat({ label, value }: { label: string; value: string }) {
  return (
    <Paper withBorder p="sm">
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text fw={700} size="lg">
        {value}
      </Text>
    </Paper>
  );
}

/** The headline figures: how much, from how many, and what recurs. */
export function TotalsCards({ totals }: { totals: Totals }) {
  const t = useT();
  const [locale] = useLocale();
  const euros = useEuros();
  const n = (value: number) => formatNumber(value, locale);
  return (
    <SimpleGrid cols={{ base: 2, sm: 3, lg: 6 }} spacing="sm">
      <Stat label={t('finance.totals.total')} value={euros(totals.totalCents)} />
      <Stat label={t('finance.totals.count')} value={n(totals.count)} />
      <Stat label={t('finance.totals.average')} value={euros(totals.averageCents)} />
      <Stat label={t('finance.totals.donors')} value={n(totals.donors)} />
      <Stat
        label={t('finance.totals.plans')}
        value={t('finance.totals.plansValue', {
          count: n(totals.activePlans),
          amount: euros(totals.monthlyCents),
        })}
      />
      <Stat label={t('finance.totals.toReview')} value={n(totals.toReview)} />
    </SimpleGrid>
  );
}
