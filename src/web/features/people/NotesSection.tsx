import { Button, Group, Paper, Stack, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { NOTE_MAX, noteInputSchema, type Note } from '../../../contracts/person-records.ts';
import { errorText } from '../../core/errors.ts';
import { formatDateTime } from '../../core/format.ts';
import { useLocale, useT } from '../../core/i18n/index.tsx';
import { ErrorAlert } from '../../core/ui/ErrorAlert.tsx';
import { Section } from '../../core/ui/Section.tsx';
import { ServerPagination } from '../../core/ui/ServerPagination.tsx';
import { useNoteChange, useNotes } from './personRecordsHooks.ts';

/** Whether the route takes the note as typed (not blank, not too long). */
const acceptable = (body: string) => noteInputSchema.safeParse({ body }).success;

function NoteItem({ personId, note }: { personId: number; note: Note }) {
  const t = useT();
  const [locale] = useLocale();
  const change = useNoteChange(personId);
  const [editing, setEditing] = useState(false);
  const [body, setBody] = useState(note.body);
  const [confirming, setConfirming] = useState(false);
  const edited = note.updatedAt !== note.createdAt;
  return (
    <Paper withBorder p="sm" component="article">
      <Text size="xs" c="dimmed">
        {formatDateTime(note.createdAt, locale)}
        {note.authorName ? ` · ${t('person.by', { name: note.authorName })}` : ''}
        {edited ? ` · ${t('person.noteEdited')}` : ''}
      </Text>
      {editing ? (
        <Stack gap="xs" mt="xs">
          <Textarea
            label={t('person.noteEditLabel')}
            autosize
            minRows={2}
            maxLength={NOTE_MAX}
            value={body}
            onChange={(e) => setBody(e.currentTarget.value)}
          />
          <Group gap="xs">
            <Button
              size="xs"
              loading={change.isPending}
              disabled={!acceptable(body)}
              onClick={() =>
                change.mutate({ noteId: note.id, body }, { onSuccess: () => setEditing(false) })
              }
            >
              {t('common.save')}
            </Button>
            <Button size="xs" variant="default" onClick={() => setEditing(false)}>
              {t('common.cancel')}
            </Button>
          </Group>
        </Stack>
      ) : (
        <Text size="sm" className="levier-pre" mt={4}>
          {note.body}
        </Text>
      )}
      {note.editable && !editing && (
        <Group gap="xs" mt="xs">
          <Button size="compact-xs" variant="subtle" onClick={() => setEditing(true)}>
            {t('common.edit')}
          </Button>
          {confirming ? (
            <>
              <Text size="xs">{t('person.noteDeleteTitle')}</Text>
              <Button
                size="compact-xs"
                color="red"
                loading={change.isPending}
                onClick={() =>
                  change.mutate(
                    { noteId: note.id, body: null },
                    {
                      onSuccess: () =>
                        notifications.show({ color: 'green', message: t('person.noteDeleted') }),
                    },
                  )
                }
              >
                {t('common.delete')}
              </Button>
              <Button size="compact-xs" variant="default" onClick={() => setConfirming(false)}>
                {t('common.cancel')}
              </Button>
            </>
          ) : (
            <Button
              size="compact-xs"
              variant="subtle"
              color="red"
              onClick={() => setConfirming(true)}
            >
              {t('common.delete')}
            </Button>
          )}
        </Group>
      )}
      <ErrorAlert message={change.isError ? errorText(change.error, t) : null} />
    </Paper>
  );
}

/** Staff notes on a person, newest first; their author or an administrator edits them. */
export function NotesSection({ personId, canWrite }: { personId: number; canWrite: boolean }) {
  const t = useT();
  const [page, setPage] = useState(1);
  const notes = useNotes(personId, page);
  const add = useNoteChange(personId);
  const [body, setBody] = useState('');
  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    add.mutate(
      { body },
      {
        onSuccess: () => {
          setBody('');
          setPage(1);
          notifications.show({ color: 'green', message: t('person.noteSaved') });
        },
      },
    );
  };
  return (
    <Section title={t('person.notes')}>
      {canWrite && (
        <form onSubmit={submit} noValidate>
          <Stack gap="xs">
            <Textarea
              label={t('person.noteLabel')}
              autosize
              minRows={2}
              maxLength={NOTE_MAX}
              value={body}
              onChange={(e) => setBody(e.currentTarget.value)}
            />
            <ErrorAlert message={add.isError ? errorText(add.error, t) : null} />
            <Button
              type="submit"
              size="xs"
              w="fit-content"
              loading={add.isPending}
              disabled={!acceptable(body)}
            >
              {t('person.addNote')}
            </Button>
          </Stack>
        </form>
      )}
      {notes.data && notes.data.total === 0 && (
        <Text size="sm" c="dimmed">
          {t('person.noNotes')}
        </Text>
      )}
      {notes.data?.items.map((note) => (
        <NoteItem key={`${note.id}-${note.updatedAt}`} personId={personId} note={note} />
      ))}
      {notes.data && notes.data.total > notes.data.pageSize && (
        <ServerPagination
          page={page}
          total={notes.data.total}
          pageSize={notes.data.pageSize}
          onChange={setPage}
        />
      )}
    </Section>
  );
}
