import { Alert, Group, Progress, Stack, Text } from '@mantine/core';
import type { BroadcastDashboard as Dashboard, CallCounts } from '../../../contracts/calling.ts';
import { formatDateTime, formatNumber } from '../../core/format.ts';
import { useLocale, useT, type MessageKey } from '../../core/i18n/index.tsx';
import { QueryState } from '../../core/ui/QueryState.tsx';
import { Section } from '../../core/ui/Section.tsx';
import { DashboardByDepartement, DashboardByHour } from './DashboardDetails.tsx';
import { Figures } from './Figures.tsx';
import { isLive, useBroadcastDashboard } from './hooks.ts';
import { useCost } from './useCost.ts';

/** The totals shown, in this order. */
const figures: Array<{ key: Exclude<keyof CallCounts, 'costCents'>; label: MessageKey }> = [
  { key: 'dialled', label: 'calling.dashboard.dialled' },
  { key: 'answeredHuman', label: 'calling.dashboard.answeredHuman' },
  { key: 'answeredMachine', label: 'calling.dashboard.answeredMachine' },
  { key: 'listened', label: 'calling.dashboard.listened' },
  { key: 'optOuts', label: 'calling.dashboard.optOuts' },
  { key: 'busy', label: 'calling.dashboard.busy' },
  { key: 'noAnswer', label: 'calling.dashboard.noAnswer' },
  { key: 'failed', label: 'calling.dashboard.failed' },
  { key: 'billedMinutes', label: 'calling.dashboard.billedMinutes' },
];

function Totals({ dashboard }: { dashboard: Dashboard }) {
  const t = useT();
  const [locale] = useLocale();
  const cost = useCost();
  return (
    <Figures
      label={t('calling.dashboard.totals')}
      cols={{ base: 2, sm: 3, md: 5 }}
      items={[
        ...figures.map((figure) => ({
          label: t(figure.label),
          value: formatNumber(dashboard.totals[figure.key], locale),
        })),
        { label: t('calling.dashboard.cost'), value: cost(dashboard.totals.costCents) },
      ]}
    />
  );
}

function Left({ dashboard }: { dashboard: Dashboard }) {
  const t = useT();
  const [locale] = useLocale();
  const { due, inCall, done } = dashboard.left;
  const total = due + inCall + done;
  const percent = total === 0 ? 0 : Math.round((done / total) * 100);
  return (
    <Stack gap="xs">
      <Progress value={percent} size="lg" aria-label={t('calling.dashboard.progress')} />
      <Text size="sm" role="status">
        {t('calling.dashboard.left', {
          due: formatNumber(due, locale),
          inCall: formatNumber(inCall, locale),
          done: formatNumber(done, locale),
        })}
      </Text>
      {isLive(dashboard.broadcast.status) && (
        <Group gap="lg">
          <Text size="sm">{t('calling.dashboard.rate', { rate: dashboard.currentRate })}</Text>
          {dashboard.estimatedEnd && (
            <Text size="sm">
              {t('calling.dashboard.estimatedEnd', {
                date: formatDateTime(dashboard.estimatedEnd, locale),
              })}
            </Text>
          )}
        </Group>
      )}
    </Stack>
  );
}

/** The carrier failing to take calls: the dialler backs off and retries, staff should know. */
function CarrierTrouble({ trouble }: { trouble: NonNullable<Dashboard['carrierTrouble']> }) {
  const t = useT();
  const [locale] = useLocale();
  return (
    <Alert color="red" role="alert" title={t('calling.dashboard.carrierTrouble')}>
      {t('calling.dashboard.carrierTroubleText', {
        since: formatDateTime(trouble.since, locale),
        message: trouble.message,
      })}
    </Alert>
  );
}

/** A launched broadcast's figures, asked again every 2 s while it runs or is paused. */
export function BroadcastDashboard({ id, live }: { id: number; live: boolean }) {
  const t = useT();
  const dashboard = useBroadcastDashboard(id, live);
  return (
    <QueryState query={dashboard}>
      {(data) => (
        <Stack gap="md">
          {data.carrierTrouble && isLive(data.broadcast.status) && (
            <CarrierTrouble trouble={data.carrierTrouble} />
          )}
          <Section
            title={t('calling.dashboard.title')}
            description={isLive(data.broadcast.status) ? t('calling.dashboard.live') : undefined}
          >
            <Left dashboard={data} />
            <Totals dashboard={data} />
          </Section>
          <Section title={t('calling.dashboard.byHour')}>
            <DashboardByHour dashboard={data} />
          </Section>
          <Section title={t('calling.dashboard.byDepartement')}>
            <DashboardByDepartement dashboard={data} />
          </Section>
        </Stack>
      )}
    </QueryState>
  );
}
