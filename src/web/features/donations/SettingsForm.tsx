import { Button, Group, Select, Stack, Switch, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import type { DonationSettings } from '../../../contracts/donations.ts';
import { ApiError } from '../../core/api.ts';
import { applyProblem } from '../../core/errors.ts';
import { useT, type Translate } from '../../core/i18n/index.tsx';
import { ErrorAlert } from '../../core/ui/ErrorAlert.tsx';
import { Section } from '../../core/ui/Section.tsx';
import { focusFirstError } from '../../core/validation.ts';
import { AgentFields } from './AgentFields.tsx';
import { CollectionFields } from './CollectionFields.tsx';
import { useSaveDonationSettings } from './hooks.ts';
import {
  formToSettings,
  settingsFieldOf,
  settingsFields,
  settingsProblemText,
  settingsToForm,
  settingsValidation,
  type SettingsFormValues,
} from './settingsForm.ts';

/** The server's field errors under the form's inputs, in the words the form's check uses. */
function forForm(error: unknown, t: Translate): unknown {
  if (!(error instanceof ApiError)) return error;
  const errors = error.errors.map((e) => {
    const field = settingsFieldOf(e.field);
    // An unknown code makes the field's text the message given here.
    return { field, code: 'settings', message: settingsProblemText(field, e.code, t, e.message) };
  });
  return new ApiError(error.status, error.code, error.detail, errors, error.extensions);
}

export function SettingsForm({ settings }: { settings: DonationSettings }) {
  const t = useT();
  const save = useSaveDonationSettings();
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<SettingsFormValues>({
    initialValues: settingsToForm(settings),
    validate: settingsValidation(t),
  });
  const submit = form.onSubmit((values) => {
    setFormError(null);
    save.mutate(formToSettings(values), {
      onSuccess: (saved) => {
        form.setValues(settingsToForm(saved));
        notifications.show({ color: 'green', message: t('finance.settings.saved') });
      },
      onError: (error) => {
        setFormError(applyProblem(form, forForm(error, t), t, settingsFields));
        focusFirstError();
      },
    });
  }, focusFirstError);
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <Section title={t('finance.settings.collect')}>
          <Switch
            label={t('finance.settings.enabled')}
            {...form.getInputProps('enabled', { type: 'checkbox' })}
          />
          <Select
            label={t('finance.settings.mode')}
            allowDeselect={false}
            data={[
              { value: 'candidate', label: t('finance.settings.mode.candidate') },
              { value: 'party', label: t('finance.settings.mode.party') },
            ]}
            {...form.getInputProps('mode')}
          />
          <TextInput
            label={t('finance.settings.beneficiary')}
            required
            maxLength={200}
            {...form.getInputProps('beneficiary')}
          />
          <TextInput
            label={t('finance.settings.suggested')}
            description={t('finance.settings.suggestedHint')}
            {...form.getInputProps('suggested')}
          />
          <Switch
            label={t('finance.settings.monthly')}
            {...form.getInputProps('monthly', { type: 'checkbox' })}
          />
        </Section>
        <Section title={t('finance.settings.election')}>
          <CollectionFields form={form} />
        </Section>
        <Section title={t('finance.settings.agent')} description={t('finance.settings.agentIntro')}>
          <AgentFields form={form} />
        </Section>
        <ErrorAlert message={formError} />
        <Group>
          <Button type="submit" loading={save.isPending}>
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
