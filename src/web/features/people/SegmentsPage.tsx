import {
  Anchor,
  Button,
  Group,
  Paper,
  Stack,
  Table,
  Text,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconEdit, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { Link } from 'react-router';
import type { Segment } from '../../../contracts/people.ts';
import { errorText } from '../../core/errors.ts';
import { formatDate, formatNumber } from '../../core/format.ts';
import { useLocale, useT } from '../../core/i18n/index.tsx';
import { useSession } from '../../core/session.tsx';
import { AppModal } from '../../core/ui/AppModal.tsx';
import { ModalFooter } from '../../core/ui/ModalFooter.tsx';
import { QueryState } from '../../core/ui/QueryState.tsx';
import { usePageTitle } from '../../core/ui/usePageTitle.ts';
import { communeLabel } from './CommuneFilter.tsx';
import { describeFilter } from './describeFilter.ts';
import { EditSegmentModal } from './EditSegmentModal.tsx';
import { useCommunesByCode, useDeleteSegment, useSegments } from './hooks.ts';

export function SegmentsPage() {
  const t = useT();
  const [locale] = useLocale();
  usePageTitle(t('segments.title'));
  const { can } = useSession();
  const segments = useSegments();
  const remove = useDeleteSegment();
  const [editing, setEditing] = useState<Segment | null>(null);
  const [deleting, setDeleting] = useState<Segment | null>(null);
  const writable = can('segments.write');
  const communeCodes = [...new Set(segments.data?.flatMap((s) => s.filter.communeCodes ?? []))];
  const communes = useCommunesByCode(communeCodes);
  const communeNames = new Map((communes.data ?? []).map((c) => [c.code, communeLabel(c)]));

  const confirmDelete = () => {
    if (!deleting) return;
    remove.mutate(deleting.id, {
      onSuccess: () => {
        notifications.show({
          color: 'green',
          message: t('segments.deleted', { name: deleting.name }),
        });
        setDeleting(null);
      },
    });
  };

  return (
    <Stack gap="md">
      <Title order={1}>{t('segments.title')}</Title>
      <QueryState query={segments}>
        {(list) =>
          list.length === 0 ? (
            <Paper withBorder p="lg">
              <Stack gap="xs">
                <Text fw={500}>{t('segments.emptyTitle')}</Text>
                <Text size="sm">{t('segments.emptyText')}</Text>
                <Button component={Link} to="/hq/people" variant="light" w="fit-content">
                  {t('segments.goPeople')}
                </Button>
              </Stack>
            </Paper>
          ) : (
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
                  {list.map((segment) => (
                    <Table.Tr key={segment.id}>
                      <Table.Td>
                        <Anchor component={Link} to={`/hq/people?segmentId=${segment.id}`} fw={500}>
                          {segment.name}
                        </Anchor>
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm">{describeFilter(segment.filter, t, communeNames)}</Text>
                      </Table.Td>
                      <Table.Td ta="right">
                        {segment.count === null
                          ? '—'
                          : `${formatNumber(segment.count, locale)}${segment.countIsEstimate ? '+' : ''}`}
                      </Table.Td>
                      <Table.Td style={{ whiteSpace: 'nowrap' }}>
                        {formatDate(segment.createdAt, locale)}
                      </Table.Td>
                      <Table.Td>
                        <Group gap="xs" wrap="nowrap" justify="flex-end">
                          <Button
                            component={Link}
                            to={`/hq/people?segmentId=${segment.id}`}
                            size="xs"
                            variant="light"
                          >
                            {t('segments.open')}
                          </Button>
                          {writable && (
                            <>
                              <Button
                                size="xs"
                                variant="default"
                                leftSection={<IconEdit size={14} aria-hidden />}
                                onClick={() => setEditing(segment)}
                                aria-label={t('segments.editNamed', { name: segment.name })}
                              >
                                {t('common.edit')}
                              </Button>
                              <Button
                                size="xs"
                                color="red"
                                variant="subtle"
                                leftSection={<IconTrash size={14} aria-hidden />}
                                onClick={() => setDeleting(segment)}
                                aria-label={t('segments.deleteNamed', { name: segment.name })}
                              >
                                {t('common.delete')}
                              </Button>
                            </>
                          )}
                        </Group>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )
        }
      </QueryState>
      {editing && <EditSegmentModal segment={editing} onClose={() => setEditing(null)} />}
      <AppModal
        opened={deleting !== null}
        onClose={() => setDeleting(null)}
        title={t('segments.deleteTitle')}
        centered
      >
        <Stack>
          <Text>{t('segments.deleteText', { name: deleting?.name ?? '' })}</Text>
          <ModalFooter
            error={remove.isError ? errorText(remove.error, t) : null}
            onCancel={() => setDeleting(null)}
            confirmLabel={t('common.delete')}
            onConfirm={confirmDelete}
            loading={remove.isPending}
            color="red"
          />
        </Stack>
      </AppModal>
    </Stack>
  );
}
