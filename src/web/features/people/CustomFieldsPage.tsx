import {
  ActionIcon,
  Badge,
  Button,
  Group,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useForm } from '@mantine/form';
import {
  customFieldInputSchema,
  type CustomField,
  type CustomFieldInput,
  type CustomFieldType,
} from '../../../contracts/custom-fields.ts';
import { validateWith } from '../../core/form-validation.ts';
import { useLocale, useT, type MessageKey } from '../../core/i18n/index.tsx';
import { AppModal } from '../../core/ui/AppModal.tsx';
import { ErrorAlert } from '../../core/ui/ErrorAlert.tsx';
import { QueryState } from '../../core/ui/QueryState.tsx';
import { ResponsiveTable } from '../../core/ui/ResponsiveTable.tsx';
import { usePageTitle } from '../../core/ui/usePageTitle.ts';
import { fieldLabel } from './CustomFieldInput.tsx';
import { useCustomFields, useDeleteCustomField, useSaveCustomField } from './customFieldsHooks.ts';
import { mergeErrorText, placeProblem } from './duplicateLabels.ts';

const typeKeys: Record<CustomFieldType, MessageKey> = {
  text: 'fields.type.text',
  number: 'fields.type.number',
  date: 'fields.type.date',
  choice: 'fields.type.choice',
};

const empty: CustomFieldInput = { key: '', labelFr: '', labelEn: '', type: 'text', options: [] };

/** The inputs a field error can go under: the definition's and each option's. */
const inputPaths = (options: number) => [
  'key',
  'labelFr',
  'labelEn',
  'type',
  'options',
  ...Array.from({ length: options }, (_, i) =>
    ['value', 'labelFr', 'labelEn'].map((part) => `options.${i}.${part}`),
  ).flat(),
];

