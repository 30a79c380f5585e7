import {
  Button,
  Group,
  NativeSelect,
  Paper,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { contactInputSchema, type ContactInput } from '../../../contracts/person-records.ts';
import { errorText } from '../../core/errors.ts';
import { validateWith, type FormErrors } from '../../core/form-validation.ts';
import { formatDateTime } from '../../core/format.ts';
import { useLocale, useT } from '../../core/i18n/index.tsx';
import { ErrorAlert } from '../../core/ui/ErrorAlert.tsx';
import { Section } from '../../core/ui/Section.tsx';
import { ServerPagination } from '../../core/ui/ServerPagination.tsx';
import { contactRequest } from './personRecordRequests.ts';
import { useAddContact, useContacts } from './personRecordsHooks.ts';
import {
  CONTACT_CHANNELS,
  CONTACT_OUTCOMES,
  contactChannelLabel,
  contactOutcomeLabel,
} from './personRecordLabels.ts';

/** Now, as a datetime-local input shows it (local time, to the minute). */
const nowLocal = () => {
  const now = new Date();
  return new Date(now.getTime() - now.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
};

/** Each time the team reached, or tried to reach, the person: how, the outcome, a note. */
export function ContactLogSection({ personId, canWrite }: { personId: number; canWrite: boolean }) {
  const t = useT();
  const [locale] = useLocale();
  const [page, setPage] = useState(1);
  const contacts = useContacts(personId, page);
  const add = useAddContact(personId);
  const [channel, setChannel] = useState<ContactInput['channel']>('phone');
  const [outcome, setOutcome] = useState<ContactInput['outcome']>('reached');
  const [note, setNote] = useState('');
  const [at, setAt] = useState(nowLocal);
  const [errors, setErrors] = useState<FormErrors>({});

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    const request = contactRequest({ channel, outcome, note, at });
    const problems = validateWith(contactInputSchema, t)(request);
    setErrors(problems);
    if (Object.keys(problems).length > 0) return;
    add.mutate(request, {
      onSuccess: () => {
        setNote('');
        setAt(nowLocal());
        setPage(1);
        notifications.show({ color: 'green', message: t('person.contactSaved') });
      },
    });
  };

  return (
    <Section title={t('person.contacts')}>
      {canWrite && (
        <form onSubmit={submit} noValidate aria-label={t('person.logContact')}>
          <Stack gap="xs">
            <Group grow align="flex-start" wrap="wrap">
              <NativeSelect
                label={t('person.contactChannel')}
                data={CONTACT_CHANNELS.map((c) => ({ value: c, label: contactChannelLabel(c, t) }))}
                value={channel}
                onChange={(e) => setChannel(e.currentTarget.value as ContactInput['channel'])}
                miw={140}
              />
              <NativeSelect
                label={t('person.contactOutcome')}
                data={CONTACT_OUTCOMES.map((o) => ({ value: o, label: contactOutcomeLabel(o, t) }))}
                value={outcome}
                onChange={(e) => setOutcome(e.currentTarget.value as ContactInput['outcome'])}
                miw={140}
              />
              <TextInput
                label={t('person.contactAt')}
                type="datetime-local"
                value={at}
                onChange={(e) => setAt(e.currentTarget.value)}
                error={errors.contactedAt}
                miw={180}
              />
            </Group>
            <Textarea
              label={t('person.contactNote')}
              autosize
              minRows={1}
              maxLength={2000}
              value={note}
              onChange={(e) => setNote(e.currentTarget.value)}
              error={errors.note}
            />
            <ErrorAlert message={add.isError ? errorText(add.error, t) : null} />
            <Button type="submit" size="xs" w="fit-content" loading={add.isPending} disabled={!at}>
              {t('person.logContact')}
            </Button>
          </Stack>
        </form>
      )}
      {contacts.data && contacts.data.total === 0 && (
        <Text size="sm" c="dimmed">
          {t('person.noContacts')}
        </Text>
      )}
      {contacts.data?.items.map((contact) => (
        <Paper key={contact.id} withBorder p="sm" component="article">
          <Text size="sm" fw={500}>
            {contactChannelLabel(contact.channel, t)} · {contactOutcomeLabel(contact.outcome, t)}
          </Text>
          <Text size="xs" c="dimmed">
            {formatDateTime(contact.contactedAt, locale)}
            {contact.authorName ? ` · ${t('person.by', { name: contact.authorName })}` : ''}
          </Text>
          {contact.note && (
            <Text size="sm" className="levier-pre" mt={4}>
              {contact.note}
            </Text>
          )}
        </Paper>
      ))}
      {contacts.data && contacts.data.total > contacts.data.pageSize && (
        <ServerPagination
          page={page}
          total={contacts.data.total}
          pageSize={contacts.data.pageSize}
          onChange={setPage}
        />
      )}
    </Section>
  );
}
