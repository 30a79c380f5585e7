import { Button } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconUserPlus } from '@tabler/icons-react';
import { useNavigate } from 'react-router';
import { useT } from '../../core/i18n/index.tsx';
import { PersonFormModal } from './PersonFormModal.tsx';
import { useCreatePerson } from './personRecordsHooks.ts';

/** Adds a person met at a market stall, on the phone or by letter; opens their page after. */
export function AddPersonButton() {
  const t = useT();
  const navigate = useNavigate();
  const [opened, { open, close }] = useDisclosure(false);
  const create = useCreatePerson();
  return (
    <>
      <Button variant="default" leftSection={<IconUserPlus size={16} aria-hidden />} onClick={open}>
        {t('person.add')}
      </Button>
      {opened && (
        <PersonFormModal
          opened
          onClose={close}
          title={t('person.addTitle')}
          saving={create.isPending}
          onSave={(input, onError) =>
            create.mutate(input, {
              onSuccess: ({ id }) => {
                close();
                notifications.show({ color: 'green', message: t('person.added') });
                void navigate(`/hq/people/${id}`);
              },
              onError,
            })
          }
        />
      )}
    </>
  );
}
