import {
  Alert,
  Anchor,
  Button,
  Group,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconDownload, IconTrash } from '@tabler/icons-react';
import { useState, type ReactNode } from 'react';
import { Link, useParams } from 'react-router';
import type { PrivacyRequestEntry } from '../../../contracts/privacy.ts';
import { formatDateTime, formatDayWithYear } from '../../core/format.ts';
import { errorText } from '../../core/errors.ts';
import { useLocale, useT } from '../../core/i18n/index.tsx';
import { ConfirmWordModal } from '../../core/ui/ConfirmWordModal.tsx';
import { ErrorAlert } from '../../core/ui/ErrorAlert.tsx';
import { QueryState } from '../../core/ui/QueryState.tsx';
import { Section } from '../../core/ui/Section.tsx';
import { usePageTitle } from '../../core/ui/usePageTitle.ts';
import { useRequest, useRequestActions } from './hooks.ts';
import { channelKey, kindKey, statusKey } from './labels.ts';
import { UrgencyBadge } from './UrgencyBadge.tsx';

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Stack gap={0}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm" component="div" style={{ overflowWrap: 'anywhere' }}>
        {children}
      </Text>
    </Stack>
  );
}

function CarryOut({ request }: { request: PrivacyRequestEntry }) {
  const t = useT();
  const actions = useRequestActions(request.id);
  const [opened, { open, close }] = useDisclosure(false);
  const word = t('person.erasureWord');
  const canAccess = request.kind === 'access' || request.kind === 'portability';
  const canErase = request.kind === 'erasure';
  if (!canAccess && !canErase) return null;
  return (
    <Section title={t('privacy.request.carryOut')} description={t('privacy.request.carryOutHint')}>
      {request.person === null ? (
        <Text size="sm">{t('privacy.request.linkFirst')}</Text>
      ) : (
        <Stack gap="xs">
          <ErrorAlert
            message={actions.access.isError ? errorText(actions.access.error, t) : null}
          />
          <Group gap="xs">
            {canAccess && (
              <Button
                leftSection={<IconDownload size={16} aria-hidden />}
                loading={actions.access.isPending}
                onClick={() => actions.access.mutate()}
              >
                {t('privacy.request.downloadFile')}
              </Button>
            )}
            {canErase && (
              <Button
                color="red"
                variant="light"
                leftSection={<IconTrash size={16} aria-hidden />}
                onClick={open}
              >
                {t('privacy.request.erase')}
              </Button>
            )}
          </Group>
        </Stack>
      )}
      <ConfirmWordModal
        opened={opened}
        onClose={() => {
          close();
          actions.erase.reset();
        }}
        title={t('privacy.request.eraseTitle')}
        text={t('privacy.request.eraseText')}
        word={word}
        typeLabel={t('privacy.request.eraseType', { word })}
        confirmLabel={t('privacy.request.erase')}
        onConfirm={() =>
          actions.erase.mutate(undefined, {
            onSuccess: () => {
              close();
              notifications.show({ color: 'green', message: t('privacy.request.erased') });
            },
          })
        }
        loading={actions.erase.isPending}
        error={actions.erase.isError ? errorText(actions.erase.error, t) : null}
      />
    </Section>
  );
}

