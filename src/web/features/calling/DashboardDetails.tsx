import '@mantine/charts/styles.css';
import { BarChart } from '@mantine/charts';
import { Text } from '@mantine/core';
import type { BroadcastDashboard } from '../../../contracts/calling.ts';
import { formatNumber, TIME_ZONE } from '../../core/format.ts';
import { useLocale, useT } from '../../core/i18n/index.tsx';
import { ResponsiveTable } from '../../core/ui/ResponsiveTable.tsx';
import { useCost } from './useCost.ts';

const hourFormat = (locale: 'fr' | 'en') =>
  new Intl.DateTimeFormat(locale === 'fr' ? 'fr-FR' : 'en-GB', {
    day: 'numeric',
    month: 'short',
    hour: '2-digit',
    minute: '2-digit',
    timeZone: TIME_ZONE,
  });

/** Calls by hour of dialling: a bar chart for the eye, its figures in its name for a reader. */
export function DashboardByHour({ dashboard }: { dashboard: BroadcastDashboard }) {
  const t = useT();
  const [locale] = useLocale();
  if (dashboard.byHour.length === 0)
    return (
      <Text size="sm" c="dimmed">
        {t('calling.dashboard.noCalls')}
      </Text>
    );
  const format = hourFormat(locale);
  const data = dashboard.byHour.map((hour) => ({
    ...hour,
    label: format.format(new Date(hour.hour)),
  }));
  const summary = data
    .map((hour) =>
      t('calling.dashboard.hourSummary', {
        hour: hour.label,
        dialled: hour.dialled,
        answered: hour.answeredHuman,
      }),
    )
    .join(' ; ');
  return (
    <div role="img" aria-label={summary}>
      <BarChart
        h={260}
        data={data}
        dataKey="label"
        withLegend
        maxBarWidth={48}
        series={[
          { name: 'dialled', label: t('calling.dashboard.dialled'), color: 'blue.6' },
          { name: 'answeredHuman', label: t('calling.dashboard.answeredHuman'), color: 'teal.6' },
          {
            name: 'answeredMachine',
            label: t('calling.dashboard.answeredMachine'),
            color: 'gray.5',
          },
          { name: 'optOuts', label: t('calling.dashboard.optOuts'), color: 'red.6' },
        ]}
        valueFormatter={(value) => formatNumber(value, locale)}
        yAxisProps={{ allowDecimals: false }}
      />
    </div>
  );
}

/** Calls by département of the number ('' when the number says none: a list's mobile). */
export function DashboardByDepartement({ dashboard }: { dashboard: BroadcastDashboard }) {
  const t = useT();
  const [locale] = useLocale();
  const cost = useCost();
  if (dashboard.byDepartement.length === 0)
    return (
      <Text size="sm" c="dimmed">
        {t('calling.dashboard.noCalls')}
      </Text>
    );
  const n = (value: number) => formatNumber(value, locale);
  return (
    <ResponsiveTable
      label={t('calling.dashboard.byDepartement')}
      items={dashboard.byDepartement}
      rowKey={(row) => row.departement}
      columns={[
        {
          header: t('calling.dashboard.departement'),
          title: true,
          cell: (row) => row.departement || t('calling.dashboard.noDepartement'),
        },
        { header: t('calling.dashboard.dialled'), numeric: true, cell: (row) => n(row.dialled) },
        {
          header: t('calling.dashboard.answeredHuman'),
          numeric: true,
          cell: (row) => n(row.answeredHuman),
        },
        {
          header: t('calling.dashboard.answeredMachine'),
          numeric: true,
          cell: (row) => n(row.answeredMachine),
        },
        { header: t('calling.dashboard.listened'), numeric: true, cell: (row) => n(row.listened) },
        { header: t('calling.dashboard.optOuts'), numeric: true, cell: (row) => n(row.optOuts) },
        {
          header: t('calling.dashboard.unanswered'),
          numeric: true,
          cell: (row) => n(row.busy + row.noAnswer + row.failed),
        },
        { header: t('calling.dashboard.cost'), numeric: true, cell: (row) => cost(row.costCents) },
      ]}
    />
  );
}
