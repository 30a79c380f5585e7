import '@mantine/charts/styles.css';
import { BarChart, LineChart } from '@mantine/charts';
import { Text } from '@mantine/core';
import type { Progress } from '../../../contracts/field-progress.ts';
import { formatDay, formatNumber } from '../../core/format.ts';
import { useLocale, useT } from '../../core/i18n/index.tsx';
import { outcomeColors, outcomeKeys, outcomes } from './progress-labels.ts';
import { supportLabel, supportLevelList } from './questionnaire-labels.ts';

/** 1 strong supporter … 5 strongly opposed, green to red. */
const supportColors = ['#2b8a3e', '#69db7c', '#adb5bd', '#ff8787', '#c92a2a'];

interface Bar {
  label: string;
  count: number;
  color: string;
}

/** A bar chart drawn for the eye, its figures said in its name for a screen reader. */
function Bars({ bars, title }: { bars: Bar[]; title: string }) {
  const t = useT();
  const [locale] = useLocale();
  const summary = bars
    .map((bar) =>
      t('common.labelValue', { label: bar.label, value: formatNumber(bar.count, locale) }),
    )
    .join(', ');
  return (
    <div role="img" aria-label={t('common.labelValue', { label: title, value: summary })}>
      <BarChart
        h={bars.length * 34 + 40}
        data={bars.map((bar) => ({ ...bar }))}
        dataKey="label"
        orientation="vertical"
        series={[{ name: 'count', label: t('field.progress.count'), color: 'blue.6' }]}
        valueFormatter={(value) => formatNumber(value, locale)}
        xAxisProps={{ allowDecimals: false }}
        yAxisProps={{ width: 140 }}
        gridAxis="x"
      />
    </div>
  );
}

export function OutcomesChart({ progress }: { progress: Progress }) {
  const t = useT();
  const bars = outcomes.map((outcome) => ({
    label: t(outcomeKeys[outcome]),
    count: progress.outcomes[outcome] ?? 0,
    color: outcomeColors[outcome],
  }));
  return <Bars bars={bars} title={t('field.progress.outcomes')} />;
}

/** Support levels as counts only: never a name (GDPR art. 9). */
export function SupportChart({ progress }: { progress: Progress }) {
  const t = useT();
  const counts = new Map(progress.support.map((row) => [row.level, row.count]));
  if (counts.size === 0)
    return (
      <Text size="sm" c="dimmed">
        {t('field.progress.noSupport')}
      </Text>
    );
  const bars = supportLevelList.map((level, i) => ({
    label: supportLabel(level, t),
    count: counts.get(level) ?? 0,
    color: supportColors[i],
  }));
  return <Bars bars={bars} title={t('field.progress.support')} />;
}

export function DailyChart({ progress }: { progress: Progress }) {
  const t = useT();
  const [locale] = useLocale();
  const days = progress.byDay;
  if (days.length === 0)
    return (
      <Text size="sm" c="dimmed">
        {t('field.progress.noVisits')}
      </Text>
    );
  const total = days.reduce((sum, day) => sum + day.visits, 0);
  return (
    <div
      role="img"
      aria-label={t('field.progress.byDaySummary', { visits: total, days: days.length })}
    >
      <LineChart
        h={240}
        data={days}
        dataKey="day"
        series={[
          { name: 'visits', label: t('field.progress.visits'), color: 'blue.6' },
          { name: 'conversations', label: t('field.progress.conversations'), color: 'teal.6' },
        ]}
        curveType="monotone"
        withLegend
        withDots={days.length <= 31}
        valueFormatter={(value) => formatNumber(value, locale)}
        xAxisProps={{ tickFormatter: (day: string) => formatDay(day, locale) }}
        yAxisProps={{ allowDecimals: false }}
      />
    </div>
  );
}
