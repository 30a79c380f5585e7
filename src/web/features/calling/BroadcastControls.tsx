import { Button, Group } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPlayerPause, IconPlayerPlay, IconX } from '@tabler/icons-react';
import { useState } from 'react';
import type { Broadcast } from '../../../contracts/calling.ts';
import { useT } from '../../core/i18n/index.tsx';
import { callingErrorText } from './callingErrors.ts';
import { ConfirmDialog } from './ConfirmDialog.tsx';
import { useBroadcastAction } from './hooks.ts';

const cancellable: ReadonlyArray<Broadcast['status']> = [
  'draft',
  'awaiting_approval',
  'running',
  'paused',
];

/** Pause, resume and cancel (asked first: the numbers not yet called never will be). */
export function BroadcastControls({ broadcast }: { broadcast: Broadcast }) {
  const t = useT();
  const pause = useBroadcastAction('pause');
  const resume = useBroadcastAction('resume');
  const cancel = useBroadcastAction('cancel');
  const [canceling, setCanceling] = useState(false);
  const failed = (failure: unknown) =>
    notifications.show({ color: 'red', message: callingErrorText(failure, t) });
  if (!cancellable.includes(broadcast.status)) return null;
  return (
    <Group gap="xs">
      {broadcast.status === 'running' && (
        <Button
          variant="light"
          color="yellow"
          leftSection={<IconPlayerPause size={18} aria-hidden />}
          loading={pause.isPending}
          onClick={() => pause.mutate(broadcast.id, { onError: failed })}
        >
          {t('calling.control.pause')}
        </Button>
      )}
      {broadcast.status === 'paused' && (
        <Button
          variant="light"
          leftSection={<IconPlayerPlay size={18} aria-hidden />}
          loading={resume.isPending}
          onClick={() => resume.mutate(broadcast.id, { onError: failed })}
        >
          {t('calling.control.resume')}
        </Button>
      )}
      <Button
        variant="light"
        color="red"
        leftSection={<IconX size={18} aria-hidden />}
        onClick={() => setCanceling(true)}
      >
        {t('calling.control.cancel')}
      </Button>
      <ConfirmDialog
        opened={canceling}
        title={t('calling.control.cancelTitle')}
        confirmLabel={t('calling.control.cancelConfirm')}
        color="red"
        loading={cancel.isPending}
        onClose={() => setCanceling(false)}
        onConfirm={() => cancel.mutateAsync(broadcast.id)}
      >
        {t('calling.control.cancelText', { name: broadcast.name })}
      </ConfirmDialog>
    </Group>
  );
}
