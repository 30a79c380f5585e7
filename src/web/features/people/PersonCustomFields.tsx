import { Button, Group, SimpleGrid, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useForm } from '@mantine/form';
import {
  personCustomValuesFormSchema,
  type CustomValue,
} from '../../../contracts/custom-fields.ts';
import { validateWith } from '../../core/form-validation.ts';
import { useLocale, useT } from '../../core/i18n/index.tsx';
import { ErrorAlert } from '../../core/ui/ErrorAlert.tsx';
import { Section } from '../../core/ui/Section.tsx';
import { CustomFieldInput, customValueText, fieldLabel } from './CustomFieldInput.tsx';
import {
  useCustomFields,
  usePersonCustomValues,
  useSavePersonCustomValues,
} from './customFieldsHooks.ts';
import { placeProblem } from './duplicateLabels.ts';

/** The person's custom fields: shown to readers, editable with people.write. */
export function PersonCustomFields({
  personId,
  editable,
}: {
  personId: number;
  editable: boolean;
}) {
  const t = useT();
  const [locale] = useLocale();
  const fields = useCustomFields();
  const values = usePersonCustomValues(personId);
  const save = useSavePersonCustomValues(personId);
  const form = useForm<{ values: Record<string, CustomValue> }>({
    initialValues: { values: {} },
    validate: validateWith(personCustomValuesFormSchema(fields.data ?? []), t),
  });
  const [formError, setFormError] = useState<string | null>(null);
  if (!fields.data?.length || !values.data) return null;
  const draft = form.values.values;
  const current = { ...values.data, ...draft };
  const submit = form.onSubmit((request) => {
    setFormError(null);
    save.mutate(request.values, {
      onSuccess: () => {
        form.reset();
        notifications.show({ color: 'green', message: t('fields.saved') });
      },
      onError: (error) =>
        setFormError(
          placeProblem(
            form,
            error,
            t,
            fields.data.map((field) => `values.${field.key}`),
          ),
        ),
    });
  });

  return (
    <Section title={t('fields.personSection')}>
      {editable ? (
        <form onSubmit={submit} noValidate>
          <Stack gap="sm">
            <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
              {fields.data.map((field) => (
                <CustomFieldInput
                  key={field.key}
                  field={field}
                  locale={locale}
                  value={current[field.key]}
                  onChange={(value) => form.setFieldValue(`values.${field.key}`, value)}
                  error={form.errors[`values.${field.key}`]}
                />
              ))}
            </SimpleGrid>
            <ErrorAlert message={formError} />
            <Group>
              <Button
                type="submit"
                size="xs"
                disabled={Object.keys(draft).length === 0}
                loading={save.isPending}
              >
                {t('fields.saveValues')}
              </Button>
            </Group>
          </Stack>
        </form>
      ) : (
        <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
          {fields.data.map((field) => (
            <div key={field.key}>
              <Text size="xs" c="dimmed" fw={500}>
                {fieldLabel(field, locale)}
              </Text>
              <Text size="sm">{customValueText(field, values.data[field.key], locale) || '—'}</Text>
            </div>
          ))}
        </SimpleGrid>
      )}
    </Section>
  );
}
