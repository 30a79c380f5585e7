import { Button, Checkbox, Group, Stack, Textarea, TextInput } from '@mantine/core';
import type { EventForEdit } from '../../../contracts/events.ts';
import { useT } from '../../core/i18n/index.tsx';
import { ErrorAlert } from '../../core/ui/ErrorAlert.tsx';
import { Section } from '../../core/ui/Section.tsx';
import { useMessageForm } from '../../core/ui/useMessageForm.ts';
import { emptyEventMessage, eventMessageRequest, eventMessageValidation } from './forms.ts';
import { useMessageAttendees } from './hooks.ts';

const FIELDS = ['subject', 'text', 'waitlistToo'] as const;

/** The organisers write to those coming (a change of room, what to bring), by mail. */
export function EventMessageSection({ event }: { event: EventForEdit }) {
  const t = useT();
  const send = useMessageAttendees(event.id);
  const { form, submit, formError } = useMessageForm({
    t,
    initialValues: emptyEventMessage,
    validate: eventMessageValidation(t),
    send,
    request: eventMessageRequest,
    fields: FIELDS,
    sentText: (count) => t('events.message.sent', { count }),
  });
  return (
    <Section title={t('events.message.title')} description={t('events.message.hint')}>
      <form onSubmit={submit} noValidate aria-label={t('events.message.title')}>
        <Stack gap="sm">
          <TextInput
            label={t('events.message.subject')}
            required
            maxLength={200}
            {...form.getInputProps('subject')}
          />
          <Textarea
            label={t('events.message.text')}
            required
            autosize
            minRows={4}
            maxRows={16}
            maxLength={5000}
            {...form.getInputProps('text')}
          />
          <Checkbox
            label={t('events.message.waitlistToo')}
            {...form.getInputProps('waitlistToo', { type: 'checkbox' })}
          />
          <ErrorAlert message={formError} />
          <Group>
            <Button type="submit" loading={send.isPending}>
              {t('events.message.send')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Section>
  );
}
