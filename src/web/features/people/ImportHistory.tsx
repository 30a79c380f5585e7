import { Anchor, Text } from '@mantine/core';
import { useState } from 'react';
import { formatDateTime, formatNumber } from '../../core/format.ts';
import { useLocale, useT } from '../../core/i18n/index.tsx';
import { QueryState } from '../../core/ui/QueryState.tsx';
import { ResponsiveTable } from '../../core/ui/ResponsiveTable.tsx';
import { Section } from '../../core/ui/Section.tsx';
import { ServerPagination } from '../../core/ui/ServerPagination.tsx';
import { useImportHistory } from './hooks.ts';
import { importsApi } from '../../../contracts/imports-api.ts';
import { urlOf } from '../../core/api.ts';

/** Past imports, newest first, with a link to each one's errors. */
export function ImportHistory() {
  const t = useT();
  const [locale] = useLocale();
  const [page, setPage] = useState(1);
  const imports = useImportHistory(page);
  const num = (value: number) => formatNumber(value, locale);
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
              <ResponsiveTable
                items={data.items}
                label={t('import.history.title')}
                rowKey={(item) => item.id}
                striped={false}
                columns={[
                  {
                    header: t('import.history.when'),
                    title: true,
                    cell: (item) => (
                      <>
                        {formatDateTime(item.createdAt, locale)}
                        {item.createdByName && (
                          <Text size="xs" c="dimmed" fw={400}>
                            {item.createdByName}
                          </Text>
                        )}
                      </>
                    ),
                  },
                  { header: t('import.history.file'), cell: (item) => item.fileName },
                  { header: t('import.history.status'), cell: (item) => statusLabel(item.status) },
                  {
                    header: t('import.totalRows'),
                    numeric: true,
                    cell: (item) => num(item.totalRows),
                  },
                  {
                    header: t('import.created'),
                    numeric: true,
                    cell: (item) => num(item.createdCount),
                  },
                  {
                    header: t('import.merged'),
                    numeric: true,
                    cell: (item) => num(item.mergedCount),
                  },
                  {
                    header: t('import.invalidRows'),
                    numeric: true,
                    cell: (item) =>
                      item.invalidRows > 0 && item.detailsPurged ? (
                        <>
                          {num(item.invalidRows)}
                          <Text size="xs" c="dimmed">
                            {t('import.detailsPurged')}
                          </Text>
                        </>
                      ) : item.invalidRows > 0 ? (
                        <Anchor
                          href={urlOf(importsApi.errors, { params: { id: item.id } })}
                          download
                        >
                          {num(item.invalidRows)}
                        </Anchor>
                      ) : (
                        '0'
                      ),
                  },
                ]}
              />
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
