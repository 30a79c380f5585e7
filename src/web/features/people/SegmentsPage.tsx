import { Button, Paper, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconFilter } from '@tabler/icons-react';
import { useState } from 'react';
import { Link } from 'react-router';
import type { Segment } from '../../../contracts/people.ts';
import { errorText } from '../../core/errors.ts';
import { useT } from '../../core/i18n/index.tsx';
import { useSession } from '../../core/session.tsx';
import { AppModal } from '../../core/ui/AppModal.tsx';
import { ModalFooter } from '../../core/ui/ModalFooter.tsx';
import { QueryState } from '../../core/ui/QueryState.tsx';
import { usePageTitle } from '../../core/ui/usePageTitle.ts';
import { communeLabel } from './CommuneFilter.tsx';
import { EditSegmentModal } from './EditSegmentModal.tsx';
import { useCommunesByCode, useDeleteSegment, useSegments } from './hooks.ts';
import { SegmentList } from './SegmentList.tsx';

export function SegmentsPage() {
  const t = useT();
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
      <Stack gap="xs" align="flex-start">
        <Text size="sm">{t('segments.intro')}</Text>
        {writable && (
          <Button
            component={Link}
            to="/hq/people"
            variant="light"
            leftSection={<IconFilter size={16} aria-hidden />}
            // A long label: on a phone it wraps instead of running off the screen.
            maw="100%"
            h="auto"
            mih={36}
            py={6}
            styles={{ label: { whiteSpace: 'normal', lineHeight: 1.3 } }}
          >
            {t('segments.createFromPeople')}
          </Button>
        )}
      </Stack>
      <QueryState query={segments}>
        {(list) =>
          list.length === 0 ? (
            <Paper withBorder p="lg">
              <Text fw={500}>{t('segments.emptyTitle')}</Text>
            </Paper>
          ) : (
            <SegmentList
              segments={list}
              communeNames={communeNames}
              writable={writable}
              onEdit={setEditing}
              onDelete={setDeleting}
            />
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
