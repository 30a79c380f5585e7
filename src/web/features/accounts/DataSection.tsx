import { Alert, Button, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconDownload, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { errorText } from '../../core/errors.ts';
import { useT } from '../../core/i18n/index.tsx';
import { useSessionActions } from '../../core/session.tsx';
import { Section } from '../../core/ui/Section.tsx';
import { useDeleteAccount } from './hooks.ts';

export function DataSection() {
  const t = useT();
  const [opened, { open, close }] = useDisclosure(false);
  const [typed, setTyped] = useState('');
  const remove = useDeleteAccount();
  const { leave } = useSessionActions();

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
      <Modal
        closeButtonProps={{ 'aria-label': t('common.close') }}
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
            label={t('me.deleteTypeLabel')}
            value={typed}
            onChange={(e) => setTyped(e.currentTarget.value)}
            autoComplete="off"
            data-autofocus
          />
          {remove.isError && (
            <Alert color="red" role="alert">
              {errorText(remove.error, t)}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t('common.cancel')}
            </Button>
            <Button
              color="red"
              disabled={typed !== 'DELETE'}
              loading={remove.isPending}
              onClick={confirmDelete}
            >
              {t('me.deleteConfirm')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Section>
  );
}
