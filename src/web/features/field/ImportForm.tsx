import { Button, FileInput, Group, Radio, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconFileUpload } from '@tabler/icons-react';
import { useState } from 'react';
import { fieldImportFieldsSchema, type FieldImportKind } from '../../../contracts/field.ts';
import { ApiError } from '../../core/api.ts';
import { validateWithRules } from '../../core/form-validation.ts';
import { useT, type MessageKey, type Translate } from '../../core/i18n/index.tsx';
import { ErrorAlert } from '../../core/ui/ErrorAlert.tsx';
import { focusFirstError } from '../../core/validation.ts';
import { ElectionField } from './ImportElectionField.tsx';
import { fieldErrorText } from './fieldErrors.ts';
import { useStartFieldImport } from './importHooks.ts';
import { importKinds } from './importLabels.ts';

interface Values {
  kind: FieldImportKind;
  label: string;
  /** An electoral list's election, as the select holds it. */
  electionId: string | null;
  file: File | null;
}

/** The text fields first: the server reads them before the file streams in. */
function formData({ kind, label, electionId, file }: Values): FormData {
  const body = new FormData();
  body.append('kind', kind);
  if (kind === 'results') body.append('label', label.trim());
  if (kind === 'electoral_list' && electionId) body.append('electionId', electionId);
  body.append('file', file!, file!.name);
  return body;
}

const accepted: Record<FieldImportKind, string> = {
  results: '.txt,.csv,text/plain,text/csv',
  reu: '.csv,.gz,text/csv,application/gzip',
  addresses: '.csv,.gz,text/csv,application/gzip',
  electoral_list: '.csv,.txt,text/csv,text/plain',
};

/** The electoral list's refusals, said in this form's words. */
const electionProblems: Record<string, MessageKey> = {
  election_required: 'field.error.election_required',
  unknown_election: 'field.error.unknown_election',
  election_without_rounds: 'field.error.election_without_rounds',
};

function importErrorText(failure: unknown, t: Translate): string {
  const key = failure instanceof ApiError ? electionProblems[failure.code] : undefined;
  return key ? t(key) : fieldErrorText(failure, t);
}

/** Sends an official file to be read in the background; its report appears in the list. */
export function ImportForm() {
  const t = useT();
  const start = useStartFieldImport();
  const [error, setError] = useState<string | null>(null);
  const form = useForm<Values>({
    initialValues: { kind: 'results', label: '', electionId: null, file: null },
    validate: validateWithRules<Values>(
      fieldImportFieldsSchema,
      t,
      ({ kind, label, electionId }) => ({
        kind,
        ...(label.trim() ? { label } : {}),
        ...(kind === 'electoral_list' && electionId ? { electionId } : {}),
      }),
      {
        label: (label, { kind }) =>
          kind === 'results' && !label.trim() ? t('field.imports.labelRequired') : null,
        electionId: (electionId, { kind }) =>
          kind === 'electoral_list' && !electionId ? t('field.imports.electionRequired') : null,
        file: (file) => (file ? null : t('field.imports.fileRequired')),
      },
    ),
  });
  const submit = form.onSubmit((values) => {
    setError(null);
    start.mutate(formData(values), {
      onSuccess: (started) => {
        form.setValues({ label: '', file: null });
        notifications.show({
          color: 'green',
          message: t('field.imports.queued', { file: started.fileName }),
        });
      },
      onError: (failure) => setError(importErrorText(failure, t)),
    });
  }, focusFirstError);

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <Radio.Group label={t('field.imports.kind')} required {...form.getInputProps('kind')}>
          <Stack gap="xs" mt="xs">
            {importKinds.map((kind) => (
              <Radio
                key={kind.value}
                value={kind.value}
                label={t(kind.label)}
                description={t(kind.help)}
              />
            ))}
          </Stack>
        </Radio.Group>
        {form.values.kind === 'results' && (
          <TextInput
            label={t('field.imports.label')}
            description={t('field.imports.labelHelp')}
            required
            maxLength={120}
            {...form.getInputProps('label')}
          />
        )}
        {form.values.kind === 'electoral_list' && (
          <ElectionField
            value={form.values.electionId}
            onChange={(electionId) => form.setFieldValue('electionId', electionId)}
            error={form.errors.electionId}
          />
        )}
        <FileInput
          label={t('field.imports.file')}
          placeholder={t('field.imports.filePlaceholder')}
          accept={accepted[form.values.kind]}
          clearable
          required
          leftSection={<IconFileUpload size={18} aria-hidden />}
          {...form.getInputProps('file')}
        />
        <ErrorAlert message={error} />
        <Group>
          <Button type="submit" loading={start.isPending}>
            {t('field.imports.start')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
