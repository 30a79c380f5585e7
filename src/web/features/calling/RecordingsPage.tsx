import { Stack, Text } from '@mantine/core';
import type { Recording } from '../../../contracts/calling-media.ts';
import { formatDateTime } from '../../core/format.ts';
import { useLocale, useT } from '../../core/i18n/index.tsx';
import { QueryState } from '../../core/ui/QueryState.tsx';
import { ResponsiveTable } from '../../core/ui/ResponsiveTable.tsx';
import { Section } from '../../core/ui/Section.tsx';
import { CallingLayout } from './CallingLayout.tsx';
import { DeleteWithConfirm } from './DeleteWithConfirm.tsx';
import { durationText } from './labels.ts';
import { useDeleteRecording, useRecordings } from './media-hooks.ts';
import { RecordingPlayer } from './RecordingPlayer.tsx';
import { RecordingUploadForm } from './RecordingUploadForm.tsx';

/** Deletes a recording once asked; a broadcast still using it keeps it (said in the dialog). */
function DeleteRecording({ recording }: { recording: Recording }) {
  const t = useT();
  const remove = useDeleteRecording();
  const name = { name: recording.name };
  return (
    <DeleteWithConfirm
      label={t('calling.recordings.deleteNamed', name)}
      title={t('calling.recordings.deleteTitle')}
      text={t('calling.recordings.deleteText', name)}
      done={t('calling.recordings.deleted', name)}
      pending={remove.isPending}
      onDelete={() => remove.mutateAsync(recording.id)}
    />
  );
}

/** The recorded messages: sent here, listened to, deleted when no broadcast needs them. */
export function RecordingsPage() {
  const t = useT();
  const [locale] = useLocale();
  const recordings = useRecordings();
  return (
    <CallingLayout title={t('calling.recordings.title')} intro={t('calling.recordings.intro')}>
      <Section title={t('calling.recordings.uploadTitle')}>
        <RecordingUploadForm />
      </Section>
      <Section title={t('calling.recordings.listTitle')}>
        <QueryState query={recordings}>
          {({ items }) =>
            items.length === 0 ? (
              <Text size="sm">{t('calling.recordings.empty')}</Text>
            ) : (
              <ResponsiveTable
                label={t('calling.recordings.listTitle')}
                items={items}
                rowKey={(recording) => recording.id}
                columns={[
                  {
                    header: t('calling.recordings.name'),
                    title: true,
                    cell: (recording) => (
                      <Stack gap={4}>
                        <div>
                          <Text size="sm" fw={500}>
                            {recording.name}
                          </Text>
                          <Text size="xs" c="dimmed">
                            {recording.fileName}
                          </Text>
                        </div>
                        <RecordingPlayer recording={recording} />
                      </Stack>
                    ),
                  },
                  {
                    header: t('calling.recordings.duration'),
                    nowrap: true,
                    cell: (recording) => durationText(recording.durationSeconds),
                  },
                  {
                    header: t('calling.recordings.format'),
                    cell: (recording) => recording.format.toUpperCase(),
                  },
                  {
                    header: t('calling.recordings.createdAt'),
                    cell: (recording) => formatDateTime(recording.createdAt, locale),
                  },
                  {
                    header: t('common.actions'),
                    cell: (recording) => <DeleteRecording recording={recording} />,
                  },
                ]}
              />
            )
          }
        </QueryState>
      </Section>
    </CallingLayout>
  );
}
