import { Button, FileInput, Group, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconFileUpload } from '@tabler/icons-react';
import { useState } from 'react';
import { callListFieldsSchema } from '../../../contracts/calling-lists.ts';
import { validateWithRules } from '../../core/form-validation.ts';
import { useT } from '../../core/i18n/index.tsx';
import { ErrorAlert } from '../../core/ui/ErrorAlert.tsx';
import { focusFirstError } from '../../core/validation.ts';
import { callingErrorText } from './callingErrors.ts';
import { useStartCallList } from './list-hooks.ts';

interface Values {
  name: string;
  file: File | null;
}

/** The name first: the server reads it before the file streams in. */
function formData({ name, file }: Values): FormData {
  const body = new FormData();
  body.append('name', name.trim());
  body.append('file', file!, file!.name);
  return body;
}

/** Sends a list of numbers with their consent evidence; it is read in the background. */
export function CallListForm() {
  const t = useT();
  const start = useStartCallList();
  const [error, setError] = useState<string | null>(null);
  const form = useForm<Values>({
    initialValues: { name: '', file: null },
    validate: validateWithRules<Values>(callListFieldsSchema, t, ({ name }) => ({ name }), {
      file: (file) => (file ? null : t('calling.lists.fileRequired')),
    }),
  });
  const submit = form.onSubmit((values) => {
    setError(null);
    start.mutate(formData(values), {
      onSuccess: (started) => {
        form.reset();
        notifications.show({
          color: 'green',
          message: t('calling.lists.queued', { name: started.name }),
        });
      },
      onError: (failure) => {
        setError(callingErrorText(failure, t));
        focusFirstError();
      },
    });
  }, focusFirstError);
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <TextInput
          label={t('calling.lists.name')}
          required
          maxLength={120}
          autoComplete="off"
          {...form.getInputProps('name')}
        />
        <FileInput
          label={t('calling.lists.file')}
          description={t('calling.lists.fileHelp')}
          placeholder={t('calling.lists.filePlaceholder')}
          accept=".csv,.txt,text/csv,text/plain"
          clearable
          required
          leftSection={<IconFileUpload size={18} aria-hidden />}
          {...form.getInputProps('file')}
        />
        <ErrorAlert message={error} />
        <Group>
          <Button type="submit" loading={start.isPending}>
            {t('calling.lists.start')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
