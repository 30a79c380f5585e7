import {
  Button,
  Checkbox,
  Group,
  NumberInput,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconRefresh } from '@tabler/icons-react';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import {
  CALL_TO_ACTION_BODY_MAX,
  callToActionInputSchema,
  type AreaNeed,
  type CallActionRef,
  type CallAudiencePreview,
} from '../../../contracts/calls-to-action.ts';
import { formatDateTime, formatNumber } from '../../core/format.ts';
import { validateWith } from '../../core/form-validation.ts';
import { useLocale, useT } from '../../core/i18n/index.tsx';
import { ConfirmAction } from '../../core/ui/ConfirmAction.tsx';
import { ErrorAlert } from '../../core/ui/ErrorAlert.tsx';
import { QueryState } from '../../core/ui/QueryState.tsx';
import { ResponsiveTable } from '../../core/ui/ResponsiveTable.tsx';
import { SectionLayout } from '../../core/ui/SectionLayout.tsx';
import { useSession } from '../../core/session.tsx';
import { useNow } from '../../core/ui/useNow.ts';
import { useAreaNeeds, usePreviewAudience, useRefreshNeeds, useSendCallToAction } from './hooks.ts';
import { callErrorText, kindKeys } from './labels.ts';

interface CallValues {
  areas: string[];
  /** `kind:id` of each action ticked. */
  actions: string[];
  distanceKm: number | string;
  subject: string;
  body: string;
}

const refOf = (key: string): CallActionRef => {
  const [kind, id] = key.split(':');
  return { kind: kind as CallActionRef['kind'], id: Number(id) };
};

const requestOf = (values: CallValues) => ({
  areas: values.areas,
  actions: values.actions.map(refOf),
  distanceKm: Number(values.distanceKm),
  subject: values.subject,
  body: values.body,
});

function CallForm({ needs }: { needs: AreaNeed[] }) {
  const t = useT();
  const [locale] = useLocale();
  const navigate = useNavigate();
  const preview = usePreviewAudience();
  const send = useSendCallToAction();
  const [counted, setCounted] = useState<CallAudiencePreview | null>(null);
  const [confirming, setConfirming] = useState(false);
  const form = useForm<CallValues>({
    initialValues: { areas: [], actions: [], distanceKm: 10, subject: '', body: '' },
    validate: validateWith(callToActionInputSchema, t, requestOf),
    onValuesChange: () => setCounted(null),
  });
  const chosen = needs.filter((area) => form.values.areas.includes(area.communeCode));
  const offered = chosen.flatMap((area) => area.needs);
  const n = (value: number) => formatNumber(value, locale);

  const toggleArea = (code: string, checked: boolean) => {
    const areas = checked
      ? [...form.values.areas, code]
      : form.values.areas.filter((area) => area !== code);
    const still = new Set(
      needs
        .filter((area) => areas.includes(area.communeCode))
        .flatMap((area) => area.needs.map((need) => `${need.kind}:${need.id}`)),
    );
    form.setValues({ areas, actions: form.values.actions.filter((key) => still.has(key)) });
  };

  const count = () =>
    preview.mutate(
      { areas: form.values.areas, distanceKm: Number(form.values.distanceKm) },
      { onSuccess: setCounted },
    );

  return (
    <form
      onSubmit={form.onSubmit(() => {
        count();
        setConfirming(true);
      })}
      noValidate
    >
      <Stack>
        <ResponsiveTable
          label={t('callsToAction.needs.title')}
          items={needs}
          rowKey={(area) => area.communeCode}
          columns={[
            {
              header: t('callsToAction.needs.commune'),
              title: true,
              cell: (area) => (
                <Checkbox
                  label={`${area.communeName} (${area.communeCode})`}
                  checked={form.values.areas.includes(area.communeCode)}
                  onChange={(event) => toggleArea(area.communeCode, event.currentTarget.checked)}
                />
              ),
            },
            {
              header: t('callsToAction.needs.turfs'),
              numeric: true,
              cell: (area) => n(area.turfsUnassigned),
            },
            {
              header: t('callsToAction.needs.shiftHours'),
              numeric: true,
              cell: (area) => n(area.shiftHoursUnfilled),
            },
            {
              header: t('callsToAction.needs.events'),
              numeric: true,
              cell: (area) => n(area.eventsShort),
            },
            {
              header: t('callsToAction.needs.missing'),
              numeric: true,
              cell: (area) => n(area.missing),
            },
          ]}
        />
        {form.errors.areas && <ErrorAlert message={t('callsToAction.form.areasHint')} />}
        <Checkbox.Group
          label={t('callsToAction.form.actions')}
          description={t('callsToAction.form.actionsHint')}
          error={form.errors.actions}
          {...form.getInputProps('actions')}
        >
          <Stack gap="xs" mt="xs">
            {offered.map((need) => (
              <Checkbox
                key={`${need.kind}:${need.id}`}
                value={`${need.kind}:${need.id}`}
                label={[
                  need.title,
                  t(kindKeys[need.kind]),
                  need.startsAt ? formatDateTime(need.startsAt, locale) : null,
                ]
                  .filter(Boolean)
                  .join(' · ')}
              />
            ))}
          </Stack>
        </Checkbox.Group>
        <NumberInput
          label={t('callsToAction.form.distance')}
          min={0}
          max={100}
          allowDecimal={false}
          w={220}
          {...form.getInputProps('distanceKm')}
        />
        <TextInput
          label={t('callsToAction.form.subject')}
          required
          maxLength={200}
          {...form.getInputProps('subject')}
        />
        <Textarea
          label={t('callsToAction.form.body')}
          description={t('callsToAction.form.bodyHint')}
          required
          autosize
          minRows={6}
          maxLength={CALL_TO_ACTION_BODY_MAX}
          {...form.getInputProps('body')}
        />
        <Group>
          <Button
            variant="default"
            onClick={count}
            loading={preview.isPending}
            disabled={form.values.areas.length === 0}
          >
            {t('callsToAction.form.preview')}
          </Button>
          <Button type="submit">{t('callsToAction.form.send')}</Button>
        </Group>
        <div aria-live="polite">
          {counted && (
            <Text size="sm" data-testid="call-audience">
              {t('callsToAction.form.previewResult', {
                recipients: counted.recipients,
                communes: counted.communes,
                notReachable: n(counted.notReachable),
              })}
            </Text>
          )}
        </div>
        <ErrorAlert message={preview.error ? callErrorText(preview.error, t) : null} />
      </Stack>
      <ConfirmAction
        opened={confirming && counted !== null}
        title={t('callsToAction.form.title')}
        confirmLabel={t('callsToAction.form.send')}
        loading={send.isPending}
        errorText={callErrorText}
        onClose={() => setConfirming(false)}
        onConfirm={async () => {
          const sent = await send.mutateAsync(requestOf(form.values));
          notifications.show({ color: 'teal', message: t('callsToAction.form.sent') });
          await navigate(`/hq/calls-to-action/${sent.id}`);
        }}
      >
        {t('callsToAction.form.confirm', { recipients: counted?.recipients ?? 0 })}
      </ConfirmAction>
    </form>
  );
}

