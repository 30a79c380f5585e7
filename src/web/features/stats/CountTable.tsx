import { Button, Progress, Table, Text } from '@mantine/core';
import { useState, type ReactNode } from 'react';
import { formatNumber } from '../../core/format.ts';
import { useLocale, useT } from '../../core/i18n/index.tsx';

export interface CountRow {
  key: string;
  label: ReactNode;
  count: number;
  /** A second figure for the row (e.g. how many of them are confirmed), shown after the count. */
  extra?: ReactNode;
}

/**
 * A ranked list with bars: readable on a phone and by a screen reader. With an extra column the
 * bars are left out on phones, so that every figure stays in view at 360 px.
 */
export function CountTable({
  rows,
  caption,
  labelHeader,
  countHeader,
  extraHeader,
  limit = 15,
}: {
  rows: CountRow[];
  caption: string;
  labelHeader: string;
  countHeader?: string;
  extraHeader?: string;
  limit?: number;
}) {
  const t = useT();
  const [locale] = useLocale();
  const [all, setAll] = useState(false);
  const max = Math.max(1, ...rows.map((r) => r.count));
  const shown = all ? rows : rows.slice(0, limit);
  const barsFrom = extraHeader ? 'sm' : undefined;
  if (rows.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        {t('stats.noData')}
      </Text>
    );
  }
  return (
    <>
      <Table verticalSpacing={6} aria-label={caption}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{labelHeader}</Table.Th>
            <Table.Th ta="right">{countHeader ?? t('stats.count')}</Table.Th>
            {extraHeader && <Table.Th ta="right">{extraHeader}</Table.Th>}
            <Table.Th w="40%" aria-hidden visibleFrom={barsFrom} />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {shown.map((row) => (
            <Table.Tr key={row.key}>
              <Table.Td>{row.label}</Table.Td>
              <Table.Td ta="right">{formatNumber(row.count, locale)}</Table.Td>
              {extraHeader && <Table.Td ta="right">{row.extra}</Table.Td>}
              <Table.Td aria-hidden visibleFrom={barsFrom}>
                <Progress value={(row.count / max) * 100} size="md" />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {rows.length > limit && (
        <Button variant="subtle" size="xs" w="fit-content" onClick={() => setAll(!all)}>
          {all ? t('stats.showLess') : t('stats.showAll', { count: rows.length })}
        </Button>
      )}
    </>
  );
}
