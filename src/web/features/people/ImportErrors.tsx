import { Table, Text } from '@mantine/core';
import type { ImportReport } from '../../../contracts/people.ts';
import { fieldErrorText } from '../../core/errors.ts';
import { useT, type MessageKey, type Translate } from '../../core/i18n/index.tsx';
import { importFieldKeys } from './importLabels.ts';

const SHOWN = 100;

const fieldKeys: Partial<Record<string, MessageKey>> = importFieldKeys;

/** The field a row error is about, named as in the mapping step. */
function fieldLabel(field: string | null, t: Translate): string {
  if (field === null) return '—';
  const key = fieldKeys[field];
  return key ? t(key) : field.replace(/^custom:/, '');
}

/** The server's message names the postal code; the sentence around it is translated here. */
function problemText(error: ImportReport['errors'][number], t: Translate): string {
  const postalCode = error.message.match(/\b\d{5}\b/)?.[0];
  if (error.code === 'commune_ambiguous' && postalCode)
    return t('import.communeAmbiguous', { postalCode });
  return fieldErrorText({ field: error.field ?? '', code: error.code, message: error.message }, t);
}

export function ImportErrors({ errors }: { errors: ImportReport['errors'] }) {
  const t = useT();
  if (errors.length === 0) return null;
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
                <Table.Td>{fieldLabel(error.field, t)}</Table.Td>
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