/** How long ago the open actions were copied, counted on each second. */
function CopyAge({ at }: { at: string }) {
  const t = useT();
  const now = useNow(1000);
  // The browser's clock may run a little behind the server's.
  const seconds = Math.max(0, Math.floor((now - Date.parse(at)) / 1000));
  return (
    <Text size="sm" c="dimmed" data-testid="needs-freshness">
      {seconds < 60
        ? t('callsToAction.needs.freshSeconds', { seconds })
        : t('callsToAction.needs.freshMinutes', { minutes: Math.floor(seconds / 60) })}
    </Text>
  );
}

/**
 * Staff who may copy mobilisation's open actions (`field.manage`) update the needs list at
 * once: otherwise it uses a copy up to 30 s old, the periodic one up to 5 minutes.
 */
function RefreshNeeds() {
  const t = useT();
  const refresh = useRefreshNeeds();
  return (
    <Stack gap={4} align="flex-end">
      <Button
        variant="default"
        leftSection={<IconRefresh size={18} aria-hidden />}
        loading={refresh.isPending}
        onClick={() => refresh.mutate()}
      >
        {t('callsToAction.needs.refresh')}
      </Button>
      {/* Not a live region: it changes every second. */}
      {refresh.data && <CopyAge at={refresh.data.refreshedAt} />}
      <ErrorAlert message={refresh.error ? callErrorText(refresh.error, t) : null} />
    </Stack>
  );
}

/** A new call: the areas short of volunteers, the actions to offer, the distance and the text. */
export function NewCallToActionPage() {
  const t = useT();
  const { can } = useSession();
  const needs = useAreaNeeds();
  return (
    <SectionLayout
      section="callsToAction.nav"
      title={t('callsToAction.form.title')}
      intro={t('callsToAction.needs.intro')}
    >
      <Group justify="space-between" align="flex-start" mb="sm">
        <Title order={2} size="h4">
          {t('callsToAction.needs.title')}
        </Title>
        {can('field.manage') && <RefreshNeeds />}
      </Group>
      <QueryState query={needs}>
        {(areas) =>
          areas.length === 0 ? (
            <Text size="sm">{t('callsToAction.needs.empty')}</Text>
          ) : (
            <CallForm needs={areas} />
          )
        }
      </QueryState>
    </SectionLayout>
  );
}
