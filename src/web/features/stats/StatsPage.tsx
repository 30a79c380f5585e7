import '@mantine/charts/styles.css';
import { AreaChart } from '@mantine/charts';
import { Anchor, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { Link, useSearchParams } from 'react-router';
import type { RecruitmentStats } from '../../../contracts/recruitment.ts';
import { errorText } from '../../core/errors.ts';
import { formatDay, formatNumber } from '../../core/format.ts';
import { useLocale, useT } from '../../core/i18n/index.tsx';
import { DayInput } from '../../core/ui/DayInput.tsx';
import { ErrorAlert } from '../../core/ui/ErrorAlert.tsx';
import { PageLoader } from '../../core/ui/PageLoader.tsx';
import { ResponsiveTable } from '../../core/ui/ResponsiveTable.tsx';
import { Section } from '../../core/ui/Section.tsx';
import { usePageTitle } from '../../core/ui/usePageTitle.ts';
import { sourceLabel } from '../people/labels.ts';
import { CountTable } from './CountTable.tsx';
import { useRecruitmentStats } from './hooks.ts';

function Card({ label, value }: { label: string; value: string }) {
  return (
    <Paper withBorder p="md">
      <Text size="sm" c="dimmed">
        {label}
      </Text>
      <Text fw={700} fz={28}>
        {value}
      </Text>
    </Paper>
  );
}

function StatsView({ stats }: { stats: RecruitmentStats }) {
  const t = useT();
  const [locale] = useLocale();
  const n = (v: number) => formatNumber(v, locale);
  const totalSignups = stats.perDay.reduce((sum, d) => sum + d.signups, 0);

  return (
    <Stack gap="md">
      <SimpleGrid cols={{ base: 2, md: 4 }} spacing="sm">
        <Card label={t('stats.people')} value={n(stats.totals.people)} />
        <Card label={t('stats.confirmed')} value={n(stats.totals.confirmed)} />
        <Card label={t('stats.last7')} value={n(stats.totals.last7Days)} />
        <Card label={t('stats.last30')} value={n(stats.totals.last30Days)} />
      </SimpleGrid>
      <Section title={t('stats.perDay')}>
        {stats.perDay.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('stats.noData')}
          </Text>
        ) : (
          <div
            role="img"
            aria-label={t('stats.perDaySummary', {
              count: n(totalSignups),
              days: stats.perDay.length,
            })}
          >
            <AreaChart
              h={260}
              data={stats.perDay}
              dataKey="day"
              series={[
                { name: 'signups', label: t('stats.signups'), color: 'indigo.6' },
                { name: 'confirmed', label: t('stats.confirmedSeries'), color: 'teal.6' },
              ]}
              curveType="monotone"
              withLegend
              withDots={stats.perDay.length <= 31}
              valueFormatter={(v) => n(v)}
              xAxisProps={{ tickFormatter: (day: string) => formatDay(day, locale) }}
            />
          </div>
        )}
      </Section>
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        <Section title={t('stats.bySource')}>
          <CountTable
            caption={t('stats.bySource')}
            labelHeader={t('people.source')}
            rows={stats.bySource.map((r) => ({
              key: r.source,
              label: sourceLabel(r.source, t),
              count: r.count,
            }))}
          />
        </Section>
        <Section title={t('stats.byUtm')}>
          <CountTable
            caption={t('stats.byUtm')}
            labelHeader="utm_source"
            rows={stats.byUtmSource.map((r) => ({
              key: r.source,
              // The server counts people without a UTM source under "(none)".
              label: !r.source || r.source === '(none)' ? t('stats.none') : r.source,
              count: r.count,
            }))}
          />
        </Section>
      </SimpleGrid>
      <Section title={t('stats.byDepartement')}>
        <CountTable
          caption={t('stats.byDepartement')}
          labelHeader={t('stats.departement')}
          rows={stats.byDepartement.map((r) => ({
            key: r.code,
            label: (
              <Anchor
                component={Link}
                to={`/hq/people?departementCodes=${encodeURIComponent(r.code)}`}
              >
                {r.code} · {r.name}
              </Anchor>
            ),
            count: r.count,
          }))}
        />
      </Section>
      <Section title={t('stats.topRecruiters')}>
        {stats.topRecruiters.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('stats.noRecruiters')}
          </Text>
        ) : (
          <ResponsiveTable
            items={stats.topRecruiters}
            label={t('stats.topRecruiters')}
            rowKey={(r) => r.personId}
            minWidth={360}
            columns={[
              {
                header: t('stats.recruiter'),
                title: true,
                cell: (r) => (
                  <Anchor component={Link} to={`/hq/people/${r.personId}`}>
                    {r.name || `#${r.personId}`}
                  </Anchor>
                ),
              },
              {
                header: t('stats.recruited'),
                numeric: true,
                cell: (r) => (
                  <Anchor component={Link} to={`/hq/people?recruitedBy=${r.personId}`}>
                    {n(r.recruited)}
                  </Anchor>
                ),
              },
              { header: t('stats.recruitedConfirmed'), numeric: true, cell: (r) => n(r.confirmed) },
            ]}
          />
        )}
      </Section>
    </Stack>
  );
}

export function StatsPage() {
  const t = useT();
  usePageTitle(t('stats.title'));
  const [search, setSearch] = useSearchParams();
  const from = search.get('from') ?? '';
  const to = search.get('to') ?? '';
  const stats = useRecruitmentStats(from, to);

  const set = (key: 'from' | 'to', value: string) =>
    setSearch(
      (prev) => {
        const next = new URLSearchParams(prev);
        if (value) next.set(key, value);
        else next.delete(key);
        return next;
      },
      { replace: true },
    );

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end">
        <Title order={1}>{t('stats.title')}</Title>
        <Group gap="xs" align="flex-end">
          <DayInput label={t('stats.from')} value={from} onChange={(day) => set('from', day)} />
          <DayInput label={t('stats.to')} value={to} onChange={(day) => set('to', day)} />
        </Group>
      </Group>
      <ErrorAlert message={stats.error ? errorText(stats.error, t) : null} />
      {stats.data ? <StatsView stats={stats.data} /> : stats.isPending && <PageLoader />}
    </Stack>
  );
}
