import { Text } from '@mantine/core';
import { formatNumber } from '../../core/format.ts';
import { useLocale, useT } from '../../core/i18n/index.tsx';
import { ResponsiveTable } from '../../core/ui/ResponsiveTable.tsx';

interface Leader {
  id: number;
  name: string;
  visits: number;
  conversations: number;
}

/** A leaderboard of volunteers or committees, by visits. */
export function ProgressLeaders({
  rows,
  label,
  nameHeader,
  empty,
}: {
  rows: Leader[];
  label: string;
  nameHeader: string;
  empty: string;
}) {
  const t = useT();
  const [locale] = useLocale();
  if (rows.length === 0)
    return (
      <Text size="sm" c="dimmed">
        {empty}
      </Text>
    );
  return (
    <ResponsiveTable
      label={label}
      items={rows}
      rowKey={(row) => row.id}
      minWidth={360}
      columns={[
        { header: nameHeader, title: true, cell: (row) => row.name || `#${row.id}` },
        {
          header: t('field.progress.visits'),
          numeric: true,
          cell: (row) => formatNumber(row.visits, locale),
        },
        {
          header: t('field.progress.conversations'),
          numeric: true,
          cell: (row) => formatNumber(row.conversations, locale),
        },
      ]}
    />
  );
}
