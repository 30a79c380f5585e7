import { Stack, Table, Text, Title } from '@mantine/core';
import { useSearchParams } from 'react-router';
import { formatDateTime } from '../../core/format.ts';
import { useLocale, useT } from '../../core/i18n/index.tsx';
import { QueryState } from '../../core/ui/QueryState.tsx';
import { pageFromSearch, ServerPagination } from '../../core/ui/ServerPagination.tsx';
import { usePageTitle } from '../../core/ui/usePageTitle.ts';
import { actionLabel, detailLines } from './auditLabels.ts';
import { AuditTarget } from './AuditTarget.tsx';
import { useAudit } from './hooks.ts';

export function AuditPage() {
  const t = useT();
  const [locale] = useLocale();
  usePageTitle(t('audit.title'));
  const [search, setSearch] = useSearchParams();
  const page = pageFromSearch(search);
  const audit = useAudit(page);

  return (
    <Stack gap="md">
      <Title order={1}>{t('audit.title')}</Title>
      <Text size="sm" c="dimmed">
        {t('audit.intro')}
      </Text>
      <QueryState query={audit}>
        {(data) => (
          <Stack gap="sm">
            {data.items.length === 0 ? (
              <Text>{t('audit.empty')}</Text>
            ) : (
              <Table.ScrollContainer minWidth={720}>
                <Table striped verticalSpacing="xs" aria-label={t('audit.title')}>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{t('audit.at')}</Table.Th>
                      <Table.Th>{t('audit.actor')}</Table.Th>
                      <Table.Th>{t('audit.action')}</Table.Th>
                      <Table.Th>{t('audit.target')}</Table.Th>
                      <Table.Th>{t('audit.details')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {data.items.map((entry) => (
                      <Table.Tr key={entry.id}>
                        <Table.Td style={{ whiteSpace: 'nowrap' }}>
                          {formatDateTime(entry.at, locale)}
                        </Table.Td>
                        <Table.Td>{entry.actorName ?? t('audit.system')}</Table.Td>
                        <Table.Td>{actionLabel(entry.action, t)}</Table.Td>
                        <Table.Td>
                          <AuditTarget target={entry.target} />
                        </Table.Td>
                        <Table.Td>
                          <Text
                            size="xs"
                            className="levier-pre"
                            style={{ overflowWrap: 'anywhere' }}
                          >
                            {detailLines(entry.action, entry.details, t, locale).join('\n')}
                          </Text>
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            )}
            <ServerPagination
              page={page}
              total={data.total}
              pageSize={data.pageSize ?? Math.max(data.items.length, 1)}
              onChange={(p) => setSearch({ page: String(p) })}
            />
          </Stack>
        )}
      </QueryState>
    </Stack>
  );
}
