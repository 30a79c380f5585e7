import { Table, Text } from '@mantine/core';
import type { ImportReport } from '../../../contracts/people.ts';
import { fieldErrorText } from '../../core/errors.ts';
import { useT } from '../../core/i18n/index.tsx';

const SHOWN = 100;

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
              <Table.Th>{t('import.field')}</Table.Th>
              <Table.Th>{t('import.problem')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {errors.slice(0, SHOWN).map((error, i) => (
              <Table.Tr key={`${error.line}-${error.field ?? ''}-${i}`}>
                <Table.Td>{error.line}</Table.Td>
                <Table.Td>{error.field ?? '—'}</Table.Td>
                <Table.Td>
                  {fieldErrorText(
                    { field: error.field ?? '', code: error.code, message: error.message },
                    t,
                  )}
                </Table.Td>
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
