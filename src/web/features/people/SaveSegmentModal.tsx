import { Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import {
  SEGMENT_NAME_MAX,
  segmentInputSchema,
  type PeopleFilter,
} from '../../../contracts/people.ts';
import { applyProblem } from '../../core/errors.ts';
import { validateWith } from '../../core/form-validation.ts';
import { useT } from '../../core/i18n/index.tsx';
import { AppModal } from '../../core/ui/AppModal.tsx';
import { ModalFooter } from '../../core/ui/ModalFooter.tsx';
import { focusFirstError } from '../../core/validation.ts';
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
    // The filter comes from the list, already read by the same schema.
    validate: validateWith(segmentInputSchema.pick({ name: true }), t),
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
        onError: (error) => {
          setFormError(applyProblem(form, error, t, ['name']));
          focusFirstError();
        },
      },
    );
  }, focusFirstError);

  return (
    <AppModal opened={opened} onClose={close} title={t('segment.saveTitle')} centered>
      <form onSubmit={submit} noValidate>
        <Stack>
          <Text size="sm">{t('segment.saveText')}</Text>
          <TextInput
            label={t('segment.name')}
            required
            data-autofocus
            maxLength={SEGMENT_NAME_MAX}
            {...form.getInputProps('name')}
          />
          <ModalFooter
            error={formError}
            onCancel={close}
            confirmLabel={t('common.save')}
            loading={create.isPending}
          />
        </Stack>
      </form>
    </AppModal>
  );
}
