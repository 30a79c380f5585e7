import { Anchor, Paper, Stack, Table, Text, VisuallyHidden } from '@mantine/core';
import { Link } from 'react-router';
import type { Segment } from '../../../contracts/people.ts';
import { formatDate, formatNumber } from '../../core/format.ts';
import { useLocale, useT } from '../../core/i18n/index.tsx';
import { useCustomFields } from './customFieldsHooks.ts';
import { describeFilter } from './describeFilter.ts';
import { SegmentActions } from './SegmentActions.tsx';
import { useIsPhone } from './useIsPhone.ts';

interface Props {
  segments: Segment[];
  communeNames: ReadonlyMap<string, string>;
  writable: boolean;
  onEdit: (segment: Segment) => void;
  onDelete: (segment: Segment) => void;
}

/** A table on wide screens; on a phone, one card per segment so its actions stay in view. */
export function SegmentList({ segments, communeNames, writable, onEdit, onDelete }: Props) {
  const t = useT();
  const [locale] = useLocale();
  const isPhone = useIsPhone();
  const customFields = useCustomFields(segments.some((s) => s.filter.customFields?.length));
  const countText = (segment: Segment) =>
    segment.count === null
      ? '—'
      : `${formatNumber(segment.count, locale)}${segment.countIsEstimate ? '+' : ''}`;
  const describe = (segment: Segment) =>
    describeFilter(segment.filter, t, {
      communeNames,
      locale,
      customFields: customFields.data,
    });
  const actions = { writable, onEdit, onDelete };

  if (isPhone) {
    return (
      <Stack component="ul" gap="sm" p={0} m={0} aria-label={t('segments.title')}>
        {segments.map((segment) => (
          <Paper component="li" key={segment.id} withBorder p="sm" style={{ listStyle: 'none' }}>
            <Stack gap={6}>
              <Anchor component={Link} to={`/hq/people?segmentId=${segment.id}`} fw={500}>
                {segment.name}
              </Anchor>
              <Text size="sm">{describe(segment)}</Text>
              <Text size="xs" c="dimmed">
                {t('common.labelValue', { label: t('segments.count'), value: countText(segment) })}
                {' · '}
                {t('common.labelValue', {
                  label: t('segments.createdAt'),
                  value: formatDate(segment.createdAt, locale),
                })}
              </Text>
              <SegmentActions segment={segment} {...actions} />
            </Stack>
          </Paper>
        ))}
      </Stack>
    );
  }

  return (
    <Table.ScrollContainer minWidth={640}>
      <Table striped verticalSpacing="sm" aria-label={t('segments.title')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('segment.name')}</Table.Th>
            <Table.Th>{t('segments.filter')}</Table.Th>
            <Table.Th ta="right">{t('segments.count')}</Table.Th>
            <Table.Th>{t('segments.createdAt')}</Table.Th>
            <Table.Th>
              <VisuallyHidden>{t('common.actions')}</VisuallyHidden>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {segments.map((segment) => (
            <Table.Tr key={segment.id}>
              <Table.Td>
                <Anchor component={Link} to={`/hq/people?segmentId=${segment.id}`} fw={500}>
                  {segment.name}
                </Anchor>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{describe(segment)}</Text>
              </Table.Td>
              <Table.Td ta="right">{countText(segment)}</Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                {formatDate(segment.createdAt, locale)}
              </Table.Td>
              <Table.Td>
                <SegmentActions segment={segment} {...actions} justify="flex-end" />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
