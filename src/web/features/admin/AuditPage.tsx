import { Stack, Text, Title } from '@mantine/core';
import { useSearchParams } from 'react-router';
import { formatDateTime } from '../../core/format.ts';
import { useLocale, useT } from '../../core/i18n/index.tsx';
import { QueryState } from '../../core/ui/QueryState.tsx';
import { ResponsiveTable } from '../../core/ui/ResponsiveTable.tsx';
import { pageFromSearch, ServerPagination } from '../../core/ui/ServerPagination.tsx';
import { usePageTitle } from '../../core/ui/usePageTitle.ts';
import { actionLabel, detailLines } from './auditLabels.ts';
import { AuditTarget } from './AuditTarget.tsx';
import { BackupStatus } from './BackupStatus.tsx';
import { useAudit } from './hooks.ts';
import { ADMIN_PAGE_SIZE } from '../../../contracts/admin.ts';
import { AuditExport } from '../privacy/AuditExport.tsx';

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
      <BackupStatus />
      <AuditExport />
      <QueryState query={audit}>
        {(data) => (
          <Stack gap="sm">
            {data.items.length === 0 ? (
              <Text>{t('audit.empty')}</Text>
            ) : (
              <ResponsiveTable
                items={data.items}
                label={t('audit.title')}
                rowKey={(entry) => entry.id}
                minWidth={720}
                columns={[
                  {
                    header: t('audit.at'),
                    cell: (entry) => formatDateTime(entry.at, locale),
                    nowrap: true,
                    title: true,
                  },
                  {
                    header: t('audit.actor'),
                    cell: (entry) => entry.actorName ?? t('audit.system'),
                  },
                  { header: t('audit.action'), cell: (entry) => actionLabel(entry.action, t) },
                  {
                    header: t('audit.target'),
                    cell: (entry) => <AuditTarget target={entry.target} />,
                  },
                  {
                    header: t('audit.details'),
                    cell: (entry) => (
                      <Text size="xs" className="levier-pre" style={{ overflowWrap: 'anywhere' }}>
                        {detailLines(entry.action, entry.details, t, locale).join('\n')}
                      </Text>
                    ),
                  },
                ]}
              />
            )}
            <ServerPagination
              page={page}
              total={data.total}
              pageSize={ADMIN_PAGE_SIZE}
              onChange={(p) => setSearch({ page: String(p) })}
            />
          </Stack>
        )}
      </QueryState>
    </Stack>
  );
}
