import { Button, Progress, Table, Text } from '@mantine/core';
import { useState, type ReactNode } from 'react';
import { formatNumber } from '../../core/format.ts';
import { useLocale, useT } from '../../core/i18n/index.tsx';

export interface CountRow {
  key: string;
  label: ReactNode;
  count: number;
}

/** A ranked list with bars: readable on a phone and by a screen reader. */
export function CountTable({
  rows,
  caption,
  labelHeader,
  limit = 15,
}: {
  rows: CountRow[];
  caption: string;
  labelHeader: string;
  limit?: number;
}) {
  const t = useT();
  const [locale] = useLocale();
  const [all, setAll] = useState(false);
  const max = Math.max(1, ...rows.map((r) => r.count));
  const shown = all ? rows : rows.slice(0, limit);
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
            <Table.Th ta="right">{t('stats.count')}</Table.Th>
            <Table.Th w="40%" aria-hidden />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {shown.map((row) => (
            <Table.Tr key={row.key}>
              <Table.Td>{row.label}</Table.Td>
              <Table.Td ta="right">{formatNumber(row.count, locale)}</Table.Td>
              <Table.Td aria-hidden>
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
