import { SimpleGrid, Stack } from '@mantine/core';
import { useT } from '../../core/i18n/index.tsx';
import { QueryState } from '../../core/ui/QueryState.tsx';
import { Section } from '../../core/ui/Section.tsx';
import { ByMeansTable } from './ByMeansTable.tsx';
import { DailyChart } from './DailyChart.tsx';
import { DuplicateDonors } from './DuplicateDonors.tsx';
import { FinanceLayout } from './FinanceLayout.tsx';
import { useTotals } from './hooks.ts';
import { NearCapList } from './NearCapList.tsx';
import { ReviewList } from './ReviewList.tsx';
import { TotalsCards } from './TotalsCards.tsx';

export function OverviewPage() {
  const t = useT();
  const totals = useTotals();
  return (
    <FinanceLayout title={t('finance.overview')}>
      <QueryState query={totals}>
        {(data) => (
          <Stack gap="md">
            <TotalsCards totals={data} />
            <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
              <Section title={t('finance.byDay')}>
                <DailyChart days={data.byDay} />
              </Section>
              <Section title={t('finance.byMeans')}>
                <ByMeansTable rows={data.byMeans} />
              </Section>
            </SimpleGrid>
          </Stack>
        )}
      </QueryState>
      <ReviewList />
      <NearCapList />
      <DuplicateDonors />
    </FinanceLayout>
  );
}
