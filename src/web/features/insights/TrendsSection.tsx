import '@mantine/charts/styles.css';
import { LineChart } from '@mantine/charts';
import { SegmentedControl, Stack, Text } from '@mantine/core';
import { contactKinds } from '../../../contracts/insights.ts';
import { formatDay, formatNumber } from '../../core/format.ts';
import { useLocale, useT } from '../../core/i18n/index.tsx';
import { QueryState } from '../../core/ui/QueryState.tsx';
import { Section } from '../../core/ui/Section.tsx';
import { useTrends, type Period } from './hooks.ts';
import { formatVotes } from './impact-format.ts';
import { kindColours, kindKeys } from './labels.ts';

/** Contacts of each kind and the central estimate of votes, per day or week. */
export function TrendsSection({
  period,
  interval,
  onInterval,
}: {
  period: Period;
  interval: 'day' | 'week';
  onInterval: (interval: 'day' | 'week') => void;
}) {
  const t = useT();
  const [locale] = useLocale();
  const trends = useTrends(period, interval);
  return (
    <Section title={t('insights.trends')} anchor="trends">
      <Stack gap={4}>
        <Text size="sm" fw={500} id="impact-interval">
          {t('insights.interval')}
        </Text>
        <SegmentedControl
          aria-labelledby="impact-interval"
          value={interval}
          onChange={(value) => onInterval(value === 'week' ? 'week' : 'day')}
          data={[
            { value: 'day', label: t('insights.interval.day') },
            { value: 'week', label: t('insights.interval.week') },
          ]}
          w="fit-content"
        />
      </Stack>
      <QueryState query={trends}>
        {(data) => {
          if (data.points.length === 0)
            return (
              <Text size="sm" c="dimmed">
                {t('insights.noTrends')}
              </Text>
            );
          const rows = data.points.map((point) => ({
            period: point.period,
            ...point.byKind,
            votes: Number(point.votes.total.central.toFixed(2)),
          }));
          const contacts = data.points.reduce((sum, p) => sum + p.contacts, 0);
          const votes = data.points.reduce((sum, p) => sum + p.votes.total.central, 0);
          return (
            <div
              role="img"
              aria-label={t('insights.trendsSummary', {
                contacts: formatNumber(contacts, locale),
                periods: data.points.length,
                votes: formatVotes(votes, locale),
              })}
            >
              <LineChart
                h={280}
                data={rows}
                dataKey="period"
                series={[
                  ...contactKinds.map((kind) => ({
                    name: kind,
                    label: t(kindKeys[kind]),
                    color: kindColours[kind],
                  })),
                  {
                    name: 'votes',
                    label: t('insights.votesCentral'),
                    color: 'red.8',
                    strokeDasharray: '5 5',
                  },
                ]}
                curveType="monotone"
                withLegend
                withDots={rows.length <= 31}
                valueFormatter={(value) => formatNumber(value, locale)}
                xAxisProps={{ tickFormatter: (day: string) => formatDay(day, locale) }}
              />
            </div>
          );
        }}
      </QueryState>
    </Section>
  );
}
