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
import type {
  CustomField,
  CustomFieldInput,
  CustomFieldType,
} from '../../../contracts/custom-fields.ts';
import { ApiError } from '../../core/api.ts';
import { useLocale, useT, type MessageKey } from '../../core/i18n/index.tsx';
import { AppModal } from '../../core/ui/AppModal.tsx';
import { ErrorAlert } from '../../core/ui/ErrorAlert.tsx';
import { QueryState } from '../../core/ui/QueryState.tsx';
import { ResponsiveTable } from '../../core/ui/ResponsiveTable.tsx';
import { usePageTitle } from '../../core/ui/usePageTitle.ts';
import { fieldLabel } from './CustomFieldInput.tsx';
import { useCustomFields, useDeleteCustomField, useSaveCustomField } from './customFieldsHooks.ts';
import { mergeErrorText, problemFieldText } from './duplicateLabels.ts';

const typeKeys: Record<CustomFieldType, MessageKey> = {
  text: 'fields.type.text',
  number: 'fields.type.number',
  date: 'fields.type.date',
  choice: 'fields.type.choice',
};

const empty: CustomFieldInput = { key: '', labelFr: '', labelEn: '', type: 'text', options: [] };

function FieldForm({ field, onDone }: { field: CustomField | null; onDone: () => void }) {
  const t = useT();
  const save = useSaveCustomField();
  const [input, setInput] = useState<CustomFieldInput>(
    field
      ? {
          key: field.key,
          labelFr: field.labelFr,
          labelEn: field.labelEn,
          type: field.type,
          options: field.options,
        }
      : empty,
  );
  const set = (change: Partial<CustomFieldInput>) => setInput((i) => ({ ...i, ...change }));
  const errors = save.error instanceof ApiError ? save.error.errors : [];
  const errorOf = (name: string) => {
    const e = errors.find((x) => x.field === name || x.field.startsWith(`${name}.`));
    return e ? problemFieldText(e, t) : undefined;
  };
  const locked = (field?.valueCount ?? 0) > 0;

  return (
    <Stack gap="sm">
      <TextInput
        label={t('fields.key')}
        description={t('fields.keyHelp')}
        value={input.key}
        onChange={(e) => set({ key: e.currentTarget.value })}
        disabled={locked}
        error={errorOf('key')}
        required
      />
      <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
        <TextInput
          label={t('fields.labelFr')}
          value={input.labelFr}
          onChange={(e) => set({ labelFr: e.currentTarget.value })}
          error={errorOf('labelFr')}
          required
        />
        <TextInput
          label={t('fields.labelEn')}
          value={input.labelEn}
          onChange={(e) => set({ labelEn: e.currentTarget.value })}
          error={errorOf('labelEn')}
          required
        />
      </SimpleGrid>
      <Select
        label={t('fields.typeLabel')}
        data={(Object.keys(typeKeys) as CustomFieldType[]).map((type) => ({
          value: type,
          label: t(typeKeys[type]),
        }))}
        value={input.type}
        onChange={(v) =>
          v && set({ type: v as CustomFieldType, options: v === 'choice' ? input.options : [] })
        }
        disabled={locked}
        allowDeselect={false}
      />
      {input.type === 'choice' && (
        <Stack gap="xs">
          <Text size="sm" fw={500}>
            {t('fields.options')}
          </Text>
          {input.options.map((option, index) => (
            <Group key={index} gap="xs" align="flex-end" wrap="nowrap">
              {(['value', 'labelFr', 'labelEn'] as const).map((part) => (
                <TextInput
                  key={part}
                  style={{ flex: 1 }}
                  label={t(`fields.option.${part}`)}
                  value={option[part]}
                  onChange={(e) => {
                    const value = e.currentTarget.value;
                    set({
                      options: input.options.map((o, i) =>
                        i === index ? { ...o, [part]: value } : o,
                      ),
                    });
                  }}
                  error={errorOf(`options.${index}.${part}`)}
                />
              ))}
              <ActionIcon
                variant="subtle"
                color="red"
                aria-label={t('fields.removeOption', { n: index + 1 })}
                onClick={() => set({ options: input.options.filter((_, i) => i !== index) })}
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
                set({ options: [...input.options, { value: '', labelFr: '', labelEn: '' }] })
              }
            >
              {t('fields.addOption')}
            </Button>
          </Group>
          {errorOf('options') && (
            <Text size="sm" c="red">
              {errorOf('options')}
            </Text>
          )}
        </Stack>
      )}
      <ErrorAlert
        message={save.isError && errors.length === 0 ? mergeErrorText(save.error, t) : null}
      />
      <Group justify="flex-end">
        <Button variant="default" onClick={onDone}>
          {t('common.cancel')}
        </Button>
        <Button
          loading={save.isPending}
          onClick={() =>
            save.mutate(
              { id: field?.id, input },
              {
                onSuccess: () => {
                  notifications.show({ color: 'green', message: t('fields.savedField') });
                  onDone();
                },
              },
            )
          }
        >
          {t('fields.save')}
        </Button>
      </Group>
    </Stack>
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
