import { Button, Group, Modal, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import type { FinanceGift } from '../../../contracts/donations-finance.ts';
import { useT } from '../../core/i18n/index.tsx';
import { useBankReference } from './hooks.ts';

/** Notes the bank statement line that shows a received gift (the commission's files need it). */
export function BankReferenceButton({ gift }: { gift: FinanceGift }) {
  const t = useT();
  const save = useBankReference();
  const [opened, setOpened] = useState(false);
  const [reference, setReference] = useState(gift.meansDetail.reference ?? '');
  const submit = () =>
    save.mutateAsync({ id: gift.id, reference }).then(() => {
      setOpened(false);
      notifications.show({ color: 'green', message: t('finance.bankReference.done') });
    });
  return (
    <>
      <Button
        size="xs"
        variant="subtle"
        onClick={() => setOpened(true)}
        aria-label={t('finance.bankReference.for', { id: String(gift.id) })}
      >
        {t('finance.bankReference')}
      </Button>
      <Modal opened={opened} onClose={() => setOpened(false)} title={t('finance.bankReference')}>
        <form
          onSubmit={(event) => {
            event.preventDefault();
            void submit();
          }}
        >
          <TextInput
            label={t('finance.bankReference.label')}
            description={t('finance.bankReference.hint')}
            value={reference}
            onChange={(event) => setReference(event.currentTarget.value)}
            maxLength={100}
            required
            data-autofocus
          />
          <Group justify="flex-end" mt="md">
            <Button type="submit" loading={save.isPending} disabled={!reference.trim()}>
              {t('finance.bankReference.save')}
            </Button>
          </Group>
        </form>
      </Modal>
    </>
  );
}
