import { Button } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useT } from '../../core/i18n/index.tsx';
import { ConfirmDialog } from './ConfirmDialog.tsx';

/**
 * A small delete button that asks first: the dialog shows the server's refusal if one comes,
 * a notification says it is done.
 */
export function DeleteWithConfirm({
  label,
  title,
  text,
  done,
  pending,
  onDelete,
}: {
  /** The button's accessible name (it says what goes). */
  label: string;
  title: string;
  text: string;
  done: string;
  pending: boolean;
  onDelete: () => Promise<unknown>;
}) {
  const t = useT();
  const [asking, setAsking] = useState(false);
  return (
    <>
      <Button
        size="xs"
        variant="subtle"
        color="red"
        onClick={() => setAsking(true)}
        aria-label={label}
      >
        {t('common.delete')}
      </Button>
      <ConfirmDialog
        opened={asking}
        title={title}
        confirmLabel={t('common.delete')}
        color="red"
        loading={pending}
        onClose={() => setAsking(false)}
        onConfirm={async () => {
          await onDelete();
          notifications.show({ color: 'green', message: done });
        }}
      >
        {text}
      </ConfirmDialog>
    </>
  );
}
