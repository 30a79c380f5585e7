import { Button, Group, SimpleGrid, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import type { CustomValue } from '../../../contracts/custom-fields.ts';
import { ApiError } from '../../core/api.ts';
import { useLocale, useT } from '../../core/i18n/index.tsx';
import { ErrorAlert } from '../../core/ui/ErrorAlert.tsx';
import { Section } from '../../core/ui/Section.tsx';
import { CustomFieldInput, customValueText, fieldLabel } from './CustomFieldInput.tsx';
import {
  useCustomFields,
  usePersonCustomValues,
  useSavePersonCustomValues,
} from './customFieldsHooks.ts';
import { mergeErrorText, problemFieldText } from './duplicateLabels.ts';

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
  const [draft, setDraft] = useState<Record<string, CustomValue>>({});
  if (!fields.data?.length || !values.data) return null;
  const current = { ...values.data, ...draft };
  const errors = new Map(
    save.error instanceof ApiError ? save.error.errors.map((e) => [e.field, e]) : [],
  );

  return (
    <Section title={t('fields.personSection')}>
      {editable ? (
        <Stack gap="sm">
          <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
            {fields.data.map((field) => {
              const error = errors.get(`values.${field.key}`);
              return (
                <CustomFieldInput
                  key={field.key}
                  field={field}
                  locale={locale}
                  value={current[field.key]}
                  onChange={(value) => setDraft((d) => ({ ...d, [field.key]: value }))}
                  error={error ? problemFieldText(error, t) : undefined}
                />
              );
            })}
          </SimpleGrid>
          <ErrorAlert
            message={save.isError && errors.size === 0 ? mergeErrorText(save.error, t) : null}
          />
          <Group>
            <Button
              size="xs"
              disabled={Object.keys(draft).length === 0}
              loading={save.isPending}
              onClick={() =>
                save.mutate(draft, {
                  onSuccess: () => {
                    setDraft({});
                    notifications.show({ color: 'green', message: t('fields.saved') });
                  },
                })
              }
            >
              {t('fields.saveValues')}
            </Button>
          </Group>
        </Stack>
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
