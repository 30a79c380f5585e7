import {
  Box,
  Button,
  Group,
  NativeSelect,
  Paper,
  Spoiler,
  Stack,
  Switch,
  Text,
  Textarea,
  TextInput,
  Title,
  Typography,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import type { z } from 'zod';
import type { Committee, committeeMessageSchema } from '../../../contracts/committees.ts';
import { errorText } from '../../core/errors.ts';
import { formatDateTime } from '../../core/format.ts';
import { useLocale, useT } from '../../core/i18n/index.tsx';
import { ErrorAlert } from '../../core/ui/ErrorAlert.tsx';
import { QueryState } from '../../core/ui/QueryState.tsx';
import { useMessageForm } from '../../core/ui/useMessageForm.ts';
import {
  emptyMessage,
  isMessageAudience,
  messageAudiences,
  messageRequest,
  messageValidation,
} from './forms.ts';
import { useCommitteeMessages, useSendCommitteeMessage, useSetSubscription } from './hooks.ts';

type CommitteeMessage = z.infer<typeof committeeMessageSchema>;

const FIELDS = ['subject', 'body', 'lowestRank'] as const;

/** The managers' form: a subject, a Markdown text and who among the subscribed gets it. */
export function MessageForm({ committeeId }: { committeeId: number }) {
  const t = useT();
  const send = useSendCommitteeMessage(committeeId);
  const { form, submit, formError } = useMessageForm({
    t,
    initialValues: emptyMessage,
    validate: messageValidation(t),
    send,
    request: messageRequest,
    fields: FIELDS,
    sentText: (count) => t('committees.messages.sent', { count }),
  });

  return (
    <form onSubmit={submit} noValidate aria-label={t('committees.messages.form')}>
      <Stack gap="sm">
        <NativeSelect
          label={t('committees.messages.audience')}
          data={messageAudiences.map((rank) => ({
            value: rank,
            label: t(`committees.messages.audience.${rank}`),
          }))}
          {...form.getInputProps('lowestRank')}
          onChange={(event) => {
            const value = event.currentTarget.value;
            if (isMessageAudience(value)) form.setFieldValue('lowestRank', value);
          }}
        />
        <TextInput
          label={t('committees.messages.subject')}
          required
          maxLength={200}
          {...form.getInputProps('subject')}
        />
        <Textarea
          label={t('committees.messages.body')}
          description={t('committees.messages.bodyHint')}
          required
          autosize
          minRows={5}
          maxRows={20}
          {...form.getInputProps('body')}
        />
        <ErrorAlert message={formError} />
        <Group>
          <Button type="submit" loading={send.isPending}>
            {t('committees.messages.send')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function MessageItem({ message }: { message: CommitteeMessage }) {
  const t = useT();
  const [locale] = useLocale();
  return (
    <Paper component="li" withBorder p="sm" style={{ listStyle: 'none' }}>
      <Stack gap={6}>
        <Title order={4} size="h5" style={{ overflowWrap: 'anywhere' }}>
          {message.subject}
        </Title>
        <Text size="xs" c="dimmed">
          {[
            formatDateTime(message.at, locale),
            message.author && t('committees.messages.by', { name: message.author }),
            t(`committees.messages.to.${message.lowestRank}`),
            t('committees.messages.recipients', { count: message.recipients }),
          ]
            .filter(Boolean)
            .join(' · ')}
        </Text>
        <Spoiler
          maxHeight={120}
          showLabel={t('committees.messages.more')}
          hideLabel={t('committees.messages.less')}
        >
          <Typography fz="sm" style={{ overflowWrap: 'anywhere' }}>
            {/* Drawn from Markdown and cleaned with an allow-list on the server. */}
            <Box dangerouslySetInnerHTML={{ __html: message.bodyHtml }} />
          </Typography>
        </Spoiler>
      </Stack>
    </Paper>
  );
}

/** The messages sent to the committee's members, newest first. */
export function MessageHistory({ committeeId, name }: { committeeId: number; name: string }) {
  const t = useT();
  const messages = useCommitteeMessages(committeeId);
  return (
    <QueryState query={messages}>
      {(list) =>
        list.length === 0 ? (
          <Text size="sm">{t('committees.messages.empty')}</Text>
        ) : (
          <Stack
            component="ul"
            gap="xs"
            p={0}
            m={0}
            aria-label={t('committees.messages.historyLabel', { name })}
          >
            {list.map((message) => (
              <MessageItem key={message.id} message={message} />
            ))}
          </Stack>
        )
      }
    </QueryState>
  );
}

/** Whether the caller receives the committee's messages; their membership stays either way. */
export function SubscriptionSwitch({ committee }: { committee: Committee }) {
  const t = useT();
  const set = useSetSubscription(committee.id);
  const [error, setError] = useState<string | null>(null);
  const subscribed = committee.myMembership?.subscribed ?? false;
  return (
    <Stack gap="xs">
      <Switch
        label={t('committees.subscription.label')}
        description={t('committees.subscription.hint')}
        // Shows the choice at once; the committee is read again once the server has it.
        checked={set.isPending ? set.variables : subscribed}
        disabled={set.isPending}
        onChange={(event) => {
          const next = event.currentTarget.checked;
          setError(null);
          set.mutate(next, {
            onSuccess: () =>
              notifications.show({
                color: 'green',
                message: t(next ? 'committees.subscription.on' : 'committees.subscription.off'),
              }),
            onError: (failure) => setError(errorText(failure, t)),
          });
        }}
      />
      <ErrorAlert message={error} />
    </Stack>
  );
}
