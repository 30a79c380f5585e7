import {
  Alert,
  Badge,
  Button,
  Group,
  List,
  Loader,
  Paper,
  SimpleGrid,
  Stack,
  Table,
  Text,
} from '@mantine/core';
import type { CallList, CallListReport as Report } from '../../../contracts/calling-lists.ts';
import { formatDateTime, formatNumber } from '../../core/format.ts';
import { useLocale, useT, type MessageKey } from '../../core/i18n/index.tsx';
import { useState } from 'react';
import { ConfirmDialog } from './ConfirmDialog.tsx';
import { DeleteWithConfirm } from './DeleteWithConfirm.tsx';
import { listStatusColors, listStatusKeys } from './labels.ts';
import { isListPending, useAcceptCallList, useDeleteCallList } from './list-hooks.ts';

const classKeys: Record<keyof Report['byClass'], MessageKey> = {
  mobile: 'calling.lists.class.mobile',
  geographic: 'calling.lists.class.geographic',
  voip: 'calling.lists.class.voip',
  special: 'calling.lists.class.special',
};

function Counts({ items }: { items: Array<{ label: string; value: number }> }) {
  const [locale] = useLocale();
  return (
    <SimpleGrid cols={{ base: 2, sm: 3, md: 5 }} spacing="xs" component="dl" m={0}>
      {items.map((item) => (
        <div key={item.label}>
          <Text component="dt" size="xs" c="dimmed">
            {item.label}
          </Text>
          <Text component="dd" fw={600} m={0}>
            {formatNumber(item.value, locale)}
          </Text>
        </div>
      ))}
    </SimpleGrid>
  );
}

