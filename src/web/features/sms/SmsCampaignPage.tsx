import { Button, Grid, Group, SimpleGrid, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconCalendarEvent, IconSend, IconDeviceMobileMessage, IconX } from '@tabler/icons-react';
import { useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { problemCode } from '../../../contracts/field-problems.ts';
import {
  SMS_BODY_MAX,
  smsCampaignInputSchema,
  type SmsCampaign,
  type SmsCampaignInput,
} from '../../../contracts/sms.ts';
import { smsEstimate, withStopMention } from '../../../contracts/sms-text.ts';
import { ApiError } from '../../core/api.ts';
import { fieldErrorText, translateCode } from '../../core/errors.ts';
import { formatDateTime, formatNumber } from '../../core/format.ts';
import type { FormErrors } from '../../core/form-validation.ts';
import { useLocale, useT, type MessageKey, type Translate } from '../../core/i18n/index.tsx';
import { AppModal } from '../../core/ui/AppModal.tsx';
import { ConfirmAction } from '../../core/ui/ConfirmAction.tsx';
import { ErrorAlert } from '../../core/ui/ErrorAlert.tsx';
import { ModalFooter } from '../../core/ui/ModalFooter.tsx';
import { QueryState } from '../../core/ui/QueryState.tsx';
import { Section } from '../../core/ui/Section.tsx';
import { SectionLayout } from '../../core/ui/SectionLayout.tsx';
import { focusFirstError } from '../../core/validation.ts';
import { zonedToIso } from '../../core/zoned-time.ts';
import { keyedErrorText } from '../calling/callingErrors.ts';
import { DateTimeField } from '../calling/DateTimeField.tsx';
import { SegmentSelect } from '../calling/SegmentSelect.tsx';
import {
  useCancelSms,
  useSaveSmsCampaign,
  useScheduleSms,
  useSmsCampaign,
  useSmsReach,
  useTestSms,
} from './hooks.ts';
import { CaughtSms, SmsStatusBadge } from './SmsListPage.tsx';
import { SmsReplies } from './SmsReplies.tsx';

const problemKeys: Record<string, MessageKey> = {
  sms_not_editable: 'sms.error.sms_not_editable',
  sms_not_draft: 'sms.error.sms_not_draft',
  sms_not_cancelable: 'sms.error.sms_not_cancelable',
  in_the_past: 'sms.error.in_the_past',
  no_mobile: 'sms.error.no_mobile',
  not_found: 'sms.error.not_found',
};
const smsErrorText = (error: unknown, t: Translate) => keyedErrorText(problemKeys, error, t);

type Values = { name: string; sender: string; body: string; segmentId: string | null };
const FIELDS = ['name', 'sender', 'body', 'segmentId'];

const request = (values: Values): SmsCampaignInput => ({
  name: values.name.trim(),
  sender: values.sender.trim(),
  body: values.body,
  segmentId: values.segmentId ? Number(values.segmentId) : null,
});

const codeText = (code: string, t: Translate) =>
  code === 'invalid_sender'
    ? t('sms.error.invalid_sender')
    : code === 'required'
      ? t('error.required')
      : translateCode(code, t);

function validation(t: Translate) {
  return (values: Values): FormErrors => {
    const errors: FormErrors = {};
    const result = smsCampaignInputSchema.safeParse(request(values));
    if (!result.success) {
      for (const issue of result.error.issues) {
        errors[issue.path.map(String).join('.')] ??= codeText(problemCode(issue), t);
      }
    }
    return errors;
  };
}

const euros = (value: number, locale: string, digits: number) =>
  new Intl.NumberFormat(locale, {
    style: 'currency',
    currency: 'EUR',
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  }).format(value);

/** What the text will be, live: encoding, segments, the STOP mention; reach and cost. */
function LengthAndCost({ body, segmentId }: { body: string; segmentId: number | null }) {
  const t = useT();
  const [locale] = useLocale();
  const reach = useSmsReach({ body: body.slice(0, SMS_BODY_MAX), segmentId });
  const stopNumber = reach.data?.stopNumber ?? '36111';
  const estimate = smsEstimate(body, stopNumber);
  const price = reach.data?.pricePerSegment ?? 0;
  const recipients = reach.data?.recipients ?? 0;
  const cost = Math.round(estimate.segments * recipients * price * 100) / 100;
  const row = (label: string, value: string, testId: string) => (
    <Group justify="space-between" gap="xs" wrap="nowrap">
      <Text size="sm" c="dimmed">
        {label}
      </Text>
      <Text size="sm" fw={500} data-testid={testId}>
        {value}
      </Text>
    </Group>
  );
  return (
    <Section title={t('sms.length.title')}>
      {row(t('sms.length.encoding'), estimate.encoding, 'sms-encoding')}
      {row(t('sms.length.segments'), formatNumber(estimate.segments, locale), 'sms-segments')}
      {row(
        t('sms.length.units'),
        t('sms.length.unitsValue', { units: estimate.units, remaining: estimate.remaining }),
        'sms-units',
      )}
      {row(
        t('sms.length.recipients'),
        reach.data ? formatNumber(recipients, locale) : '…',
        'sms-recipients',
      )}
      {row(
        t('sms.length.cost'),
        reach.data
          ? t('sms.length.costValue', {
              cost: euros(cost, locale, 2),
              segments: estimate.segments,
              recipients: formatNumber(recipients, locale),
              price: euros(price, locale, 3),
            })
          : '…',
        'sms-cost',
      )}
      <Text size="sm" c="dimmed">
        {t('sms.length.sent')}
      </Text>
      <Text
        size="sm"
        p="xs"
        bg="var(--mantine-color-gray-light)"
        style={{ whiteSpace: 'pre-wrap', borderRadius: 8 }}
        data-testid="sms-text"
      >
        {withStopMention(body, stopNumber)}
      </Text>
      {estimate.encoding === 'UCS-2' && (
        <Text size="sm" c="orange">
          {t('sms.length.ucs2')}
        </Text>
      )}
      <Text size="xs" c="dimmed">
        {t('sms.length.allowance')}
      </Text>
    </Section>
  );
}

/** A text campaign's message and audience, saved as a draft, beside its live length and cost. */
function SmsForm({ campaign }: { campaign: SmsCampaign | null }) {
  const t = useT();
  const navigate = useNavigate();
  const save = useSaveSmsCampaign();
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<Values>({
    initialValues: campaign
      ? {
          name: campaign.name,
          sender: campaign.sender,
          body: campaign.body,
          segmentId: campaign.segmentId === null ? null : String(campaign.segmentId),
        }
      : { name: '', sender: '', body: '', segmentId: null },
    validate: validation(t),
  });
  const submit = form.onSubmit((values) => {
    setFormError(null);
    save.mutate(
      { id: campaign?.id ?? null, body: request(values) },
      {
        onSuccess: (saved) => {
          notifications.show({ color: 'green', message: t('sms.form.saved') });
          if (!campaign) void navigate(`/hq/sms/${saved.id}`);
        },
        onError: (error) => {
          if (error instanceof ApiError && error.errors.length > 0) {
            const rest = error.errors.filter((problem) => !FIELDS.includes(problem.field));
            for (const problem of error.errors) {
              if (!rest.includes(problem)) {
                form.setFieldError(
                  problem.field,
                  problem.code === 'invalid_sender'
                    ? t('sms.error.invalid_sender')
                    : fieldErrorText(problem, t),
                );
              }
            }
            setFormError(rest.length > 0 ? smsErrorText(error, t) : null);
          } else setFormError(smsErrorText(error, t));
          focusFirstError();
        },
      },
    );
  }, focusFirstError);
  return (
    <Grid gutter="md">
      <Grid.Col span={{ base: 12, md: 7 }}>
        <form onSubmit={submit} noValidate>
          <Stack gap="md">
            <Section title={t('sms.form.general')}>
              <TextInput
                label={t('sms.form.name')}
                description={t('sms.form.nameHelp')}
                required
                maxLength={120}
                autoComplete="off"
                {...form.getInputProps('name')}
              />
              <TextInput
                label={t('sms.form.sender')}
                description={t('sms.form.senderHelp')}
                required
                maxLength={11}
                autoComplete="off"
                {...form.getInputProps('sender')}
              />
              <SegmentSelect
                label={t('sms.form.segment')}
                description={t('sms.form.segmentHelp')}
                placeholder={t('sms.form.everyone')}
                required={false}
                clearable
                {...form.getInputProps('segmentId')}
              />
              <Textarea
                label={t('sms.form.body')}
                description={t('sms.form.bodyHelp')}
                required
                autosize
                minRows={4}
                maxRows={12}
                maxLength={SMS_BODY_MAX}
                {...form.getInputProps('body')}
              />
            </Section>
            <ErrorAlert message={formError} />
            <Group>
              <Button type="submit" loading={save.isPending}>
                {t('sms.form.save')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Grid.Col>
      <Grid.Col span={{ base: 12, md: 5 }}>
        <LengthAndCost
          body={form.values.body}
          segmentId={form.values.segmentId ? Number(form.values.segmentId) : null}
        />
      </Grid.Col>
    </Grid>
  );
}

/** Test to oneself, send now (asked first), schedule, stop (asked first). */
function SmsControls({ campaign }: { campaign: SmsCampaign }) {
  const t = useT();
  const [locale] = useLocale();
  const test = useTestSms();
  const schedule = useScheduleSms();
  const cancel = useCancelSms();
  const [asking, setAsking] = useState<'sendNow' | 'schedule' | 'cancel' | null>(null);
  const [moment, setMoment] = useState('');
  const [scheduleError, setScheduleError] = useState<string | null>(null);
  const { id, status } = campaign;
  const editable = status === 'draft' || status === 'scheduled';
  const close = () => {
    setAsking(null);
    setScheduleError(null);
  };
  const confirmSchedule = () => {
    const at = moment.trim() ? zonedToIso(moment) : null;
    if (!at) {
      setScheduleError(t('error.required'));
      return;
    }
    schedule.mutate(
      { id, at },
      {
        onSuccess: (saved) => {
          notifications.show({
            color: 'green',
            message: t('sms.control.scheduled', {
              date: formatDateTime(saved.scheduledAt, locale),
            }),
          });
          close();
        },
        onError: (failure) => setScheduleError(smsErrorText(failure, t)),
      },
    );
  };
  return (
    <Group gap="xs">
      <Button
        variant="light"
        leftSection={<IconDeviceMobileMessage size={18} aria-hidden />}
        loading={test.isPending}
        onClick={() =>
          test.mutate(id, {
            onSuccess: ({ to }) =>
              notifications.show({ color: 'green', message: t('sms.control.testSent', { to }) }),
            onError: (failure) =>
              notifications.show({ color: 'red', message: smsErrorText(failure, t) }),
          })
        }
      >
        {t('sms.control.test')}
      </Button>
      {editable && (
        <>
          <Button
            variant="light"
            leftSection={<IconCalendarEvent size={18} aria-hidden />}
            onClick={() => setAsking('schedule')}
          >
            {t('sms.control.schedule')}
          </Button>
          <Button
            leftSection={<IconSend size={18} aria-hidden />}
            onClick={() => setAsking('sendNow')}
          >
            {t('sms.control.sendNow')}
          </Button>
        </>
      )}
      {(status === 'scheduled' || status === 'sending') && (
        <Button
          variant="light"
          color="red"
          leftSection={<IconX size={18} aria-hidden />}
          onClick={() => setAsking('cancel')}
        >
          {t('sms.control.cancel')}
        </Button>
      )}
      <ConfirmAction
        opened={asking === 'sendNow'}
        title={t('sms.control.sendNowTitle')}
        confirmLabel={t('sms.control.sendNow')}
        onClose={close}
        onConfirm={() => schedule.mutateAsync({ id, at: null })}
        loading={schedule.isPending}
        errorText={smsErrorText}
      >
        {t('sms.control.sendNowText')}
      </ConfirmAction>
      <ConfirmAction
        opened={asking === 'cancel'}
        title={t('sms.control.cancelTitle')}
        confirmLabel={t('sms.control.cancel')}
        color="red"
        onClose={close}
        onConfirm={() => cancel.mutateAsync(id)}
        loading={cancel.isPending}
        errorText={smsErrorText}
      >
        {t('sms.control.cancelText')}
      </ConfirmAction>
      <AppModal opened={asking === 'schedule'} onClose={close} title={t('sms.control.schedule')}>
        <Stack gap="md">
          <DateTimeField
            label={t('sms.control.scheduleAt')}
            value={moment}
            onChange={setMoment}
            error={scheduleError}
          />
          <ModalFooter
            error={null}
            onCancel={close}
            confirmLabel={t('sms.control.scheduleConfirm')}
            loading={schedule.isPending}
            onConfirm={confirmSchedule}
          />
        </Stack>
      </AppModal>
    </Group>
  );
}

/** Sent, delivered, failed, STOP… of a campaign whose send started. */
function SmsCounts({ campaign }: { campaign: SmsCampaign }) {
  const t = useT();
  const [locale] = useLocale();
  const keys = [
    'recipients',
    'pending',
    'sent',
    'delivered',
    'suppressed',
    'failed',
    'stops',
  ] as const;
  return (
    <Section title={t('sms.counts.title')}>
      <SimpleGrid cols={{ base: 2, sm: 4, lg: 7 }}>
        {keys.map((key) => (
          <Stack key={key} gap={0}>
            <Text size="xs" c="dimmed">
              {t(`sms.counts.${key}`)}
            </Text>
            <Text fw={600} data-testid={`sms-count-${key}`}>
              {formatNumber(campaign.counts[key], locale)}
            </Text>
          </Stack>
        ))}
      </SimpleGrid>
    </Section>
  );
}

export function NewSmsCampaignPage() {
  const t = useT();
  return (
    <SectionLayout section="sms.nav" title={t('sms.new.title')}>
      <SmsForm campaign={null} />
    </SectionLayout>
  );
}

export function SmsCampaignPage() {
  const t = useT();
  const id = Number(useParams().id);
  const campaign = useSmsCampaign(id);
  return (
    <QueryState query={campaign}>
      {(loaded) => (
        <SectionLayout
          section="sms.nav"
          title={t('sms.edit.title', { name: loaded.name })}
          actions={<SmsStatusBadge status={loaded.status} />}
        >
          <Stack gap="md">
            <SmsControls campaign={loaded} />
            {loaded.startedAt !== null && <SmsCounts campaign={loaded} />}
            {loaded.startedAt !== null && <SmsReplies smsCampaignId={loaded.id} />}
            {(loaded.status === 'draft' || loaded.status === 'scheduled') && (
              <SmsForm key={loaded.updatedAt} campaign={loaded} />
            )}
            <CaughtSms />
          </Stack>
        </SectionLayout>
      )}
    </QueryState>
  );
}
