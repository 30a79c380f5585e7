import { Alert, Button, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import type { PeopleFilter } from '../../../contracts/people.ts';
import { applyProblem } from '../../core/errors.ts';
import { useT } from '../../core/i18n/index.tsx';
import { useCreateSegment } from './hooks.ts';

interface Props {
  opened: boolean;
  onClose: () => void;
  filter: PeopleFilter;
}

export function SaveSegmentModal({ opened, onClose, filter }: Props) {
  const t = useT();
  const create = useCreateSegment();
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm({
    initialValues: { name: '' },
    validate: { name: (v) => (v.trim() ? null : t('error.required')) },
  });

  const close = () => {
    form.reset();
    setFormError(null);
    onClose();
  };

  const submit = form.onSubmit((values) => {
    setFormError(null);
    create.mutate(
      { name: values.name.trim(), filter },
      {
        onSuccess: () => {
          notifications.show({
            color: 'green',
            message: t('segment.saved', { name: values.name.trim() }),
          });
          close();
        },
        onError: (error) => setFormError(applyProblem(form, error, t, ['name'])),
      },
    );
  });

  return (
    <Modal
      closeButtonProps={{ 'aria-label': t('common.close') }}
      opened={opened}
      onClose={close}
      title={t('segment.saveTitle')}
      centered
    >
      <form onSubmit={submit} noValidate>
        <Stack>
          <Text size="sm">{t('segment.saveText')}</Text>
          <TextInput
            label={t('segment.name')}
            required
            data-autofocus
            maxLength={120}
            {...form.getInputProps('name')}
          />
          {formError && (
            <Alert color="red" role="alert">
              {formError}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={create.isPending}>
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
