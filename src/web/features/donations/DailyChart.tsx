import '@mantine/charts/styles.css';
import { BarChart } from '@mantine/charts';
import { Text } from '@mantine/core';
import { formatDay } from '../../core/format.ts';
import { useLocale, useT } from '../../core/i18n/index.tsx';
import type { Totals } from './TotalsCards.tsx';
import { useEuros } from './useEuros.ts';

/** The amount received per day, in euros. */
export function DailyChart({ days }: { days: Totals['byDay'] }) {
  const t = useT();
  const [locale] = useLocale();
  const euros = useEuros();
  if (days.length === 0) return <Text size="sm">{t('finance.byDay.empty')}</Text>;
  const data = days.map((day) => ({ day: day.day, euros: day.totalCents / 100 }));
  return (
    <div role="img" aria-label={t('finance.byDay.label', { days: days.length })}>
      <BarChart
        h={220}
        data={data}
        dataKey="day"
        series={[{ name: 'euros', label: t('finance.totals.total'), color: 'teal.6' }]}
        valueFormatter={(value) => euros(Math.round(value * 100))}
        xAxisProps={{ tickFormatter: (day: string) => formatDay(day, locale) }}
      />
    </div>
  );
}
