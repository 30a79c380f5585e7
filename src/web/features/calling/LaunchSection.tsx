import { Alert, Button, Checkbox, Group, Stack, Text } from '@mantine/core';
import { IconRocket } from '@tabler/icons-react';
import { useState } from 'react';
import type { Broadcast } from '../../../contracts/calling.ts';
import { formatDateTime } from '../../core/format.ts';
import { useLocale, useT } from '../../core/i18n/index.tsx';
import { useSession } from '../../core/session.tsx';
import { ErrorAlert } from '../../core/ui/ErrorAlert.tsx';
import { Section } from '../../core/ui/Section.tsx';
import { callingErrorText } from './callingErrors.ts';
import { ConfirmDialog } from './ConfirmDialog.tsx';
import { useBroadcastAction } from './hooks.ts';

/**
 * The launch of a broadcast not yet running: the opt-out notice confirmed, the launch asked
 * for, then approved by another staff member (the server says who may; its refusals in words).
 */
export function LaunchSection({ broadcast }: { broadcast: Broadcast }) {
  const t = useT();
  const [locale] = useLocale();
  const { me } = useSession();
  const confirmOptOut = useBroadcastAction('confirmOptOut');
  const requestLaunch = useBroadcastAction('requestLaunch');
  const approve = useBroadcastAction('approve');
  const [error, setError] = useState<string | null>(null);
  const [approving, setApproving] = useState(false);
  const confirmed = broadcast.optOutConfirmedAt !== null;
  const awaiting = broadcast.status === 'awaiting_approval';
  const askedByMe = awaiting && me !== null && broadcast.requestedBy === me.personId;
  const failed = (failure: unknown) => setError(callingErrorText(failure, t));

  return (
    <Section title={t('calling.launch.title')} description={t('calling.launch.intro')}>
      <Checkbox
        label={t('calling.launch.optOut')}
        description={
          confirmed
            ? t('calling.launch.optOutConfirmed', {
                date: formatDateTime(broadcast.optOutConfirmedAt, locale),
              })
            : t('calling.launch.optOutHelp')
        }
        checked={confirmed}
        disabled={confirmed || confirmOptOut.isPending}
        onChange={(event) => {
          if (!event.currentTarget.checked) return;
          setError(null);
          confirmOptOut.mutate(broadcast.id, { onError: failed });
        }}
      />
      {awaiting ? (
        <Stack gap="xs">
          <Alert color="orange" role="status" title={t('calling.launch.awaitingTitle')}>
            {t('calling.launch.awaiting', {
              date: formatDateTime(broadcast.requestedAt, locale),
            })}{' '}
            {t(askedByMe ? 'calling.launch.askedByYou' : 'calling.launch.checkBeforeApproving')}
          </Alert>
          <Group>
            <Button
              leftSection={<IconRocket size={18} aria-hidden />}
              onClick={() => {
                setError(null);
                setApproving(true);
              }}
            >
              {t('calling.launch.approve')}
            </Button>
          </Group>
        </Stack>
      ) : (
        <Stack gap="xs">
          <Text size="sm">{t('calling.launch.requestHelp')}</Text>
          <Group>
            <Button
              loading={requestLaunch.isPending}
              onClick={() => {
                setError(null);
                requestLaunch.mutate(broadcast.id, { onError: failed });
              }}
            >
              {t('calling.launch.request')}
            </Button>
          </Group>
        </Stack>
      )}
      <ErrorAlert message={error} />
      <ConfirmDialog
        opened={approving}
        title={t('calling.launch.approveTitle')}
        confirmLabel={t('calling.launch.approveConfirm')}
        loading={approve.isPending}
        onClose={() => setApproving(false)}
        onConfirm={() => approve.mutateAsync(broadcast.id)}
      >
        {t('calling.launch.approveText', { name: broadcast.name })}
      </ConfirmDialog>
    </Section>
  );
}
