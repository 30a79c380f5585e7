import { Button } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { errorText } from '../../core/errors.ts';
import { useT } from '../../core/i18n/index.tsx';
import { useAssignAllForms } from './hooks.ts';

/** Gives every received gift without a form the next numbers, in the order the money came. */
export function AssignAllFormsButton() {
  const t = useT();
  const assign = useAssignAllForms();
  return (
    <Button
      variant="light"
      loading={assign.isPending}
      onClick={() =>
        assign.mutate(undefined, {
          onSuccess: (result) => {
            const done =
              result.assigned === 0
                ? t('finance.assignAll.none')
                : t('finance.assignAll.done', {
                    count: String(result.assigned),
                    first: result.first ?? '',
                    last: result.last ?? '',
                  });
            notifications.show({
              color: result.waiting > 0 ? 'orange' : 'green',
              message:
                result.waiting > 0
                  ? `${done} ${t('finance.assignAll.waiting', { count: String(result.waiting) })}`
                  : done,
            });
          },
          onError: (error) => notifications.show({ color: 'red', message: errorText(error, t) }),
        })
      }
    >
      {t('finance.assignAll')}
    </Button>
  );
}
