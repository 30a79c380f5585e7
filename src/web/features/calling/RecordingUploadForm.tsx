import { Button, FileInput, Group, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconFileMusic } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { recordingNameSchema, type Recording } from '../../../contracts/calling-media.ts';
import { ApiError } from '../../core/api.ts';
import { fieldErrorText, translateCode } from '../../core/errors.ts';
import { useLocale, useT } from '../../core/i18n/index.tsx';
import { ErrorAlert } from '../../core/ui/ErrorAlert.tsx';
import { focusFirstError } from '../../core/validation.ts';
import { callingErrorText, recordingRefusalText } from './callingErrors.ts';
import { useUploadRecording } from './media-hooks.ts';

interface Values {
  name: string;
  file: File | null;
}

/** The name first: the server reads it before the file streams in. */
function formData({ name, file }: Values): FormData {
  const body = new FormData();
  if (name.trim()) body.append('name', name.trim());
  body.append('file', file!, file!.name);
  return body;
}

/**
 * Sends a recorded message (WAV or MP3): checked and converted by the server, whose refusal
 * is said under the file. Used on the recordings page and inside the broadcast editor.
 */
export function RecordingUploadForm({
  onUploaded,
}: {
  onUploaded?: (recording: Recording) => void;
}) {
  const t = useT();
  const [locale] = useLocale();
  const upload = useUploadRecording();
  const [error, setError] = useState<string | null>(null);
  const form = useForm<Values>({
    initialValues: { name: '', file: null },
    validate: {
      name: (name) => {
        if (!name.trim()) return null;
        const parsed = recordingNameSchema.safeParse(name);
        return parsed.success ? null : translateCode(parsed.error.issues[0]!.message, t);
      },
      file: (file) => (file ? null : t('calling.recordings.fileRequired')),
    },
  });
  const submit = form.onSubmit((values) => {
    setError(null);
    upload.mutate(formData(values), {
      onSuccess: (recording) => {
        form.reset();
        notifications.show({
          color: 'green',
          message: t('calling.recordings.uploaded', { name: recording.name }),
        });
        onUploaded?.(recording);
      },
      onError: (failure) => {
        const fieldErrors = failure instanceof ApiError ? failure.errors : [];
        const named = fieldErrors.filter((e) => e.field === 'name' || e.field === 'file');
        for (const problem of named) form.setFieldError(problem.field, fieldErrorText(problem, t));
        const refusal = recordingRefusalText(failure, t, locale);
        if (refusal) form.setFieldError('file', refusal);
        else if (named.length === 0) setError(callingErrorText(failure, t));
        focusFirstError();
      },
    });
  }, focusFirstError);
  // Inside the broadcast editor this form sits in a dialog: its submit must not reach the editor's.
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.stopPropagation();
    submit(event);
  };
  return (
    <form onSubmit={onSubmit} noValidate>
      <Stack gap="sm">
        <TextInput
          label={t('calling.recordings.name')}
          description={t('calling.recordings.nameHelp')}
          maxLength={120}
          autoComplete="off"
          {...form.getInputProps('name')}
        />
        <FileInput
          label={t('calling.recordings.file')}
          description={t('calling.recordings.fileHelp')}
          placeholder={t('calling.recordings.filePlaceholder')}
          accept=".wav,.mp3,audio/wav,audio/x-wav,audio/mpeg"
          clearable
          required
          leftSection={<IconFileMusic size={18} aria-hidden />}
          {...form.getInputProps('file')}
        />
        <ErrorAlert message={error} />
        <Group>
          <Button type="submit" loading={upload.isPending}>
            {t('calling.recordings.upload')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
