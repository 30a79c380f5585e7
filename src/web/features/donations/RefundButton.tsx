import { Button } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import type { FinanceGift } from '../../../contracts/donations-finance.ts';
import { useT } from '../../core/i18n/index.tsx';
import { ConfirmDialog } from './ConfirmDialog.tsx';
import { useRefund } from './hooks.ts';
import { useEuros } from './useEuros.ts';

/** Refunds a received gift after saying what follows: the receipt cancelled, the cap freed. */
export function RefundButton({ gift }: { gift: FinanceGift }) {
  const t = useT();
  const euros = useEuros();
  const refund = useRefund();
  const [opened, setOpened] = useState(false);
  const vars = { amount: euros(gift.amountCents), donor: gift.donorName };
  return (
    <>
      <Button
        size="xs"
        variant="subtle"
        color="red"
        onClick={() => setOpened(true)}
        aria-label={t('finance.refundFor', { ...vars, id: String(gift.id) })}
      >
        {t('finance.refund')}
      </Button>
      <ConfirmDialog
        opened={opened}
        title={t('finance.refund.title', vars)}
        confirmLabel={t('finance.refund.confirm')}
        loading={refund.isPending}
        onClose={() => setOpened(false)}
        onConfirm={() =>
          refund
            .mutateAsync(gift.id)
            .then(() =>
              notifications.show({ color: 'green', message: t('finance.refund.done', vars) }),
            )
        }
      >
        {t('finance.refund.explain', vars)}
      </ConfirmDialog>
    </>
  );
}