function ExtendAndClose({ request }: { request: PrivacyRequestEntry }) {
  const t = useT();
  const actions = useRequestActions(request.id);
  const [extension, setExtension] = useState('');
  const [reason, setReason] = useState('');
  const error = [actions.extend, actions.close].find((m) => m.isError)?.error;
  return (
    <>
      {request.extensionReason === null && (
        <Section title={t('privacy.request.extend')}>
          <Stack gap="xs">
            <Textarea
              label={t('privacy.request.extendReason')}
              maxLength={500}
              value={extension}
              onChange={(e) => setExtension(e.currentTarget.value)}
            />
            <Button
              variant="default"
              w="fit-content"
              disabled={!extension.trim()}
              loading={actions.extend.isPending}
              onClick={() =>
                actions.extend.mutate(extension, {
                  onSuccess: () =>
                    notifications.show({ color: 'green', message: t('privacy.request.extended') }),
                })
              }
            >
              {t('privacy.request.extend')}
            </Button>
          </Stack>
        </Section>
      )}
      <Section title={t('privacy.request.close')}>
        <Stack gap="xs">
          <Textarea
            label={t('privacy.request.reason')}
            maxLength={500}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
          />
          <ErrorAlert message={error ? errorText(error, t) : null} />
          <Group gap="xs">
            <Button
              loading={actions.close.isPending}
              onClick={() =>
                actions.close.mutate(
                  { status: 'done', reason: reason || null },
                  {
                    onSuccess: () =>
                      notifications.show({ color: 'green', message: t('privacy.request.closed') }),
                  },
                )
              }
            >
              {t('privacy.request.closeDone')}
            </Button>
            <Button
              color="red"
              variant="light"
              disabled={!reason.trim()}
              loading={actions.close.isPending}
              onClick={() => actions.close.mutate({ status: 'refused', reason })}
            >
              {t('privacy.request.closeRefuse')}
            </Button>
          </Group>
        </Stack>
      </Section>
    </>
  );
}

export function RequestPage() {
  const t = useT();
  const [locale] = useLocale();
  const id = Number(useParams().id);
  const request = useRequest(id);
  usePageTitle(
    request.data ? t('privacy.request.title', { reference: request.data.reference }) : '',
  );
  return (
    <Stack gap="md">
      <Anchor component={Link} to="/hq/privacy/requests" size="sm">
        {t('privacy.request.back')}
      </Anchor>
      <QueryState query={request}>
        {(r) => (
          <Stack gap="md">
            <Group justify="space-between">
              <Title order={1}>{t('privacy.request.title', { reference: r.reference })}</Title>
              <UrgencyBadge request={r} />
            </Group>
            {r.subjectErased && <Alert color="gray">{t('privacy.subjectErased')}</Alert>}
            <Section title={t(kindKey(r.kind))}>
              <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
                <Field label={t('privacy.field.receivedOn')}>
                  {formatDayWithYear(r.receivedOn, locale)} · {t(channelKey(r.channel))}
                </Field>
                <Field label={t('privacy.field.deadline')}>
                  <span data-testid="request-deadline">
                    {formatDayWithYear(r.deadline, locale)}
                  </span>
                  {r.status === 'open' &&
                    ` · ${
                      r.daysLeft >= 0
                        ? t('privacy.daysLeft', { days: r.daysLeft })
                        : t('privacy.daysLate', { days: -r.daysLeft })
                    }`}
                </Field>
                <Field label={t('privacy.field.person')}>
                  {r.person ? (
                    <Anchor component={Link} to={`/hq/people/${r.person.id}`}>
                      {r.person.name}
                    </Anchor>
                  ) : (
                    t('privacy.noPerson')
                  )}
                </Field>
                <Field label={t('privacy.field.status')}>{t(statusKey(r.status))}</Field>
                {r.note && <Field label={t('privacy.field.note')}>{r.note}</Field>}
                {r.extensionReason && (
                  <Field label={t('privacy.field.extension')}>{r.extensionReason}</Field>
                )}
                {r.action && (
                  <Field label={t('privacy.field.action')}>{t(`privacy.action.${r.action}`)}</Field>
                )}
                {r.outcomeReason && (
                  <Field label={t('privacy.field.outcome')}>{r.outcomeReason}</Field>
                )}
                {r.handledBy && (
                  <Field label={t('privacy.field.handledBy')}>
                    {r.handledBy.name} · {formatDateTime(r.handledAt, locale)}
                  </Field>
                )}
              </SimpleGrid>
            </Section>
            {r.status === 'open' && (
              <>
                <CarryOut request={r} />
                <ExtendAndClose request={r} />
              </>
            )}
          </Stack>
        )}
      </QueryState>
    </Stack>
  );
}
