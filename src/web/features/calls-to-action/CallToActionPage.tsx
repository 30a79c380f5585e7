import { Anchor, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { BarChart } from '@mantine/charts';
import { Link, useParams } from 'react-router';
import type { CallToAction } from '../../../contracts/calls-to-action.ts';
import { formatDateTime, formatDay, formatNumber } from '../../core/format.ts';
import { useLocale, useT } from '../../core/i18n/index.tsx';
import { QueryState } from '../../core/ui/QueryState.tsx';
import { ResponsiveTable } from '../../core/ui/ResponsiveTable.tsx';
import { SectionLayout } from '../../core/ui/SectionLayout.tsx';
import { useCallToAction } from './hooks.ts';
import { kindKeys } from './labels.ts';

function Figure({ label, value }: { label: string; value: string }) {
  return (
    <Paper withBorder p="sm" role="group" aria-label={label}>
      <Text size="sm" c="dimmed">
        {label}
      </Text>
      <Text fw={700} size="xl">
        {value}
      </Text>
    </Paper>
  );
}

function Response({ item }: { item: CallToAction }) {
  const t = useT();
  const [locale] = useLocale();
  const n = (value: number) => formatNumber(value, locale);
  return (
    <Stack>
      <Text size="sm">
        {t('callsToAction.detail.distance', {
          km: n(item.distanceKm),
          areas: item.areas.map((area) => area.name).join(', '),
        })}{' '}
        · {formatDateTime(item.sentAt, locale)}
        {item.sentBy ? ` · ${item.sentBy}` : ''}
      </Text>
      <SimpleGrid cols={{ base: 2, sm: 3, lg: 6 }}>
        <Figure label={t('callsToAction.detail.recipients')} value={n(item.recipients)} />
        <Figure label={t('callsToAction.detail.sent')} value={n(item.mails.sent)} />
        <Figure label={t('callsToAction.detail.pending')} value={n(item.mails.pending)} />
        <Figure label={t('callsToAction.detail.suppressed')} value={n(item.mails.suppressed)} />
        <Figure label={t('callsToAction.detail.clickers')} value={n(item.clickers)} />
        <Figure label={t('callsToAction.detail.signups')} value={n(item.signups)} />
      </SimpleGrid>
      <Title order={2} size="h4">
        {t('callsToAction.detail.actions')}
      </Title>
      <ResponsiveTable
        label={t('callsToAction.detail.actions')}
        items={item.actions}
        rowKey={(action) => `${action.kind}:${action.id}`}
        columns={[
          {
            header: t('callsToAction.detail.action'),
            title: true,
            cell: (action) => `${action.title} (${t(kindKeys[action.kind])})`,
          },
          {
            header: t('callsToAction.detail.clicks'),
            numeric: true,
            cell: (action) => n(action.clicks),
          },
          {
            header: t('callsToAction.detail.signups'),
            numeric: true,
            cell: (action) => n(action.signups),
          },
        ]}
      />
      <Title order={2} size="h4">
        {t('callsToAction.detail.overTime')}
      </Title>
      {item.overTime.length === 0 ? (
        <Text size="sm">{t('callsToAction.detail.noResponse')}</Text>
      ) : (
        <BarChart
          h={240}
          data={item.overTime.map((point) => ({ ...point, label: formatDay(point.day, locale) }))}
          dataKey="label"
          withLegend
          maxBarWidth={40}
          series={[
            { name: 'clicks', label: t('callsToAction.detail.clicks'), color: 'blue.6' },
            { name: 'signups', label: t('callsToAction.detail.signups'), color: 'teal.6' },
          ]}
          valueFormatter={n}
          yAxisProps={{ allowDecimals: false }}
        />
      )}
      <Title order={2} size="h4">
        {t('callsToAction.detail.message')}
      </Title>
      <Paper withBorder p="sm">
        <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
          {item.body}
        </Text>
      </Paper>
    </Stack>
  );
}

/** One call to action: its mails, and the response per action and day by day. */
export function CallToActionPage() {
  const t = useT();
  const id = Number(useParams().id);
  const item = useCallToAction(id);
  return (
    <SectionLayout
      section="callsToAction.nav"
      title={
        item.data
          ? t('callsToAction.detail.title', { subject: item.data.subject })
          : t('callsToAction.list.title')
      }
      actions={
        <Anchor component={Link} to="/hq/calls-to-action">
          {t('callsToAction.detail.back')}
        </Anchor>
      }
    >
      <QueryState query={item}>{(data) => <Response item={data} />}</QueryState>
    </SectionLayout>
  );
}
