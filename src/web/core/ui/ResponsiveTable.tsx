import { Box, Group, Paper, Stack, Table, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useIsPhone } from './useIsPhone.ts';

export interface Column<T> {
  header: string;
  cell: (item: T) => ReactNode;
  /** Numbers: right-aligned in the table. */
  numeric?: boolean;
  nowrap?: boolean;
  /** The card's heading on a phone (the first such column). */
  title?: boolean;
}

/**
 * A table on a wide screen; on a phone, one card per row with every column labelled, so
 * nothing (actions especially) sits off to the side of a horizontal scroll.
 */
export function ResponsiveTable<T>({
  items,
  columns,
  label,
  rowKey,
  minWidth = 640,
  striped = true,
}: {
  items: readonly T[];
  columns: readonly Column<T>[];
  /** The table's and the card list's accessible name. */
  label: string;
  rowKey: (item: T) => string | number;
  minWidth?: number;
  striped?: boolean;
}) {
  const phone = useIsPhone();
  if (phone) {
    const heading = columns.find((column) => column.title);
    const rest = columns.filter((column) => column !== heading);
    return (
      <Stack component="ul" gap="xs" p={0} m={0} aria-label={label}>
        {items.map((item) => (
          <Paper component="li" key={rowKey(item)} withBorder p="sm" style={{ listStyle: 'none' }}>
            <Stack gap={6}>
              {heading && <Box fw={500}>{heading.cell(item)}</Box>}
              {rest.map((column) => (
                <Group key={column.header} gap="xs" wrap="nowrap" align="flex-start">
                  <Text size="xs" c="dimmed" w="40%" style={{ flexShrink: 0 }}>
                    {column.header}
                  </Text>
                  <Box fz="sm" style={{ minWidth: 0, overflowWrap: 'anywhere' }}>
                    {column.cell(item)}
                  </Box>
                </Group>
              ))}
            </Stack>
          </Paper>
        ))}
      </Stack>
    );
  }
  return (
    <Table.ScrollContainer minWidth={minWidth}>
      <Table striped={striped} verticalSpacing="xs" aria-label={label}>
        <Table.Thead>
          <Table.Tr>
            {columns.map((column) => (
              <Table.Th key={column.header} ta={column.numeric ? 'right' : undefined}>
                {column.header}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((item) => (
            <Table.Tr key={rowKey(item)}>
              {columns.map((column) => (
                <Table.Td
                  key={column.header}
                  ta={column.numeric ? 'right' : undefined}
                  style={column.nowrap ? { whiteSpace: 'nowrap' } : { overflowWrap: 'anywhere' }}
                >
                  {column.cell(item)}
                </Table.Td>
              ))}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
