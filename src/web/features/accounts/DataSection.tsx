import { Button, Group } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconDownload, IconTrash } from '@tabler/icons-react';
import { meApi } from '../../../contracts/me-api.ts';
import { urlOf } from '../../core/api.ts';
import { errorText } from '../../core/errors.ts';
import { useT } from '../../core/i18n/index.tsx';
import { useSessionActions } from '../../core/session.tsx';
import { ConfirmWordModal } from '../../core/ui/ConfirmWordModal.tsx';
import { Section } from '../../core/ui/Section.tsx';
import { useDeleteAccount } from './hooks.ts';

export function DataSection() {
  const t = useT();
  const [opened, { open, close }] = useDisclosure(false);
  const remove = useDeleteAccount();
  const { leave } = useSessionActions();
  // Typed in the reader's language; the API still receives its own { confirm: 'DELETE' }.
  const word = t('me.deleteWord');

  const confirmDelete = () => {
    remove.mutate(undefined, {
      onSuccess: () => {
        close();
        void leave('/', { notice: 'deleted' });
      },
    });
  };

  return (
    <Section title={t('me.dataTitle')} description={t('me.dataText')}>
      <Group>
        <Button
          component="a"
          href={urlOf(meApi.export)}
          download
          variant="default"
          leftSection={<IconDownload size={16} aria-hidden />}
        >
          {t('me.export')}
        </Button>
        <Button
          color="red"
          variant="light"
          leftSection={<IconTrash size={16} aria-hidden />}
          onClick={open}
        >
          {t('me.delete')}
        </Button>
      </Group>
      <ConfirmWordModal
        opened={opened}
        onClose={() => {
          close();
          remove.reset();
        }}
        title={t('me.deleteTitle')}
        text={t('me.deleteText')}
        word={word}
        typeLabel={t('me.deleteTypeLabel', { word })}
        confirmLabel={t('me.deleteConfirm')}
        onConfirm={confirmDelete}
        loading={remove.isPending}
        error={remove.isError ? errorText(remove.error, t) : null}
      />
    </Section>
  );
}
