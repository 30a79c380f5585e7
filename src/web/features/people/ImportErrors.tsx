import { Table, Text } from '@mantine/core';
import type { CustomField } from '../../../contracts/custom-fields.ts';
import { CUSTOM_PREFIX, type ImportReport } from '../../../contracts/people.ts';
import { fieldErrorText } from '../../core/errors.ts';
import { useLocale, useT, type MessageKey, type Translate } from '../../core/i18n/index.tsx';
import { fieldLabel as customFieldLabel } from './CustomFieldInput.tsx';
import { useCustomFields } from './customFieldsHooks.ts';
import { importFieldKeys } from './importLabels.ts';

const SHOWN = 100;

const fieldKeys: Partial<Record<string, MessageKey>> = importFieldKeys;

/** The field a row error is about, named as in the mapping step. */
function fieldLabel(field: string | null, t: Translate, custom: (key: string) => string): string {
  if (field === null) return '—';
  const key = fieldKeys[field];
  if (key) return t(key);
  return field.startsWith(CUSTOM_PREFIX) ? custom(field.slice(CUSTOM_PREFIX.length)) : field;
}

/** What a custom field's cell was refused for; the server quotes the cell first. */
const customCodeKeys: Partial<Record<string, MessageKey>> = {
  unknown_option: 'fields.error.unknown_option',
  not_a_number: 'fields.error.not_a_number',
  too_small: 'import.error.numberOutOfRange',
  too_large: 'import.error.numberOutOfRange',
  invalid_date: 'import.error.invalidDate',
  date_out_of_range: 'import.error.dateOutOfRange',
  too_long: 'error.too_long',
};

function customProblem(error: ImportReport['errors'][number], t: Translate): string | null {
  const key = customCodeKeys[error.code];
  if (!error.field?.startsWith(CUSTOM_PREFIX) || !key) return null;
  const value = /^"(.*)": /.exec(error.message)?.[1];
  return value === undefined ? t(key) : t('import.quotedProblem', { value, problem: t(key) });
}

/** The server's message names the postal code; the sentence around it is translated here. */
function problemText(error: ImportReport['errors'][number], t: Translate): string {
  const postalCode = error.message.match(/\b\d{5}\b/)?.[0];
  if (error.code === 'commune_ambiguous' && postalCode)
    return t('import.communeAmbiguous', { postalCode });
  const custom = customProblem(error, t);
  if (custom) return custom;
  return fieldErrorText({ field: error.field ?? '', code: error.code, message: error.message }, t);
}

export function ImportErrors({ errors }: { errors: ImportReport['errors'] }) {
  const t = useT();
  const [locale] = useLocale();
  const customFields = useCustomFields(errors.length > 0);
  if (errors.length === 0) return null;
  const custom = (key: string) => {
    const field = customFields.data?.find((f: CustomField) => f.key === key);
    return field ? customFieldLabel(field, locale) : key;
  };
  return (
    <>
      <Table.ScrollContainer minWidth={420} mah={360}>
        <Table striped verticalSpacing={4} aria-label={t('import.errorsTitle')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('import.line')}</Table.Th>
              <Table.Th>{t('import.severity')}</Table.Th>
              <Table.Th>{t('import.field')}</Table.Th>
              <Table.Th>{t('import.problem')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {errors.slice(0, SHOWN).map((error, i) => (
              <Table.Tr key={`${error.line}-${error.field ?? ''}-${i}`}>
                <Table.Td>{error.line}</Table.Td>
                <Table.Td>
                  {error.severity === 'warning'
                    ? t('import.severity.warning')
                    : t('import.severity.error')}
                </Table.Td>
                <Table.Td>{fieldLabel(error.field, t, custom)}</Table.Td>
                <Table.Td>{problemText(error, t)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {errors.length > SHOWN && (
        <Text size="sm" c="dimmed">
          {t('import.moreErrors', { count: errors.length - SHOWN })}
        </Text>
      )}
    </>
  );
}