function Problems({ report }: { report: Report }) {
  const t = useT();
  const [locale] = useLocale();
  return (
    <Table.ScrollContainer minWidth={560}>
      <Table verticalSpacing={4} fz="sm" aria-label={t('calling.lists.problems')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('calling.lists.problemCode')}</Table.Th>
            <Table.Th ta="right">{t('calling.lists.problemCount')}</Table.Th>
            <Table.Th>{t('calling.lists.problemLines')}</Table.Th>
            <Table.Th>{t('calling.lists.problemMessage')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {report.problems.map((problem) => (
            <Table.Tr key={problem.code}>
              <Table.Td>
                <Text ff="monospace" size="xs">
                  {problem.code}
                </Text>
                <Text size="xs" c={problem.severity === 'error' ? 'red' : 'orange'}>
                  {t(
                    problem.severity === 'error'
                      ? 'calling.lists.skippedLines'
                      : 'calling.lists.keptLines',
                  )}
                </Text>
              </Table.Td>
              <Table.Td ta="right">{formatNumber(problem.count, locale)}</Table.Td>
              <Table.Td>
                {problem.lines.join(', ')}
                {problem.count > problem.lines.length && '…'}
              </Table.Td>
              <Table.Td style={{ overflowWrap: 'anywhere' }}>{problem.message}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function ReportDetails({ report }: { report: Report }) {
  const t = useT();
  const byClass = (Object.keys(classKeys) as Array<keyof Report['byClass']>)
    .filter((key) => report.byClass[key] > 0)
    .map((key) => ({ label: t(classKeys[key]), value: report.byClass[key] }));
  const byTerritory = (
    Object.entries(report.byTerritory) as Array<[keyof Report['byTerritory'], number]>
  )
    .filter(([, count]) => count > 0)
    .map(([territory, count]) => ({
      label:
        territory === 'foreign'
          ? t('calling.lists.foreign')
          : t(`elections.territory.${territory}`),
      value: count,
    }));
  return (
    <Stack gap="xs">
      <Counts
        items={[
          { label: t('calling.lists.rows'), value: report.rows },
          { label: t('calling.lists.kept'), value: report.kept },
          { label: t('calling.lists.skipped'), value: report.skipped },
          { label: t('calling.lists.duplicates'), value: report.duplicates },
          { label: t('calling.lists.withoutSlot'), value: report.withoutSlot },
        ]}
      />
      {byClass.length > 0 && (
        <Stack gap={4}>
          <Text size="sm" fw={600}>
            {t('calling.lists.byClass')}
          </Text>
          <Counts items={byClass} />
        </Stack>
      )}
      {byTerritory.length > 0 && (
        <Stack gap={4}>
          <Text size="sm" fw={600}>
            {t('calling.lists.byTerritory')}
          </Text>
          <Counts items={byTerritory} />
        </Stack>
      )}
      {report.warnings.length > 0 && (
        <Alert color="orange" title={t('calling.lists.warnings')}>
          <List size="sm">
            {report.warnings.map((warning) => (
              <List.Item key={warning}>{warning}</List.Item>
            ))}
          </List>
        </Alert>
      )}
      {report.problems.length > 0 && (
        <Stack gap={4}>
          <Text size="sm" fw={600}>
            {t('calling.lists.problems')}
          </Text>
          <Problems report={report} />
        </Stack>
      )}
    </Stack>
  );
}

/** A list with rows left out as invalid waits for staff to accept it, after its report. */
function Acceptance({ list }: { list: CallList }) {
  const t = useT();
  const [locale] = useLocale();
  const accept = useAcceptCallList();
  const [asking, setAsking] = useState(false);
  const count = list.invalidRows;
  if (list.acceptedAt) {
    return (
      <Text size="sm">
        {t('calling.lists.accepted', { date: formatDateTime(list.acceptedAt, locale), count })}
      </Text>
    );
  }
  return (
    <Alert color="orange" p="sm">
      <Stack gap="xs" align="flex-start">
        <Text size="sm">{t('calling.lists.toAccept', { count })}</Text>
        <Button size="xs" variant="light" color="orange" onClick={() => setAsking(true)}>
          {t('calling.lists.accept')}
        </Button>
      </Stack>
      <ConfirmDialog
        opened={asking}
        title={t('calling.lists.acceptTitle')}
        confirmLabel={t('calling.lists.accept')}
        loading={accept.isPending}
        onClose={() => setAsking(false)}
        onConfirm={() => accept.mutateAsync(list.id)}
      >
        {t('calling.lists.acceptText', {
          count,
          name: list.name,
          kept: list.numberCount ?? 0,
        })}
      </ConfirmDialog>
    </Alert>
  );
}

function DeleteList({ list }: { list: CallList }) {
  const t = useT();
  const remove = useDeleteCallList();
  const name = { name: list.name };
  return (
    <DeleteWithConfirm
      label={t('calling.lists.deleteNamed', name)}
      title={t('calling.lists.deleteTitle')}
      text={t('calling.lists.deleteText', name)}
      done={t('calling.lists.deleted', name)}
      pending={remove.isPending}
      onDelete={() => remove.mutateAsync(list.id)}
    />
  );
}

/** One list: its file and state, and once read what the reader counted and noticed. */
export function CallListReport({ list }: { list: CallList }) {
  const t = useT();
  const [locale] = useLocale();
  return (
    <Paper withBorder p="sm" component="article" aria-label={list.name}>
      <Stack gap="xs">
        <Group justify="space-between" align="flex-start" wrap="nowrap">
          <Stack gap={2} style={{ minWidth: 0 }}>
            <Text fw={600} style={{ overflowWrap: 'anywhere' }}>
              {list.name}
            </Text>
            <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
              {list.fileName} · {formatDateTime(list.createdAt, locale)}
              {list.numberCount !== null &&
                ` · ${t('calling.lists.numbers', { count: formatNumber(list.numberCount, locale) })}`}
            </Text>
          </Stack>
          <Badge color={listStatusColors[list.status]} variant="light" miw="max-content">
            {t(listStatusKeys[list.status])}
          </Badge>
        </Group>
        {isListPending(list) && (
          <Group gap="xs" role="status">
            <Loader size="xs" aria-hidden />
            <Text size="sm">
              {t(list.status === 'queued' ? 'calling.lists.waiting' : 'calling.lists.reading')}
            </Text>
          </Group>
        )}
        {list.error && (
          <Alert color="red" title={t('calling.lists.refused')}>
            {list.error.message}
          </Alert>
        )}
        {list.report && <ReportDetails report={list.report} />}
        {list.status === 'succeeded' && list.invalidRows > 0 && <Acceptance list={list} />}
        {!isListPending(list) && (
          <Group>
            <DeleteList list={list} />
          </Group>
        )}
      </Stack>
    </Paper>
  );
}
