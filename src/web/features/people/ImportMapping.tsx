import { NativeSelect, Table, Text } from '@mantine/core';
import {
  CUSTOM_PREFIX,
  importFieldSchema,
  importTargetSchema,
  type ImportReport,
  type ImportTarget,
} from '../../../contracts/people.ts';
import { useLocale, useT } from '../../core/i18n/index.tsx';
import { fieldLabel } from './CustomFieldInput.tsx';
import { useCustomFields } from './customFieldsHooks.ts';
import { importFieldKeys } from './importLabels.ts';

interface Props {
  report: ImportReport;
  mapping: Record<string, ImportTarget>;
  onChange: (mapping: Record<string, ImportTarget>) => void;
  disabled?: boolean;
}

/** One row per CSV column: which person field or custom field it fills, with sample values. */
export function ImportMapping({ report, mapping, onChange, disabled }: Props) {
  const t = useT();
  const [locale] = useLocale();
  const customFields = useCustomFields();
  const options = [
    { value: '', label: t('import.ignore') },
    ...importFieldSchema.options.map((field) => ({
      value: field,
      label: t(importFieldKeys[field]),
    })),
    ...(customFields.data ?? []).map((field) => ({
      value: `${CUSTOM_PREFIX}${field.key}`,
      label: t('import.customField', { name: fieldLabel(field, locale) }),
    })),
  ];

  const set = (header: string, value: string) => {
    const next: Record<string, ImportTarget> = {};
    for (const [h, f] of Object.entries(mapping)) if (h !== header) next[h] = f;
    const parsed = importTargetSchema.safeParse(value);
    if (parsed.success) next[header] = parsed.data;
    onChange(next);
  };

  return (
    <Table.ScrollContainer minWidth={480}>
      <Table verticalSpacing="xs" aria-label={t('import.mappingTitle')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('import.column')}</Table.Th>
            <Table.Th>{t('import.field')}</Table.Th>
            <Table.Th>{t('import.examples')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {report.headers.map((header) => (
            <Table.Tr key={header}>
              <Table.Td>
                <Text fw={500} size="sm">
                  {header}
                </Text>
              </Table.Td>
              <Table.Td>
                <NativeSelect
                  aria-label={t('import.fieldFor', { column: header })}
                  data={options}
                  value={mapping[header] ?? ''}
                  onChange={(e) => set(header, e.currentTarget.value)}
                  disabled={disabled}
                  size="xs"
                />
              </Table.Td>
              <Table.Td>
                <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
                  {report.sample
                    .slice(0, 3)
                    .map((row) => row[header] ?? '')
                    .filter(Boolean)
                    .join(' · ')}
                </Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
