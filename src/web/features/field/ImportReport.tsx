import {
  Alert,
  Badge,
  Group,
  List,
  Loader,
  Paper,
  SimpleGrid,
  Stack,
  Table,
  Text,
} from '@mantine/core';
import type { FieldImport } from '../../../contracts/field.ts';
import { formatDateTime, formatDayWithYear, formatNumber } from '../../core/format.ts';
import { useLocale, useT } from '../../core/i18n/index.tsx';
import { isImportPending, useElectoralListElections } from './importHooks.ts';
import { countLines, kindLabel, statusColors, statusLabels, warningText } from './importLabels.ts';

const sizeText = (bytes: number, locale: 'fr' | 'en') =>
  new Intl.NumberFormat(locale, {
    style: 'unit',
    unit: 'kilobyte',
    maximumFractionDigits: 0,
  }).format(Math.max(1, Math.round(bytes / 1024)));

function Problems({ problems }: { problems: FieldImport['problems'] }) {
  const t = useT();
  const [locale] = useLocale();
  return (
    <Table.ScrollContainer minWidth={560}>
      <Table verticalSpacing={4} fz="sm" aria-label={t('field.imports.problems')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('field.imports.problemCode')}</Table.Th>
            <Table.Th ta="right">{t('field.imports.problemCount')}</Table.Th>
            <Table.Th>{t('field.imports.problemLines')}</Table.Th>
            <Table.Th>{t('field.imports.problemMessage')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {problems.map((problem) => (
            <Table.Tr key={problem.code}>
              <Table.Td>
                <Text ff="monospace" size="xs">
                  {problem.code}
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

/** An electoral list's election, and the day after which its electors are deleted. */
function ListElection({ electionId }: { electionId: number }) {
  const t = useT();
  const [locale] = useLocale();
  const elections = useElectoralListElections(true);
  if (!elections.data) return null;
  const election = elections.data.items.find((e) => e.id === electionId);
  return (
    <Text size="xs" c="dimmed">
      {!election
        ? t('field.imports.forElectionGone')
        : election.lastRound
          ? t('field.imports.forElection', {
              name: election.name,
              date: formatDayWithYear(election.lastRound, locale),
            })
          : election.name}
    </Text>
  );
}

/** One import: which file, its state, and once read what its reader counted and noticed. */
export function ImportReport({ item }: { item: FieldImport }) {
  const t = useT();
  const [locale] = useLocale();
  const counts = countLines(item.counts, t, item.kind);
  return (
    <Paper
      withBorder
      p="sm"
      component="article"
      aria-label={item.label ?? item.fileName}
      data-testid={`field-import-${item.id}`}
    >
      <Stack gap="xs">
        <Group justify="space-between" align="flex-start" wrap="nowrap">
          <Stack gap={2} style={{ minWidth: 0 }}>
            <Text fw={600} style={{ overflowWrap: 'anywhere' }}>
              {item.label ? `${item.label} · ${item.fileName}` : item.fileName}
            </Text>
            <Text size="xs" c="dimmed">
              {t(kindLabel(item.kind))} · {sizeText(item.size, locale)} ·{' '}
              {formatDateTime(item.createdAt, locale)}
            </Text>
            {item.kind === 'electoral_list' && item.electionId !== null && (
              <ListElection electionId={item.electionId} />
            )}
          </Stack>
          <Badge color={statusColors[item.status]} variant="light" miw="max-content">
            {t(statusLabels[item.status])}
          </Badge>
        </Group>
        {isImportPending(item) && (
          <Group gap="xs" role="status">
            <Loader size="xs" aria-hidden />
            <Text size="sm">
              {item.status === 'queued' ? t('field.imports.waiting') : t('field.imports.reading')}
            </Text>
          </Group>
        )}
        {item.error && (
          <Alert color="red" title={t('field.imports.refused')}>
            {item.error.message}
          </Alert>
        )}
        {counts.length > 0 && (
          <SimpleGrid cols={{ base: 2, sm: 3, md: 5 }} spacing="xs" component="dl" m={0}>
            {counts.map((count) => (
              <div key={count.name}>
                <Text component="dt" size="xs" c="dimmed">
                  {count.label}
                </Text>
                <Text component="dd" fw={600} m={0}>
                  {formatNumber(count.value, locale)}
                </Text>
              </div>
            ))}
          </SimpleGrid>
        )}
        {item.warnings.length > 0 && (
          <Alert color="orange" title={t('field.imports.warnings')}>
            <List size="sm">
              {item.warnings.map((warning) => (
                <List.Item key={warning}>{warningText(warning, t)}</List.Item>
              ))}
            </List>
          </Alert>
        )}
        {item.problems.length > 0 && (
          <Stack gap={4}>
            <Text size="sm" fw={600}>
              {t('field.imports.problems')}
            </Text>
            <Problems problems={item.problems} />
          </Stack>
        )}
      </Stack>
    </Paper>
  );
}
