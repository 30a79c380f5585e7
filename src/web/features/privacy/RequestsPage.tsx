import {
  Alert,
  Anchor,
  Button,
  Checkbox,
  Group,
  NumberInput,
  Select,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import {
  requestInputSchema,
  requestKinds,
  requestStatusSchema,
  type PrivacyRequestEntry,
  type RequestKind,
  type RequestListFilter,
  type RequestStatus,
} from '../../../contracts/privacy.ts';
import { formatDayWithYear } from '../../core/format.ts';
import { applyProblem } from '../../core/errors.ts';
import { validateWith } from '../../core/form-validation.ts';
import { useLocale, useT } from '../../core/i18n/index.tsx';
import { AppModal } from '../../core/ui/AppModal.tsx';
import { DayInput } from '../../core/ui/DayInput.tsx';
import { ErrorAlert } from '../../core/ui/ErrorAlert.tsx';
import { QueryState } from '../../core/ui/QueryState.tsx';
import { ResponsiveTable } from '../../core/ui/ResponsiveTable.tsx';
import { usePageTitle } from '../../core/ui/usePageTitle.ts';
import { focusFirstError } from '../../core/validation.ts';
import { useCreateRequest, useRequests } from './hooks.ts';
import { channelKey, kindKey, statusKey } from './labels.ts';
import { UrgencyBadge } from './UrgencyBadge.tsx';

interface RequestFormValues {
  kind: RequestKind;
  receivedOn: string;
  channel: 'post' | 'email';
  reference: string;
  personId: number | string;
  note: string;
}

const toRequest = (v: RequestFormValues) => ({
  ...v,
  personId: typeof v.personId === 'number' ? v.personId : null,
  note: v.note || null,
});

const today = () => new Date().toLocaleDateString('sv-SE');

function NewRequestForm({ onDone }: { onDone: (id: number) => void }) {
  const t = useT();
  const create = useCreateRequest();
  const [search] = useSearchParams();
  const [formError, setFormError] = useState<string | null>(null);
  const linked = Number(search.get('personId'));
  const form = useForm<RequestFormValues>({
    initialValues: {
      kind: 'access',
      receivedOn: today(),
      channel: 'post',
      reference: '',
      personId: Number.isInteger(linked) && linked > 0 ? linked : '',
      note: '',
    },
    validate: validateWith(requestInputSchema, t, toRequest),
  });
  const submit = form.onSubmit((values) => {
    setFormError(null);
    create.mutate(toRequest(values), {
      onSuccess: (request) => {
        notifications.show({ color: 'green', message: t('privacy.request.saved') });
        onDone(request.id);
      },
      onError: (error) => {
        setFormError(
          applyProblem(form, error, t, [
            'kind',
            'receivedOn',
            'channel',
            'reference',
            'personId',
            'note',
          ]),
        );
        focusFirstError();
      },
    });
  }, focusFirstError);
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <Select
          label={t('privacy.field.kind')}
          allowDeselect={false}
          data={requestKinds.map((k) => ({ value: k, label: t(kindKey(k)) }))}
          {...form.getInputProps('kind')}
        />
        <DayInput
          label={t('privacy.field.receivedOn')}
          value={form.values.receivedOn}
          onChange={(day) => form.setFieldValue('receivedOn', day)}
          error={form.errors.receivedOn}
        />
        <Select
          label={t('privacy.field.channel')}
          allowDeselect={false}
          data={(['post', 'email'] as const).map((c) => ({ value: c, label: t(channelKey(c)) }))}
          {...form.getInputProps('channel')}
        />
        <TextInput
          label={t('privacy.field.reference')}
          description={t('privacy.field.referenceHint')}
          required
          maxLength={100}
          {...form.getInputProps('reference')}
        />
        <NumberInput
          label={t('privacy.field.personId')}
          description={t('privacy.field.personIdHint')}
          min={1}
          allowDecimal={false}
          allowNegative={false}
          {...form.getInputProps('personId')}
        />
        <Textarea
          label={t('privacy.field.note')}
          maxLength={500}
          autosize
          minRows={2}
          {...form.getInputProps('note')}
        />
        <ErrorAlert message={formError} />
        <Group justify="flex-end">
          <Button type="submit" loading={create.isPending}>
            {t('privacy.requests.new')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** The filters, kept in the page's address so a filtered list can be shared and reloaded. */
type Filters = Partial<RequestListFilter>;

function useFilters(): [Filters, (next: Filters) => void] {
  const [search, setSearch] = useSearchParams();
  const status = search.get('status');
  const kind = search.get('kind');
  const query: Filters = {
    status: requestStatusSchema.options.includes(status as RequestStatus)
      ? (status as RequestStatus)
      : undefined,
    kind: requestKinds.includes(kind as RequestKind) ? (kind as RequestKind) : undefined,
    overdue: search.get('overdue') === 'true' || undefined,
  };
  const set = (next: Filters) => {
    const params: Record<string, string> = {};
    for (const [key, value] of Object.entries(next)) if (value) params[key] = String(value);
    setSearch(params);
  };
  return [query, set];
}

export function RequestsPage() {
  const t = useT();
  const [locale] = useLocale();
  const navigate = useNavigate();
  usePageTitle(t('privacy.requests.title'));
  const [query, setQuery] = useFilters();
  const requests = useRequests(query);
  const [adding, setAdding] = useState(new URLSearchParams(location.search).has('personId'));
  const all = t('privacy.filter.all');

  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Title order={1}>{t('privacy.requests.title')}</Title>
        <Button onClick={() => setAdding(true)}>{t('privacy.requests.new')}</Button>
      </Group>
      <Text size="sm" c="dimmed">
        {t('privacy.requests.intro')}
      </Text>
      <Group gap="sm" align="flex-end">
        <Select
          label={t('privacy.filter.status')}
          data={[
            { value: '', label: all },
            ...requestStatusSchema.options.map((s) => ({ value: s, label: t(statusKey(s)) })),
          ]}
          value={query.status ?? ''}
          onChange={(v) => setQuery({ ...query, status: (v || undefined) as RequestStatus })}
          allowDeselect={false}
        />
        <Select
          label={t('privacy.filter.kind')}
          data={[
            { value: '', label: all },
            ...requestKinds.map((k) => ({ value: k, label: t(kindKey(k)) })),
          ]}
          value={query.kind ?? ''}
          onChange={(v) => setQuery({ ...query, kind: (v || undefined) as RequestKind })}
          allowDeselect={false}
        />
        <Checkbox
          mb={8}
          label={t('privacy.filter.overdue')}
          checked={query.overdue === true}
          onChange={(e) => setQuery({ ...query, overdue: e.currentTarget.checked || undefined })}
        />
      </Group>
      <QueryState query={requests}>
        {(data) => (
          <Stack gap="sm">
            {data.overdue > 0 && (
              <Alert color="red" role="status">
                {t('privacy.requests.overdueCount', { count: data.overdue })}
              </Alert>
            )}
            {data.dueSoon > 0 && (
              <Alert color="orange" role="status">
                {t('privacy.requests.dueSoonCount', { count: data.dueSoon })}
              </Alert>
            )}
            {data.items.length === 0 ? (
              <Text>{t('privacy.requests.empty')}</Text>
            ) : (
              <ResponsiveTable<PrivacyRequestEntry>
                items={data.items}
                label={t('privacy.requests.title')}
                rowKey={(r) => r.id}
                minWidth={760}
                columns={[
                  {
                    header: t('privacy.field.reference'),
                    title: true,
                    cell: (r) => (
                      <Anchor component={Link} to={`/hq/privacy/requests/${r.id}`}>
                        {r.reference}
                      </Anchor>
                    ),
                  },
                  { header: t('privacy.field.kind'), cell: (r) => t(kindKey(r.kind)) },
                  {
                    header: t('privacy.field.receivedOn'),
                    nowrap: true,
                    cell: (r) => formatDayWithYear(r.receivedOn, locale),
                  },
                  {
                    header: t('privacy.field.deadline'),
                    nowrap: true,
                    cell: (r) => (
                      <Stack gap={2}>
                        <Text
                          size="sm"
                          fw={r.overdue ? 700 : undefined}
                          c={r.overdue ? 'red' : undefined}
                        >
                          {formatDayWithYear(r.deadline, locale)}
                        </Text>
                        <UrgencyBadge request={r} />
                      </Stack>
                    ),
                  },
                  { header: t('privacy.field.status'), cell: (r) => t(statusKey(r.status)) },
                  {
                    header: t('privacy.field.person'),
                    cell: (r) => r.person?.name ?? t('privacy.noPerson'),
                  },
                ]}
              />
            )}
          </Stack>
        )}
      </QueryState>
      <AppModal
        opened={adding}
        onClose={() => setAdding(false)}
        title={t('privacy.requests.new')}
        centered
      >
        <NewRequestForm onDone={(id) => void navigate(`/hq/privacy/requests/${id}`)} />
      </AppModal>
    </Stack>
  );
}
