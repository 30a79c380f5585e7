import {
  Anchor,
  Badge,
  Button,
  Group,
  Paper,
  Stack,
  Text,
  Textarea,
  Title,
  type ButtonProps,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useId, useRef, useState } from 'react';
import { Link } from 'react-router';
import type { ModerationAction } from '../../../contracts/moderation.ts';
import { applyProblem } from '../../core/errors.ts';
import { formatDate, formatDateTime } from '../../core/format.ts';
import { useLocale, useT } from '../../core/i18n/index.tsx';
import { AppModal } from '../../core/ui/AppModal.tsx';
import { ModalFooter } from '../../core/ui/ModalFooter.tsx';
import { QueryState } from '../../core/ui/QueryState.tsx';
import { ServerPagination } from '../../core/ui/ServerPagination.tsx';
import { ErrorAlert } from '../../core/ui/ErrorAlert.tsx';
import { usePageTitle } from '../../core/ui/usePageTitle.ts';
import { actionsFor, messageError } from './forms.ts';
import { useDecide, useModerationQueue, type ReportGroup } from './hooks.ts';

const MESSAGE_MAX = 2_000;

const actionLooks: Record<ModerationAction, Pick<ButtonProps, 'color' | 'variant'>> = {
  dismiss: { variant: 'default' },
  ask_fix: { variant: 'light' },
  unpublish: { color: 'orange', variant: 'light' },
  close: { color: 'red', variant: 'light' },
  restore: { color: 'green', variant: 'light' },
  ban: { color: 'red', variant: 'filled' },
};

const KNOWN_STATUSES = ['held', 'unpublished', 'closed', 'cancelled'] as const;

function StatusBadge({ status }: { status: string }) {
  const t = useT();
  if (status === 'published') return null;
  const known = KNOWN_STATUSES.find((s) => s === status);
  return (
    <Badge color="gray" variant="light">
      {t(known ? `moderation.status.${known}` : 'moderation.status.other')}
    </Badge>
  );
}

/**
 * One reported target: what it is, who wrote it, who reported it and why; and the decision,
 * whose reason the people concerned read (required but to dismiss). A ban asks to confirm.
 */
