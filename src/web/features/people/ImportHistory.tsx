import { Anchor, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { formatDateTime, formatNumber } from '../../core/format.ts';
import { useLocale, useT } from '../../core/i18n/index.tsx';
import { QueryState } from '../../core/ui/QueryState.tsx';
import { Section } from '../../core/ui/Section.tsx';
import { ServerPagination } from '../../core/ui/ServerPagination.tsx';
import { useImportHistory } from './hooks.ts';

/** Past imports, newest first, with a link to each one's errors. */
export function ImportHistory() {
  const t = useT();
  const [locale] = useLocale();
  const [page, setPage] = useState(1);
  const imports = useImportHistory(page);
  const statusLabel = (status: string) =>
    ['applied', 'rejected', 'failed', 'cancelled', 'queued', 'running', 'undoing'].includes(status)
      ? t(`import.history.${status}` as 'import.history.applied')
      : status;
  return (
    <Section title={t('import.history.title')}>
      <QueryState query={imports}>
        {(data) =>
          data.items.length === 0 ? (
            <Text size="sm">{t('import.history.empty')}</Text>
          ) : (
            <>
              <Table.ScrollContainer minWidth={640}>
                <Table aria-label={t('import.history.title')}>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{t('import.history.when')}</Table.Th>
                      <Table.Th>{t('import.history.file')}</Table.Th>
                      <Table.Th>{t('import.history.status')}</Table.Th>
                      <Table.Th ta="right">{t('import.totalRows')}</Table.Th>
                      <Table.Th ta="right">{t('import.created')}</Table.Th>
                      <Table.Th ta="right">{t('import.merged')}</Table.Th>
                      <Table.Th ta="right">{t('import.invalidRows')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {data.items.map((item) => (
                      <Table.Tr key={item.id}>
                        <Table.Td>
                          {formatDateTime(item.createdAt, locale)}
                          {item.createdByName && (
                            <Text size="xs" c="dimmed">
                              {item.createdByName}
                            </Text>
                          )}
                        </Table.Td>
                        <Table.Td>{item.fileName}</Table.Td>
                        <Table.Td>{statusLabel(item.status)}</Table.Td>
                        <Table.Td ta="right">{formatNumber(item.totalRows, locale)}</Table.Td>
                        <Table.Td ta="right">{formatNumber(item.createdCount, locale)}</Table.Td>
                        <Table.Td ta="right">{formatNumber(item.mergedCount, locale)}</Table.Td>
                        <Table.Td ta="right">
                          {item.invalidRows > 0 && item.detailsPurged ? (
                            <>
                              {formatNumber(item.invalidRows, locale)}
                              <Text size="xs" c="dimmed">
                                {t('import.detailsPurged')}
                              </Text>
                            </>
                          ) : item.invalidRows > 0 ? (
                            <Anchor href={`/api/people/imports/${item.id}/errors.csv`} download>
                              {formatNumber(item.invalidRows, locale)}
                            </Anchor>
                          ) : (
                            '0'
                          )}
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
              <ServerPagination
                page={data.page}
                pageSize={data.pageSize}
                total={data.total}
                onChange={setPage}
              />
            </>
          )
        }
      </QueryState>
    </Section>
  );
}
