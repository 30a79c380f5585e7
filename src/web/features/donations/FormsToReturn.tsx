import { Button, Group, Stack, Table, Text, Title } from '@mantine/core';
import { IconPrinter } from '@tabler/icons-react';
import { formatDayWithYear } from '../../core/format.ts';
import { useLocale, useT } from '../../core/i18n/index.tsx';
import { QueryState } from '../../core/ui/QueryState.tsx';
import { useFormsToReturn } from './hooks.ts';
import { ReturnLineText } from './ReturnLineText.tsx';
import { type FormsToReturn as List } from '../../../contracts/donations-finance.ts';

function CountsLine({ counts }: { counts: List['totals'] }) {
  const t = useT();
  return <Text size="sm">{t('finance.toReturn.counts', counts)}</Text>;
}

function ReturnList({ list }: { list: List }) {
  const t = useT();
  const [locale] = useLocale();
  if (list.series.length === 0) return <Text size="sm">{t('finance.series.empty')}</Text>;
  return (
    <Stack gap="md" className="printable">
      <Title order={3} size="h5">
        {t('finance.toReturn.all')}
      </Title>
      <CountsLine counts={list.totals} />
      {list.series.map(({ series, counts, lines }) => (
        <Stack key={series.id} gap={4}>
          <Title order={3} size="h5">
            {t('finance.toReturn.series', {
              first: series.firstNumber,
              last: series.lastNumber,
              day: formatDayWithYear(series.receivedOn, locale),
            })}
          </Title>
          <CountsLine counts={counts} />
          <Table withTableBorder verticalSpacing={4} aria-label={series.firstNumber}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('finance.toReturn.number')}</Table.Th>
                <Table.Th>{t('finance.status')}</Table.Th>
                <Table.Th>{t('finance.toReturn.returns')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {lines.map((line) => (
                <Table.Tr key={line.kind === 'unused' ? `u${line.first}` : line.number}>
                  <Table.Td>
                    {line.kind === 'unused' ? `${line.first} – ${line.last}` : line.number}
                  </Table.Td>
                  <Table.Td>
                    <ReturnLineText line={line} />
                  </Table.Td>
                  <Table.Td>
                    {line.returns === 'stub'
                      ? t('finance.toReturn.stub')
                      : t('finance.toReturn.wholeForm')}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Stack>
      ))}
    </Stack>
  );
}

/** The printable list of forms and stubs to send back to the commission. */
export function FormsToReturn() {
  const t = useT();
  const query = useFormsToReturn();
  return (
    <Stack gap="sm">
      <Group className="no-print">
        <Button
          variant="light"
          leftSection={<IconPrinter size={16} aria-hidden />}
          onClick={() => window.print()}
        >
          {t('finance.toReturn.print')}
        </Button>
      </Group>
      <QueryState query={query}>{(list) => <ReturnList list={list} />}</QueryState>
    </Stack>
  );
}
