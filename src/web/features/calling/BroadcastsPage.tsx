import { Anchor, Button, Group, Text } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { Link } from 'react-router';
import type { Broadcast } from '../../../contracts/calling.ts';
import { formatDateTime, formatNumber } from '../../core/format.ts';
import { useLocale, useT } from '../../core/i18n/index.tsx';
import { QueryState } from '../../core/ui/QueryState.tsx';
import { ResponsiveTable } from '../../core/ui/ResponsiveTable.tsx';
import { BroadcastStatusBadge } from './BroadcastStatusBadge.tsx';
import { CallingLayout } from './CallingLayout.tsx';
import { useBroadcasts } from './hooks.ts';

function AudienceCell({ broadcast }: { broadcast: Broadcast }) {
  const t = useT();
  const [locale] = useLocale();
  const kind = t(
    broadcast.audience.kind === 'segment' ? 'calling.audience.segment' : 'calling.audience.list',
  );
  if (broadcast.audience.count === null) return <>{kind}</>;
  return (
    <>
      {t('calling.audience.frozen', {
        kind,
        count: formatNumber(broadcast.audience.count, locale),
      })}
    </>
  );
}

/** The campaign's voice broadcasts: their state, audience and dates; a new one. */
export function BroadcastsPage() {
  const t = useT();
  const [locale] = useLocale();
  const broadcasts = useBroadcasts();
  return (
    <CallingLayout
      title={t('calling.broadcasts.title')}
      intro={t('calling.broadcasts.intro')}
      actions={
        <Group>
          <Button
            component={Link}
            to="/hq/calling/broadcasts/new"
            leftSection={<IconPlus size={18} aria-hidden />}
          >
            {t('calling.broadcasts.new')}
          </Button>
        </Group>
      }
    >
      <QueryState query={broadcasts}>
        {(items) =>
          items.length === 0 ? (
            <Text size="sm">{t('calling.broadcasts.empty')}</Text>
          ) : (
            <ResponsiveTable
              label={t('calling.broadcasts.title')}
              items={items}
              rowKey={(broadcast) => broadcast.id}
              columns={[
                {
                  header: t('calling.broadcasts.name'),
                  title: true,
                  cell: (broadcast) => (
                    <Anchor component={Link} to={`/hq/calling/broadcasts/${broadcast.id}`}>
                      {broadcast.name}
                    </Anchor>
                  ),
                },
                {
                  header: t('calling.broadcasts.status'),
                  cell: (broadcast) => <BroadcastStatusBadge status={broadcast.status} />,
                },
                {
                  header: t('calling.broadcasts.audience'),
                  cell: (broadcast) => <AudienceCell broadcast={broadcast} />,
                },
                {
                  header: t('calling.broadcasts.launchedAt'),
                  cell: (broadcast) => formatDateTime(broadcast.launchedAt, locale) || '—',
                },
                {
                  header: t('calling.broadcasts.finishedAt'),
                  cell: (broadcast) => formatDateTime(broadcast.finishedAt, locale) || '—',
                },
              ]}
            />
          )
        }
      </QueryState>
    </CallingLayout>
  );
}
