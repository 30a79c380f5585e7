import { Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconDownload, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { errorText } from '../../core/errors.ts';
import { useT } from '../../core/i18n/index.tsx';
import { useSessionActions } from '../../core/session.tsx';
import { AppModal } from '../../core/ui/AppModal.tsx';
import { ModalFooter } from '../../core/ui/ModalFooter.tsx';
import { Section } from '../../core/ui/Section.tsx';
import { useDeleteAccount } from './hooks.ts';

export function DataSection() {
  const t = useT();
  const [opened, { open, close }] = useDisclosure(false);
  const [typed, setTyped] = useState('');
  const remove = useDeleteAccount();
  const { leave } = useSessionActions();
  // Typed in the reader's language; the API still receives its own { confirm: 'DELETE' }.
  const word = t('me.deleteWord');
  // Phone keyboards capitalise the first letter and may add a space: neither should block.
  const confirmed = typed.trim().toLocaleUpperCase() === word.toLocaleUpperCase();

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
          href="/api/me/export"
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
      <AppModal
        opened={opened}
        onClose={() => {
          close();
          setTyped('');
          remove.reset();
        }}
        title={t('me.deleteTitle')}
        centered
      >
        <Stack>
          <Text size="sm">{t('me.deleteText')}</Text>
          <TextInput
            label={t('me.deleteTypeLabel', { word })}
            value={typed}
            onChange={(e) => setTyped(e.currentTarget.value)}
            autoComplete="off"
            data-autofocus
          />
          <ModalFooter
            error={remove.isError ? errorText(remove.error, t) : null}
            onCancel={close}
            confirmLabel={t('me.deleteConfirm')}
            onConfirm={confirmDelete}
            loading={remove.isPending}
            disabled={!confirmed}
            color="red"
          />
        </Stack>
      </AppModal>
    </Section>
  );
}
