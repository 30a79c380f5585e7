import { Button } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconPencil } from '@tabler/icons-react';
import type { PersonDetail } from '../../../contracts/people.ts';
import { useT } from '../../core/i18n/index.tsx';
import { PersonFormModal } from './PersonFormModal.tsx';
import { useUpdatePerson } from './personRecordsHooks.ts';

/** Edits a person's name, contact details and address; the change goes in their timeline. */
export function PersonEditButton({ person }: { person: PersonDetail }) {
  const t = useT();
  const [opened, { open, close }] = useDisclosure(false);
  const update = useUpdatePerson(person.id);
  return (
    <>
      <Button variant="default" leftSection={<IconPencil size={16} aria-hidden />} onClick={open}>
        {t('person.edit')}
      </Button>
      {opened && (
        <PersonFormModal
          opened
          onClose={close}
          title={t('person.editTitle')}
          person={person}
          saving={update.isPending}
          onSave={(input, onError) =>
            update.mutate(input, {
              onSuccess: () => {
                close();
                notifications.show({ color: 'green', message: t('person.saved') });
              },
              onError,
            })
          }
        />
      )}
    </>
  );
}
