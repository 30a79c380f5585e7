import {
  Alert,
  Button,
  Checkbox,
  Code,
  CopyButton,
  Group,
  SimpleGrid,
  Stack,
  Switch,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import {
  apiTokenInputSchema,
  webhookEventPermission,
  webhookEvents,
  webhookInputSchema,
  type ApiToken,
  type WebhookEndpoint,
  type WebhookEvent,
} from '../../../contracts/integrations.ts';
import { permissionSchema, type Permission } from '../../../contracts/roles.ts';
import { ApiError } from '../../core/api.ts';
import { errorText } from '../../core/errors.ts';
import { formatDateTime } from '../../core/format.ts';
import { useLocale, useT, type MessageKey, type Translate } from '../../core/i18n/index.tsx';
import { useSession } from '../../core/session.tsx';
import { ErrorAlert } from '../../core/ui/ErrorAlert.tsx';
import { QueryState } from '../../core/ui/QueryState.tsx';
import { ResponsiveTable } from '../../core/ui/ResponsiveTable.tsx';
import { Section } from '../../core/ui/Section.tsx';
import { usePageTitle } from '../../core/ui/usePageTitle.ts';
import {
  useCreateToken,
  useCreateWebhook,
  useDeleteWebhook,
  useDeliveries,
  useRevokeToken,
  useTokens,
  useUpdateWebhook,
  useWebhooks,
} from './hooks.ts';

const ownCodes: Record<string, MessageKey> = {
  scope_not_held: 'integrations.error.scope_not_held',
  event_not_allowed: 'integrations.error.event_not_allowed',
  https_required: 'integrations.error.https_required',
  person_required: 'integrations.error.person_required',
};

/** This feature's refusals in its own words, the others as everywhere. */
const problemText = (error: unknown, t: Translate) =>
  error instanceof ApiError && ownCodes[error.code]
    ? t(ownCodes[error.code]!)
    : errorText(error, t);

/** A secret shown this once, with a copy button. */
function OnceSecret({ secret, note }: { secret: string; note: string }) {
  const t = useT();
  return (
    <Alert color="yellow" title={note}>
      <Group gap="sm" wrap="nowrap">
        <Code data-testid="secret" style={{ wordBreak: 'break-all' }}>
          {secret}
        </Code>
        <CopyButton value={secret}>
          {({ copied, copy }) => (
            <Button size="xs" variant="light" onClick={copy}>
              {copied ? '✓' : t('common.copy')}
            </Button>
          )}
        </CopyButton>
      </Group>
    </Alert>
  );
}

function NewToken() {
  const t = useT();
  const { me } = useSession();
  const create = useCreateToken();
  const [secret, setSecret] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const held = permissionSchema.options.filter((p) => me?.permissions.includes(p));
  const form = useForm<{ name: string; scopes: Permission[]; expiresAt: string }>({
    initialValues: { name: '', scopes: [], expiresAt: '' },
  });
  const submit = form.onSubmit((values) => {
    setError(null);
    const body = {
      name: values.name,
      scopes: values.scopes,
      expiresAt: values.expiresAt ? new Date(`${values.expiresAt}T23:59:59`).toISOString() : null,
    };
    const checked = apiTokenInputSchema.safeParse(body);
    if (!checked.success) {
      for (const issue of checked.error.issues)
        form.setFieldError(String(issue.path[0]), t('error.generic'));
      return;
    }
    create.mutate(body, {
      onSuccess: (made) => {
        setSecret(made.secret);
        form.reset();
      },
      onError: (problem) => setError(problemText(problem, t)),
    });
  });
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        {secret && <OnceSecret secret={secret} note={t('integrations.tokens.secret')} />}
        <TextInput
          label={t('integrations.tokens.name')}
          required
          maxLength={100}
          {...form.getInputProps('name')}
        />
        <Checkbox.Group
          label={t('integrations.tokens.scopes')}
          description={t('integrations.tokens.scopesHint')}
          value={form.values.scopes}
          onChange={(value) => form.setFieldValue('scopes', value as Permission[])}
          error={form.errors.scopes}
        >
          <SimpleGrid cols={{ base: 1, sm: 2 }} mt="xs">
            {held.map((permission) => (
              <Checkbox key={permission} value={permission} label={t(`perm.${permission}`)} />
            ))}
          </SimpleGrid>
        </Checkbox.Group>
        <TextInput
          type="date"
          label={t('integrations.tokens.expires')}
          {...form.getInputProps('expiresAt')}
        />
        <ErrorAlert message={error} />
        <Group>
          <Button type="submit" loading={create.isPending}>
            {t('integrations.tokens.create')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function tokenStatus(token: ApiToken, t: Translate) {
  if (token.revokedAt) return t('integrations.tokens.revoked');
  if (token.expiresAt && new Date(token.expiresAt) < new Date())
    return t('integrations.tokens.expired');
  return t('integrations.tokens.active');
}

function Tokens() {
  const t = useT();
  const [locale] = useLocale();
  const tokens = useTokens();
  const revoke = useRevokeToken();
  return (
    <QueryState query={tokens}>
      {(list) =>
        list.length === 0 ? (
          <Text size="sm">{t('integrations.tokens.empty')}</Text>
        ) : (
          <ResponsiveTable
            items={list}
            label={t('integrations.tokens.list')}
            rowKey={(token) => token.id}
            columns={[
              { header: t('integrations.tokens.name'), title: true, cell: (x) => x.name },
              { header: 'Token', cell: (x) => <Code>{x.prefix}…</Code> },
              {
                header: t('integrations.tokens.scopes'),
                cell: (x) => x.scopes.join(', '),
              },
              { header: t('integrations.tokens.status'), cell: (x) => tokenStatus(x, t) },
              {
                header: t('integrations.tokens.lastUsed'),
                cell: (x) =>
                  x.lastUsedAt
                    ? formatDateTime(x.lastUsedAt, locale)
                    : t('integrations.tokens.never'),
              },
              {
                header: '',
                cell: (x) =>
                  !x.revokedAt && (
                    <Button
                      size="xs"
                      color="red"
                      variant="light"
                      loading={revoke.isPending && revoke.variables === x.id}
                      onClick={() =>
                        revoke.mutate(x.id, {
                          onSuccess: () =>
                            notifications.show({
                              color: 'green',
                              message: t('integrations.tokens.revokedNotice'),
                            }),
                        })
                      }
                    >
                      {t('integrations.tokens.revoke', { name: x.name })}
                    </Button>
                  ),
              },
            ]}
          />
        )
      }
    </QueryState>
  );
}

function EventChoice({
  value,
  onChange,
}: {
  value: WebhookEvent[];
  onChange: (value: WebhookEvent[]) => void;
}) {
  const t = useT();
  const { can } = useSession();
  return (
    <Checkbox.Group
      label={t('integrations.webhooks.events')}
      value={value}
      onChange={(next) => onChange(next as WebhookEvent[])}
    >
      <Stack gap={4} mt="xs">
        {webhookEvents.map((event) => (
          <Checkbox
            key={event}
            value={event}
            disabled={!can(webhookEventPermission[event])}
            label={t(`integrations.event.${event}`)}
            description={t('integrations.webhooks.eventNeeds', {
              permission: t(`perm.${webhookEventPermission[event]}`),
            })}
          />
        ))}
      </Stack>
    </Checkbox.Group>
  );
}

function NewWebhook() {
  const t = useT();
  const create = useCreateWebhook();
  const [secret, setSecret] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const form = useForm<{ url: string; events: WebhookEvent[] }>({
    initialValues: { url: '', events: [] },
  });
  const submit = form.onSubmit((values) => {
    setError(null);
    const body = { ...values, enabled: true };
    if (!webhookInputSchema.safeParse(body).success && !values.url) {
      form.setFieldError('url', t('error.generic'));
      return;
    }
    create.mutate(body, {
      onSuccess: (made) => {
        setSecret(made.secret);
        form.reset();
      },
      onError: (problem) => setError(problemText(problem, t)),
    });
  });
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        {secret && <OnceSecret secret={secret} note={t('integrations.webhooks.secret')} />}
        <TextInput
          label={t('integrations.webhooks.url')}
          required
          type="url"
          placeholder="https://"
          {...form.getInputProps('url')}
        />
        <EventChoice
          value={form.values.events}
          onChange={(events) => form.setFieldValue('events', events)}
        />
        <ErrorAlert message={error} />
        <Group>
          <Button type="submit" loading={create.isPending}>
            {t('integrations.webhooks.create')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function Deliveries({ endpoint }: { endpoint: WebhookEndpoint }) {
  const t = useT();
  const [locale] = useLocale();
  const deliveries = useDeliveries(endpoint.id);
  const items = deliveries.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <Stack gap="xs">
      {deliveries.isSuccess && items.length === 0 ? (
        <Text size="sm">{t('integrations.webhooks.noDeliveries')}</Text>
      ) : (
        <ResponsiveTable
          items={items}
          label={t('integrations.webhooks.deliveries', { url: endpoint.url })}
          rowKey={(d) => d.id}
          columns={[
            {
              header: t('integrations.delivery.event'),
              title: true,
              cell: (d) => t(`integrations.event.${d.event}`),
            },
            {
              header: t('integrations.delivery.status'),
              cell: (d) =>
                isOwnStatus(d.status) ? t(`integrations.delivery.status.${d.status}`) : d.status,
            },
            { header: t('integrations.delivery.attempts'), numeric: true, cell: (d) => d.attempts },
            { header: t('integrations.delivery.answer'), cell: (d) => d.lastStatus ?? '' },
            { header: t('integrations.delivery.error'), cell: (d) => d.lastError ?? '' },
            {
              header: t('integrations.delivery.at'),
              cell: (d) => formatDateTime(d.createdAt, locale),
            },
          ]}
        />
      )}
      {deliveries.hasNextPage && (
        <Group>
          <Button
            size="xs"
            variant="light"
            loading={deliveries.isFetchingNextPage}
            onClick={() => void deliveries.fetchNextPage()}
          >
            {t('integrations.webhooks.more')}
          </Button>
        </Group>
      )}
    </Stack>
  );
}

const ownStatus = ['pending', 'sending', 'sent', 'failed', 'suppressed'] as const;
type DeliveryStatus = (typeof ownStatus)[number];
const isOwnStatus = (status: string): status is DeliveryStatus =>
  (ownStatus as readonly string[]).includes(status);

function Webhook({ endpoint }: { endpoint: WebhookEndpoint }) {
  const t = useT();
  const update = useUpdateWebhook();
  const remove = useDeleteWebhook();
  const [open, setOpen] = useState(false);
  return (
    <Section title={endpoint.url}>
      <Text size="sm">
        {endpoint.events.map((event) => t(`integrations.event.${event}`)).join(' · ')}
      </Text>
      <Text size="sm">
        {t('integrations.webhooks.pending')} : {endpoint.pending} ·{' '}
        {t('integrations.webhooks.failed')} : {endpoint.failed}
      </Text>
      <Group>
        <Switch
          label={t('integrations.webhooks.enabled')}
          checked={endpoint.enabled}
          onChange={(change) =>
            update.mutate({
              id: endpoint.id,
              body: {
                url: endpoint.url,
                events: endpoint.events,
                enabled: change.currentTarget.checked,
              },
            })
          }
        />
        <Button size="xs" variant="light" onClick={() => setOpen((was) => !was)}>
          {t('integrations.webhooks.showDeliveries')}
        </Button>
        <Button
          size="xs"
          color="red"
          variant="light"
          loading={remove.isPending}
          onClick={() => remove.mutate(endpoint.id)}
        >
          {t('integrations.webhooks.delete', { url: endpoint.url })}
        </Button>
      </Group>
      {open && <Deliveries endpoint={endpoint} />}
    </Section>
  );
}

export function IntegrationsPage() {
  const t = useT();
  usePageTitle(t('integrations.title'));
  const webhooks = useWebhooks();
  return (
    <Stack gap="md" maw={1100}>
      <Title order={1}>{t('integrations.title')}</Title>
      <Text size="sm">{t('integrations.intro')}</Text>
      <Title order={2} size="h3">
        {t('integrations.tokens')}
      </Title>
      <Section title={t('integrations.tokens.new')}>
        <NewToken />
      </Section>
      <Tokens />
      <Title order={2} size="h3">
        {t('integrations.webhooks')}
      </Title>
      <Section title={t('integrations.webhooks.new')}>
        <NewWebhook />
      </Section>
      <QueryState query={webhooks}>
        {(list) =>
          list.length === 0 ? (
            <Text size="sm">{t('integrations.webhooks.empty')}</Text>
          ) : (
            <Stack gap="md">
              {list.map((endpoint) => (
                <Webhook key={endpoint.id} endpoint={endpoint} />
              ))}
            </Stack>
          )
        }
      </QueryState>
    </Stack>
  );
}
