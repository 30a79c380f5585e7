import { Button } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { FinanceGift } from '../../../contracts/donations-finance.ts';
import { errorText } from '../../core/errors.ts';
import { useT } from '../../core/i18n/index.tsx';
import { useAssignForm } from './hooks.ts';

/** Gives a received gift the next unused receipt form number. */
export function AssignFormButton({ gift }: { gift: FinanceGift }) {
  const t = useT();
  const assign = useAssignForm();
  return (
    <Button
      size="xs"
      variant="light"
      loading={assign.isPending}
      aria-label={t('finance.assignFor', { donor: gift.donorName, id: String(gift.id) })}
      onClick={() =>
        assign.mutate(gift.id, {
          onSuccess: (form) =>
            notifications.show({
              color: 'green',
              message: t('finance.assign.done', { number: form.number, donor: gift.donorName }),
            }),
          onError: (error) => notifications.show({ color: 'red', message: errorText(error, t) }),
        })
      }
    >
      {t('finance.assign')}
    </Button>
  );
}
