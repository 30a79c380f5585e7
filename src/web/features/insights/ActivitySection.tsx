import { Anchor, Paper, SimpleGrid, Text } from '@mantine/core';
import { Link } from 'react-router';
import { formatDateTime, formatNumber } from '../../core/format.ts';
import { useLocale, useT } from '../../core/i18n/index.tsx';
import { QueryState } from '../../core/ui/QueryState.tsx';
import { ResponsiveTable } from '../../core/ui/ResponsiveTable.tsx';
import { Section } from '../../core/ui/Section.tsx';
import { useCommitteeActivity, type Period } from './hooks.ts';

function Figure({ label, value }: { label: string; value: string }) {
  return (
    <Paper withBorder p="sm">
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text fw={700} fz={20}>
        {value}
      </Text>
    </Paper>
  );
}

/** Committees by members, events, visits and last activity, the most active first. */
export function ActivitySection({ period }: { period: Period }) {
  const t = useT();
  const [locale] = useLocale();
  const activity = useCommitteeActivity(period);
  const n = (value: number) => formatNumber(value, locale);
  return (
    <Section
      title={t('insights.activity')}
      description={t('insights.activityHelp')}
      anchor="committees"
    >
      <QueryState query={activity}>
        {(data) => (
          <>
            <SimpleGrid cols={{ base: 2, md: 5 }} spacing="sm">
              <Figure label={t('insights.activity.committees')} value={n(data.totals.committees)} />
              <Figure label={t('insights.activity.active')} value={n(data.totals.active)} />
              <Figure label={t('insights.activity.members')} value={n(data.totals.members)} />
              <Figure label={t('insights.activity.events')} value={n(data.totals.events)} />
              <Figure label={t('insights.activity.visits')} value={n(data.totals.visits)} />
            </SimpleGrid>
            {data.committees.length === 0 ? (
              <Text size="sm" c="dimmed">
                {t('insights.activity.none')}
              </Text>
            ) : (
              <ResponsiveTable
                items={data.committees}
                label={t('insights.activity')}
                rowKey={(row) => row.id}
                minWidth={720}
                columns={[
                  {
                    header: t('insights.activity.committees'),
                    title: true,
                    cell: (row) => (
                      <Anchor component={Link} to={`/me/committees/${row.id}/manage`}>
                        {row.name}
                      </Anchor>
                    ),
                  },
                  { header: t('insights.activity.place'), cell: (row) => row.placeLabel },
                  {
                    header: t('insights.activity.members'),
                    numeric: true,
                    cell: (r) => n(r.members),
                  },
                  {
                    header: t('insights.activity.newMembers'),
                    numeric: true,
                    cell: (r) => n(r.newMembers),
                  },
                  {
                    header: t('insights.activity.events'),
                    numeric: true,
                    cell: (r) => n(r.events),
                  },
                  {
                    header: t('insights.activity.visits'),
                    numeric: true,
                    cell: (r) => n(r.visits),
                  },
                  {
                    header: t('insights.activity.last'),
                    nowrap: true,
                    cell: (r) =>
                      r.lastActivityAt
                        ? formatDateTime(r.lastActivityAt, locale)
                        : t('insights.activity.never'),
                  },
                ]}
              />
            )}
            {data.truncated && (
              <Text size="sm" c="dimmed">
                {t('insights.activity.truncated', { count: n(data.committees.length) })}
              </Text>
            )}
          </>
        )}
      </QueryState>
    </Section>
  );
}
