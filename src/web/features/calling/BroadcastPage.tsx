import { Anchor, Button, Group, Stack, Text } from '@mantine/core';
import { IconPencil } from '@tabler/icons-react';
import { Link, useParams } from 'react-router';
import type { Broadcast } from '../../../contracts/calling.ts';
import { broadcastsApi } from '../../../contracts/calling-api.ts';
import { urlOf } from '../../core/api.ts';
import { formatDateTime } from '../../core/format.ts';
import { useLocale, useT } from '../../core/i18n/index.tsx';
import { QueryState } from '../../core/ui/QueryState.tsx';
import { BroadcastControls } from './BroadcastControls.tsx';
import { CallsExportButton } from './CallsExportButton.tsx';
import { BroadcastDashboard } from './BroadcastDashboard.tsx';
import { BroadcastStatusBadge } from './BroadcastStatusBadge.tsx';
import { BroadcastSummary } from './BroadcastSummary.tsx';
import { CallingLayout } from './CallingLayout.tsx';
import { isLive, useBroadcast } from './hooks.ts';
import { LaunchSection } from './LaunchSection.tsx';

const editable = (broadcast: Broadcast) =>
  broadcast.status === 'draft' || broadcast.status === 'awaiting_approval';

/** When it was launched and ended, and why it is paused. */
function Dates({ broadcast }: { broadcast: Broadcast }) {
  const t = useT();
  const [locale] = useLocale();
  const parts = [
    broadcast.launchedAt &&
      t('calling.broadcast.launchedAt', { date: formatDateTime(broadcast.launchedAt, locale) }),
    broadcast.status === 'paused' &&
      broadcast.pausedAt &&
      t(
        broadcast.pauseReason === 'staff'
          ? 'calling.broadcast.pausedByStaff'
          : 'calling.broadcast.pausedByWatch',
        { date: formatDateTime(broadcast.pausedAt, locale) },
      ),
    broadcast.finishedAt &&
      t('calling.broadcast.finishedAt', { date: formatDateTime(broadcast.finishedAt, locale) }),
  ].filter(Boolean);
  if (parts.length === 0) return null;
  return <Text size="sm">{parts.join(' · ')}</Text>;
}

function BroadcastView({ broadcast }: { broadcast: Broadcast }) {
  const t = useT();
  return (
    <CallingLayout
      title={broadcast.name}
      actions={
        <Stack gap="xs">
          <Group gap="sm">
            <BroadcastStatusBadge status={broadcast.status} />
            <Dates broadcast={broadcast} />
          </Group>
          <Group gap="xs">
            {editable(broadcast) && (
              <Button
                variant="light"
                component={Link}
                to={`/hq/calling/broadcasts/${broadcast.id}/edit`}
                leftSection={<IconPencil size={18} aria-hidden />}
              >
                {t('calling.broadcast.edit')}
              </Button>
            )}
            <BroadcastControls broadcast={broadcast} />
            {broadcast.launchedAt && (
              <CallsExportButton
                href={urlOf(broadcastsApi.callsCsv, { params: { id: broadcast.id } })}
              />
            )}
          </Group>
        </Stack>
      }
    >
      {editable(broadcast) && <LaunchSection broadcast={broadcast} />}
      {broadcast.launchedAt && (
        <BroadcastDashboard id={broadcast.id} live={isLive(broadcast.status)} />
      )}
      <BroadcastSummary broadcast={broadcast} />
      <Anchor component={Link} to="/hq/calling" size="sm">
        {t('calling.broadcast.back')}
      </Anchor>
    </CallingLayout>
  );
}

/** One broadcast: its launch, its live dashboard, its settings; pause, resume, cancel. */
export function BroadcastPage() {
  const id = Number(useParams().id);
  const broadcast = useBroadcast(id);
  return <QueryState query={broadcast}>{(data) => <BroadcastView broadcast={data} />}</QueryState>;
}
