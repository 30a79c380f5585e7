import { Anchor, Text } from '@mantine/core';
import { Link } from 'react-router';
import type { CallerTally } from '../../../../contracts/phone-banks.ts';
import { formatNumber } from '../../../core/format.ts';
import { useLocale, useT } from '../../../core/i18n/index.tsx';
import { ResponsiveTable } from '../../../core/ui/ResponsiveTable.tsx';

/** A leaderboard (volunteers, committees or banks) by calls, with its conversations. */
export function TallyTable({
  rows,
  label,
  nameHeader,
  empty,
  linkTo,
}: {
  rows: readonly CallerTally[];
  label: string;
  nameHeader: string;
  empty: string;
  /** Where a row's name leads, when it is a page of the app. */
  linkTo?: (row: CallerTally) => string;
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
      minWidth={320}
      columns={[
        {
          header: nameHeader,
          title: true,
          cell: (row) => {
            const name = row.name || `#${row.id}`;
            return linkTo ? (
              <Anchor component={Link} to={linkTo(row)}>
                {name}
              </Anchor>
            ) : (
              name
            );
          },
        },
        {
          header: t('banks.tally.calls'),
          numeric: true,
          cell: (row) => formatNumber(row.calls, locale),
        },
        {
          header: t('banks.tally.conversations'),
          numeric: true,
          cell: (row) => formatNumber(row.conversations, locale),
        },
      ]}
    />
  );
}