function FieldForm({ field, onDone }: { field: CustomField | null; onDone: () => void }) {
  const t = useT();
  const save = useSaveCustomField();
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<CustomFieldInput>({
    initialValues: field
      ? {
          key: field.key,
          labelFr: field.labelFr,
          labelEn: field.labelEn,
          type: field.type,
          options: field.options,
        }
      : empty,
    validate: validateWith(customFieldInputSchema, t),
  });
  const input = form.values;
  const locked = (field?.valueCount ?? 0) > 0;

  const submit = form.onSubmit((values) => {
    setFormError(null);
    save.mutate(
      { id: field?.id, input: values },
      {
        onSuccess: () => {
          notifications.show({ color: 'green', message: t('fields.savedField') });
          onDone();
        },
        onError: (error) =>
          setFormError(placeProblem(form, error, t, inputPaths(values.options.length))),
      },
    );
  });

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <TextInput
          label={t('fields.key')}
          description={t('fields.keyHelp')}
          {...form.getInputProps('key')}
          disabled={locked}
          withAsterisk
        />
        <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
          <TextInput label={t('fields.labelFr')} {...form.getInputProps('labelFr')} withAsterisk />
          <TextInput label={t('fields.labelEn')} {...form.getInputProps('labelEn')} withAsterisk />
        </SimpleGrid>
        <Select
          label={t('fields.typeLabel')}
          data={(Object.keys(typeKeys) as CustomFieldType[]).map((type) => ({
            value: type,
            label: t(typeKeys[type]),
          }))}
          value={input.type}
          onChange={(v) =>
            v &&
            form.setValues({
              type: v as CustomFieldType,
              options: v === 'choice' ? input.options : [],
            })
          }
          error={form.errors.type}
          disabled={locked}
          allowDeselect={false}
        />
        {input.type === 'choice' && (
          <Stack gap="xs">
            <Text size="sm" fw={500}>
              {t('fields.options')}
            </Text>
            {input.options.map((_, index) => (
              <Group key={index} gap="xs" align="flex-end" wrap="nowrap">
                {(['value', 'labelFr', 'labelEn'] as const).map((part) => (
                  <TextInput
                    key={part}
                    style={{ flex: 1 }}
                    label={t(`fields.option.${part}`)}
                    {...form.getInputProps(`options.${index}.${part}`)}
                  />
                ))}
                <ActionIcon
                  variant="subtle"
                  color="red"
                  aria-label={t('fields.removeOption', { n: index + 1 })}
                  onClick={() => form.removeListItem('options', index)}
                >
                  <IconTrash size={16} />
                </ActionIcon>
              </Group>
            ))}
            <Group>
              <Button
                size="xs"
                variant="light"
                onClick={() =>
                  form.insertListItem('options', { value: '', labelFr: '', labelEn: '' })
                }
              >
                {t('fields.addOption')}
              </Button>
            </Group>
            {form.errors.options && (
              <Text size="sm" c="red">
                {form.errors.options}
              </Text>
            )}
          </Stack>
        )}
        <ErrorAlert message={formError} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={save.isPending}>
            {t('fields.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** The campaign's custom fields on people: define, relabel, add options, delete. */
export function CustomFieldsPage() {
  const t = useT();
  const [locale] = useLocale();
  usePageTitle(t('fields.title'));
  const fields = useCustomFields();
  const remove = useDeleteCustomField();
  const [editing, setEditing] = useState<CustomField | 'new' | null>(null);
  const [deleting, setDeleting] = useState<CustomField | null>(null);

  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Title order={1}>{t('fields.title')}</Title>
        <Button onClick={() => setEditing('new')}>{t('fields.new')}</Button>
      </Group>
      <Text size="sm" c="dimmed">
        {t('fields.intro')}
      </Text>
      <ErrorAlert message={remove.isError ? mergeErrorText(remove.error, t) : null} />
      <QueryState query={fields}>
        {(data) =>
          data.length === 0 ? (
            <Text>{t('fields.empty')}</Text>
          ) : (
            <ResponsiveTable
              label={t('fields.title')}
              items={data}
              rowKey={(f) => f.id}
              columns={[
                { header: t('fields.label'), title: true, cell: (f) => fieldLabel(f, locale) },
                { header: t('fields.key'), cell: (f) => <code>{f.key}</code> },
                {
                  header: t('fields.typeLabel'),
                  cell: (f) => (
                    <Stack gap={2}>
                      <Badge variant="light" tt="none">
                        {t(typeKeys[f.type])}
                      </Badge>
                      {f.type === 'choice' && (
                        <Text size="xs" c="dimmed">
                          {f.options
                            .map((o) => (locale === 'en' ? o.labelEn : o.labelFr))
                            .join(', ')}
                        </Text>
                      )}
                    </Stack>
                  ),
                },
                { header: t('fields.valueCount'), numeric: true, cell: (f) => f.valueCount },
                {
                  header: t('common.actions'),
                  cell: (f) => (
                    <Group gap="xs">
                      <Button
                        size="xs"
                        variant="light"
                        onClick={() => setEditing(f)}
                        aria-label={t('fields.editLabel', { name: fieldLabel(f, locale) })}
                      >
                        {t('fields.edit')}
                      </Button>
                      <Button
                        size="xs"
                        variant="subtle"
                        color="red"
                        onClick={() => setDeleting(f)}
                        aria-label={t('fields.deleteLabel', { name: fieldLabel(f, locale) })}
                      >
                        {t('fields.delete')}
                      </Button>
                    </Group>
                  ),
                },
              ]}
            />
          )
        }
      </QueryState>
      <AppModal
        opened={editing !== null}
        onClose={() => setEditing(null)}
        title={editing === 'new' ? t('fields.new') : t('fields.edit')}
      >
        {editing !== null && (
          <FieldForm field={editing === 'new' ? null : editing} onDone={() => setEditing(null)} />
        )}
      </AppModal>
      <AppModal
        opened={deleting !== null}
        onClose={() => setDeleting(null)}
        title={t('fields.delete')}
      >
        {deleting && (
          <Stack gap="sm">
            <Text size="sm">
              {t('fields.deleteConfirm', {
                name: fieldLabel(deleting, locale),
                count: deleting.valueCount,
              })}
            </Text>
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setDeleting(null)}>
                {t('common.cancel')}
              </Button>
              <Button
                color="red"
                loading={remove.isPending}
                onClick={() =>
                  remove.mutate(deleting.id, {
                    onSuccess: () => {
                      notifications.show({ message: t('fields.deleted') });
                      setDeleting(null);
                    },
                  })
                }
              >
                {t('fields.delete')}
              </Button>
            </Group>
          </Stack>
        )}
      </AppModal>
    </Stack>
  );
}
