import { Alert } from '@mantine/core';
import { useParams } from 'react-router';
import { useT } from '../../core/i18n/index.tsx';
import { QueryState } from '../../core/ui/QueryState.tsx';
import { BroadcastForm } from './BroadcastForm.tsx';
import { CallingLayout } from './CallingLayout.tsx';
import { useBroadcast } from './hooks.ts';

/** A new voice broadcast, saved as a draft. */
export function NewBroadcastPage() {
  const t = useT();
  return (
    <CallingLayout title={t('calling.new.title')} intro={t('calling.new.intro')}>
      <BroadcastForm broadcast={null} />
    </CallingLayout>
  );
}

/** A broadcast's settings, until it is launched. */
export function EditBroadcastPage() {
  const t = useT();
  const id = Number(useParams().id);
  const broadcast = useBroadcast(id);
  return (
    <CallingLayout
      title={
        broadcast.data ? t('calling.edit.title', { name: broadcast.data.name }) : t('calling.nav')
      }
      intro={t('calling.edit.intro')}
    >
      <QueryState query={broadcast}>
        {(data) =>
          data.status === 'draft' || data.status === 'awaiting_approval' ? (
            <BroadcastForm key={data.id} broadcast={data} />
          ) : (
            <Alert color="orange">{t('calling.error.broadcast_not_editable')}</Alert>
          )
        }
      </QueryState>
    </CallingLayout>
  );
}
