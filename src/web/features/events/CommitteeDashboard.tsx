import '@mantine/charts/styles.css';
import { AreaChart } from '@mantine/charts';
import { Paper, SimpleGrid, Text } from '@mantine/core';
import type { CommitteeStats } from '../../../contracts/events.ts';
import { formatNumber } from '../../core/format.ts';
import { useLocale, useT, type MessageKey } from '../../core/i18n/index.tsx';
import { QueryState } from '../../core/ui/QueryState.tsx';
import { Section } from '../../core/ui/Section.tsx';
import { useCommitteeStats } from './hooks.ts';

/** A month (`YYYY-MM`) as the chart's axis shows it: "janv. 26". */
function monthLabel(month: string, locale: string): string {
  return new Intl.DateTimeFormat(locale, {
    month: 'short',
    year: '2-digit',
    timeZone: 'UTC',
  }).format(new Date(`${month}-01T00:00:00Z`));
}

function Figures({ stats }: { stats: CommitteeStats }) {
  const t = useT();
  const [locale] = useLocale();
  const figures: Array<[MessageKey, number]> = [
    ['events.stats.members', stats.members],
    ['events.stats.eventsHeld', stats.eventsHeld],
    ['events.stats.eventsUpcoming', stats.eventsUpcoming],
    ['events.stats.answers', stats.answers],
    ['events.stats.attendance', stats.attendance],
    ['events.stats.doorsKnocked', stats.reported.doorsKnocked],
    ['events.stats.conversations', stats.reported.conversations],
    ['events.stats.leaflets', stats.reported.leaflets],
    ['events.stats.calls', stats.reported.calls],
  ];
  return (
    <SimpleGrid component="dl" cols={{ base: 2, sm: 3, md: 5 }} spacing="xs" m={0}>
      {figures.map(([label, value]) => (
        <Paper key={label} withBorder p="sm">
          <Text component="dt" size="xs" c="dimmed">
            {t(label)}
          </Text>
          <Text component="dd" fw={700} fz={24} m={0}>
            {formatNumber(value, locale)}
          </Text>
        </Paper>
      ))}
    </SimpleGrid>
  );
}

function MembersChart({ stats }: { stats: CommitteeStats }) {
  const t = useT();
  const [locale] = useLocale();
  const first = stats.months[0];
  return (
    <div
      role="img"
      aria-label={t('events.stats.membersSummary', {
        from: first ? monthLabel(first.month, locale) : '',
        before: first?.members ?? 0,
        now: stats.members,
      })}
    >
      <AreaChart
        h={200}
        data={stats.months}
        dataKey="month"
        series={[
          { name: 'members', label: t('events.stats.membersSeries'), color: 'indigo.6' },
          { name: 'followers', label: t('events.stats.followersSeries'), color: 'teal.6' },
        ]}
        curveType="monotone"
        withLegend
        valueFormatter={(value) => formatNumber(value, locale)}
        xAxisProps={{ tickFormatter: (month: string) => monthLabel(month, locale) }}
        yAxisProps={{ allowDecimals: false }}
      />
    </div>
  );
}

/**
 * A committee's figures for its managers: members over the last twelve months, its events and
 * answers, the people checked in, and what its events' reports add up to.
 */
export function CommitteeDashboard({ committeeId }: { committeeId: number }) {
  const t = useT();
  const [locale] = useLocale();
  const stats = useCommitteeStats(committeeId);
  return (
    <Section title={t('events.stats.title')} description={t('events.stats.hint')}>
      <QueryState query={stats}>
        {(data) => (
          <>
            <Figures stats={data} />
            <MembersChart stats={data} />
            {data.reported.reports > 0 && (
              <Text size="sm" c="dimmed">
                {t('events.stats.reports', {
                  count: data.reported.reports,
                  attendance: formatNumber(data.reported.attendance, locale),
                })}
              </Text>
            )}
          </>
        )}
      </QueryState>
    </Section>
  );
}
