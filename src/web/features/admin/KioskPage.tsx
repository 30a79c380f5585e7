import {
  Badge,
  Button,
  Code,
  CopyButton,
  Group,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { kioskCreateSchema, type KioskLink } from '../../../contracts/kiosk.ts';
import { applyProblem } from '../../core/errors.ts';
import { validateWith } from '../../core/form-validation.ts';
import { formatDateTime } from '../../core/format.ts';
import { useLocale, useT } from '../../core/i18n/index.tsx';
import { ErrorAlert } from '../../core/ui/ErrorAlert.tsx';
import { QueryState } from '../../core/ui/QueryState.tsx';
import { ResponsiveTable } from '../../core/ui/ResponsiveTable.tsx';
import { Section } from '../../core/ui/Section.tsx';
import { usePageTitle } from '../../core/ui/usePageTitle.ts';
import { focusFirstError } from '../../core/validation.ts';
import { useCreateKioskLink, useKioskLinks, useRevokeKioskLink } from './kioskHooks.ts';

function LinkField({ url }: { url: string }) {
  const t = useT();
  return (
    <Group gap="xs" wrap="nowrap" align="flex-start">
      <Code style={{ flex: 1, overflowWrap: 'anywhere' }}>{url}</Code>
      <CopyButton value={url} timeout={2000}>
        {({ copied, copy }) => (
          <Button size="xs" variant="light" onClick={copy}>
            {copied ? t('common.copied') : t('common.copy')}
          </Button>
        )}
      </CopyButton>
    </Group>
  );
}

function CreateForm() {
  const t = useT();
  const create = useCreateKioskLink();
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm({
    initialValues: { label: '' },
    validate: validateWith(kioskCreateSchema, t),
  });
  const submit = form.onSubmit((values) => {
    setFormError(null);
    create.mutate(
      { label: values.label.trim() },
      {
        onSuccess: () => {
          form.reset();
          notifications.show({ color: 'green', message: t('kiosk.created') });
        },
        onError: (error) => {
          setFormError(applyProblem(form, error, t, ['label']));
          focusFirstError();
        },
      },
    );
  }, focusFirstError);
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <TextInput
          label={t('kiosk.label')}
          description={t('kiosk.labelHelp')}
          required
          maxLength={100}
          {...form.getInputProps('label')}
        />
        <ErrorAlert message={formError} />
        <Group>
          <Button type="submit" loading={create.isPending}>
            {t('kiosk.create')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function Status({ link }: { link: KioskLink }) {
  const t = useT();
  const [locale] = useLocale();
  if (link.revokedAt)
    return (
      <Badge color="gray" tt="none">
        {t('kiosk.revoked', { at: formatDateTime(link.revokedAt, locale) })}
      </Badge>
    );
  if (!link.url)
    return (
      <Badge color="gray" tt="none">
        {t('kiosk.expired')}
      </Badge>
    );
  return (
    <Badge color="green" tt="none">
      {t('kiosk.active', { until: formatDateTime(link.expiresAt, locale) })}
    </Badge>
  );
}

export function KioskPage() {
  const t = useT();
  usePageTitle(t('kiosk.title'));
  const links = useKioskLinks();
  const revoke = useRevokeKioskLink();
  return (
    <Stack gap="md" maw={960}>
      <Title order={1}>{t('kiosk.title')}</Title>
      <Text size="sm">{t('kiosk.intro')}</Text>
      <Section title={t('kiosk.create')}>
        <CreateForm />
      </Section>
      <Section title={t('kiosk.list')}>
        <QueryState query={links}>
          {(list) =>
            list.length === 0 ? (
              <Text size="sm">{t('kiosk.empty')}</Text>
            ) : (
              <ResponsiveTable
                items={list}
                label={t('kiosk.list')}
                rowKey={(link) => link.id}
                minWidth={720}
                columns={[
                  { header: t('kiosk.label'), title: true, cell: (link) => link.label },
                  { header: t('kiosk.status'), cell: (link) => <Status link={link} /> },
                  {
                    header: t('kiosk.link'),
                    cell: (link) => (link.url ? <LinkField url={link.url} /> : '—'),
                  },
                  { header: t('kiosk.createdBy'), cell: (link) => link.createdByName ?? '—' },
                  {
                    header: t('common.actions'),
                    cell: (link) =>
                      link.url && (
                        <Button
                          size="xs"
                          color="red"
                          variant="light"
                          loading={revoke.isPending && revoke.variables === link.id}
                          aria-label={t('kiosk.revokeNamed', { label: link.label })}
                          onClick={() =>
                            revoke.mutate(link.id, {
                              onSuccess: () =>
                                notifications.show({
                                  color: 'green',
                                  message: t('kiosk.revokedDone'),
                                }),
                            })
                          }
                        >
                          {t('kiosk.revoke')}
                        </Button>
                      ),
                  },
                ]}
              />
            )
          }
        </QueryState>
      </Section>
    </Stack>
  );
}
