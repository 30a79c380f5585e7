import { Button } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useT } from '../../core/i18n/index.tsx';
import { ConfirmDialog } from './ConfirmDialog.tsx';
import { useMergeDonors } from './hooks.ts';

interface Donor {
  personId: number;
  donorName: string;
  email: string;
}

/** Merges `merged` into `kept` once the officer has confirmed: their gifts then share one cap. */
export function MergeDonorsButton({ kept, merged }: { kept: Donor; merged: Donor }) {
  const t = useT();
  const merge = useMergeDonors();
  const [opened, setOpened] = useState(false);
  const vars = {
    kept: `${kept.donorName} <${kept.email}>`,
    merged: `${merged.donorName} <${merged.email}>`,
  };
  return (
    <>
      <Button size="xs" variant="light" onClick={() => setOpened(true)}>
        {t('finance.merge.into', { email: kept.email })}
      </Button>
      <ConfirmDialog
        opened={opened}
        title={t('finance.merge.title')}
        confirmLabel={t('finance.merge.confirm')}
        loading={merge.isPending}
        onClose={() => setOpened(false)}
        onConfirm={() =>
          merge
            .mutateAsync({ keptId: kept.personId, mergedId: merged.personId })
            .then(() => notifications.show({ color: 'green', message: t('finance.merge.done') }))
        }
      >
        {t('finance.merge.explain', vars)}
      </ConfirmDialog>
    </>
  );
}