function ReportGroupCard({ group }: { group: ReportGroup }) {
  const t = useT();
  const [locale] = useLocale();
  const { target } = group;
  const titleId = useId();
  const messageRef = useRef<HTMLTextAreaElement>(null);
  const decide = useDecide();
  const [message, setMessage] = useState('');
  const [messageProblem, setMessageProblem] = useState<string | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const [confirmingBan, setConfirmingBan] = useState(false);
  const [pending, setPending] = useState<ModerationAction | null>(null);
  const author = target.authorName || t('moderation.authorUnknown');

  const run = async (action: ModerationAction) => {
    setMessageProblem(null);
    setFormError(null);
    const missing = messageError(action, message);
    if (missing) {
      setConfirmingBan(false);
      setMessageProblem(t(missing));
      messageRef.current?.focus();
      return;
    }
    if (action === 'ban' && !confirmingBan) {
      setConfirmingBan(true);
      return;
    }
    setPending(action);
    try {
      const decision = await decide.mutateAsync({
        targetKind: target.kind,
        targetId: target.id,
        action,
        message: message.trim(),
      });
      const done = t(`moderation.done.${action}`, { title: target.title });
      notifications.show({
        color: 'green',
        message: decision.suspendedUntil
          ? `${done} ${t('moderation.suspendedUntil', { date: formatDate(decision.suspendedUntil, locale) })}`
          : done,
      });
    } catch (error) {
      setConfirmingBan(false);
      setFormError(
        applyProblem({ setFieldError: (_field, text) => setMessageProblem(text) }, error, t, [
          'message',
        ]),
      );
    } finally {
      setPending(null);
    }
  };

  return (
    <Paper withBorder p="md" component="article" aria-labelledby={titleId}>
      <Stack gap="sm">
        <Group gap="xs" wrap="wrap">
          <Badge variant="light">{t(`moderation.kind.${target.kind}`)}</Badge>
          <StatusBadge status={target.status} />
        </Group>
        <Title order={2} size="h4" id={titleId} style={{ overflowWrap: 'anywhere' }}>
          {target.url ? (
            <Anchor href={target.url} target="_blank" rel="noopener" inherit>
              {target.title}
            </Anchor>
          ) : (
            target.title
          )}
        </Title>
        <Text size="sm">
          {[
            t('moderation.author', { name: author }),
            t('moderation.reporters', { count: group.reporters }),
            t('moderation.waitingSince', { date: formatDateTime(group.firstAt, locale) }),
          ].join(' · ')}
        </Text>
        <Group gap="xs" aria-label={t('moderation.reasons')} role="list">
          {group.reasons.map(({ reason, count }) => (
            <Badge key={reason} role="listitem" color="red" variant="outline" tt="none">
              {t('moderation.reasonCount', { reason: t(`moderation.reason.${reason}`), count })}
            </Badge>
          ))}
        </Group>
        {group.texts.length > 0 && (
          <Stack gap={4}>
            <Text size="sm" fw={600}>
              {t('moderation.texts')}
            </Text>
            {group.texts.map((text, index) => (
              <Text
                key={index}
                component="blockquote"
                size="sm"
                m={0}
                pl="sm"
                style={{
                  borderLeft: '3px solid var(--mantine-color-gray-4)',
                  whiteSpace: 'pre-wrap',
                  overflowWrap: 'anywhere',
                }}
              >
                {text}
              </Text>
            ))}
          </Stack>
        )}
        <Textarea
          ref={messageRef}
          label={t('moderation.message')}
          description={t('moderation.messageHint')}
          autosize
          minRows={2}
          maxRows={8}
          maxLength={MESSAGE_MAX}
          value={message}
          error={messageProblem}
          onChange={(event) => {
            setMessage(event.currentTarget.value);
            setMessageProblem(null);
          }}
        />
        <ErrorAlert message={formError} />
        <Group gap="xs" role="group" aria-label={t('moderation.decide', { title: target.title })}>
          {actionsFor(target.status, target.authorId !== null).map((action) => (
            <Button
              key={action}
              size="sm"
              {...actionLooks[action]}
              loading={pending === action && !confirmingBan}
              disabled={pending !== null && pending !== action}
              onClick={() => void run(action)}
            >
              {t(`moderation.action.${action}`)}
            </Button>
          ))}
        </Group>
      </Stack>
      <AppModal
        opened={confirmingBan}
        onClose={() => setConfirmingBan(false)}
        title={t('moderation.ban.title', { name: author })}
        centered
      >
        <Stack>
          <Text size="sm">{t('moderation.ban.text', { name: author })}</Text>
          <ModalFooter
            onCancel={() => setConfirmingBan(false)}
            confirmLabel={t('moderation.ban.confirm')}
            onConfirm={() => void run('ban')}
            loading={pending === 'ban'}
            color="red"
          />
        </Stack>
      </AppModal>
    </Paper>
  );
}

/** The moderators' queue: open reports grouped by target, the longest waiting first. */
export function ModerationQueuePage() {
  const t = useT();
  usePageTitle(t('moderation.queue.title'));
  const [page, setPage] = useState(1);
  const queue = useModerationQueue(page);
  return (
    <Stack gap="md" maw={960}>
      <Group justify="space-between" align="flex-end">
        <Title order={1}>{t('moderation.queue.title')}</Title>
        <Anchor component={Link} to="/hq/moderation/sanctions" size="sm">
          {t('moderation.queue.sanctionsLink')}
        </Anchor>
      </Group>
      <Text size="sm">{t('moderation.queue.intro')}</Text>
      <QueryState query={queue}>
        {(data) =>
          data.total === 0 ? (
            <Text>{t('moderation.queue.empty')}</Text>
          ) : (
            <Stack gap="md">
              {data.items.map((group) => (
                <ReportGroupCard key={`${group.target.kind}:${group.target.id}`} group={group} />
              ))}
              <ServerPagination
                page={page}
                total={data.total}
                pageSize={data.items.length}
                onChange={setPage}
              />
            </Stack>
          )
        }
      </QueryState>
    </Stack>
  );
}
