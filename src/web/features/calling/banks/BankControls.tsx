import { Button, Group } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import {
  IconLockOpen,
  IconPencil,
  IconPlayerPause,
  IconPlayerPlay,
  IconTrash,
  IconX,
} from '@tabler/icons-react';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import type { PhoneBank } from '../../../../contracts/phone-banks.ts';
import { useT } from '../../../core/i18n/index.tsx';
import { BankConfirm } from './BankConfirm.tsx';
import { bankErrorText } from './bankErrors.ts';
import { useDeletePhoneBank, usePhoneBankAction, useSegmentName } from './hooks.ts';
import { isEditable } from './labels.ts';

type Asking = 'open' | 'close' | 'delete' | null;

/**
 * Edit, open (asked first: the audience is frozen), pause, resume, close (asked first: it does
 * not reopen) and delete a draft (asked first).
 */
export function BankControls({ bank }: { bank: PhoneBank }) {
  const t = useT();
  const navigate = useNavigate();
  const open = usePhoneBankAction('open');
  const pause = usePhoneBankAction('pause');
  const resume = usePhoneBankAction('resume');
  const close = usePhoneBankAction('close');
  const remove = useDeletePhoneBank();
  const segment = useSegmentName(bank.segmentId);
  const [asking, setAsking] = useState<Asking>(null);
  const failed = (failure: unknown) =>
    notifications.show({ color: 'red', message: bankErrorText(failure, t) });
  const stopAsking = () => setAsking(null);
  return (
    <Group gap="xs">
      {isEditable(bank.status) && (
        <Button
          variant="light"
          component={Link}
          to={`/hq/calling/banks/${bank.id}/edit`}
          leftSection={<IconPencil size={18} aria-hidden />}
        >
          {t('banks.control.edit')}
        </Button>
      )}
      {bank.status === 'draft' && (
        <>
          <Button
            leftSection={<IconLockOpen size={18} aria-hidden />}
            onClick={() => setAsking('open')}
          >
            {t('banks.control.open')}
          </Button>
          <Button
            variant="light"
            color="red"
            leftSection={<IconTrash size={18} aria-hidden />}
            onClick={() => setAsking('delete')}
          >
            {t('banks.control.delete')}
          </Button>
        </>
      )}
      {bank.status === 'open' && (
        <Button
          variant="light"
          color="yellow"
          leftSection={<IconPlayerPause size={18} aria-hidden />}
          loading={pause.isPending}
          onClick={() => pause.mutate(bank.id, { onError: failed })}
        >
          {t('banks.control.pause')}
        </Button>
      )}
      {bank.status === 'paused' && (
        <Button
          variant="light"
          leftSection={<IconPlayerPlay size={18} aria-hidden />}
          loading={resume.isPending}
          onClick={() => resume.mutate(bank.id, { onError: failed })}
        >
          {t('banks.control.resume')}
        </Button>
      )}
      {(bank.status === 'open' || bank.status === 'paused') && (
        <Button
          variant="light"
          color="red"
          leftSection={<IconX size={18} aria-hidden />}
          onClick={() => setAsking('close')}
        >
          {t('banks.control.close')}
        </Button>
      )}
      <BankConfirm
        opened={asking === 'open'}
        title={t('banks.control.openTitle')}
        confirmLabel={t('banks.control.openConfirm')}
        loading={open.isPending}
        onClose={stopAsking}
        onConfirm={() => open.mutateAsync(bank.id)}
      >
        {t('banks.control.openText', { name: bank.name, segment })}
      </BankConfirm>
      <BankConfirm
        opened={asking === 'close'}
        title={t('banks.control.closeTitle')}
        confirmLabel={t('banks.control.closeConfirm')}
        color="red"
        loading={close.isPending}
        onClose={stopAsking}
        onConfirm={() => close.mutateAsync(bank.id)}
      >
        {t('banks.control.closeText', { name: bank.name })}
      </BankConfirm>
      <BankConfirm
        opened={asking === 'delete'}
        title={t('banks.control.deleteTitle')}
        confirmLabel={t('banks.control.deleteConfirm')}
        color="red"
        loading={remove.isPending}
        onClose={stopAsking}
        onConfirm={async () => {
          await remove.mutateAsync(bank.id);
          notifications.show({ color: 'green', message: t('banks.control.deleted') });
          void navigate('/hq/calling/banks');
        }}
      >
        {t('banks.control.deleteText', { name: bank.name })}
      </BankConfirm>
    </Group>
  );
}
