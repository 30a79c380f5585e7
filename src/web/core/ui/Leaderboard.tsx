import { Anchor, Text } from '@mantine/core';
import { Link } from 'react-router';
import { formatNumber } from '../format.ts';
import { useLocale } from '../i18n/index.tsx';
import { ResponsiveTable } from './ResponsiveTable.tsx';

/** Someone (or something: a committee, a bank) on a leaderboard. */
export interface Leader {
  id: number;
  name: string;
}

/** A count of a leaderboard, in a column of its own. */
export interface LeaderCount<Row> {
  header: string;
  count: (row: Row) => number;
}

/**
 * A leaderboard: each row's name ('#id' when it has none), linked when it is a page of the
 * app, then its counts; a sentence instead when nobody is on it yet.
 */
export function Leaderboard<Row extends Leader>({
  rows,
  label,
  nameHeader,
  empty,
  counts,
  minWidth,
  linkTo,
}: {
  rows: readonly Row[];
  label: string;
  nameHeader: string;
  empty: string;
  counts: ReadonlyArray<LeaderCount<Row>>;
  minWidth: number;
  /** Where a row's name leads, when it is a page of the app. */
  linkTo?: (row: Row) => string;
}) {
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
      minWidth={minWidth}
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
        ...counts.map(({ header, count }) => ({
          header,
          numeric: true,
          cell: (row: Row) => formatNumber(count(row), locale),
        })),
      ]}
    />
  );
}
