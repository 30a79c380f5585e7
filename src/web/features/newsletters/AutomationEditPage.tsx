import {
  Alert,
  Box,
  Button,
  Grid,
  Group,
  NumberInput,
  Select,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import {
  IconMailForward,
  IconPlayerPause,
  IconPlayerPlay,
  IconPlus,
  IconTrash,
} from '@tabler/icons-react';
import { useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { NEWSLETTER_BODY_MAX } from '../../../contracts/newsletters.ts';
import {
  AUTOMATION_STEPS_MAX,
  automationInputSchema,
  automationTriggers,
  type Automation,
  type AutomationInput,
  type AutomationStepCounts,
  type AutomationTrigger,
} from '../../../contracts/newsletters-automations.ts';
import { formatNumber } from '../../core/format.ts';
import { validateWith } from '../../core/form-validation.ts';
import { useLocale, useT, type MessageKey } from '../../core/i18n/index.tsx';
import { ErrorAlert } from '../../core/ui/ErrorAlert.tsx';
import { QueryState } from '../../core/ui/QueryState.tsx';
import { Section } from '../../core/ui/Section.tsx';
import { focusFirstError } from '../../core/validation.ts';
import { Figures } from '../calling/Figures.tsx';
import { keyedErrorText } from '../calling/callingErrors.ts';
import {
  useAutomation,
  useSaveAutomation,
  useSetAutomationStatus,
  useTestAutomationStep,
} from './automation-hooks.ts';
import { automationTriggerKeys } from './automation-labels.ts';
import { previewInput, previewTooLong } from './newsletter-form.ts';
import { newsletterErrorText } from './newsletterErrors.ts';
import { NewsletterPreview } from './NewsletterPreview.tsx';
import { NewslettersLayout } from './NewslettersLayout.tsx';

/** The editor and its preview side by side, as the newsletter editor: wider than other pages. */
const EDITOR_WIDTH = 1400;

interface StepValues {
  key: string;
  id?: number;
  delayDays: number | string;
  subject: string;
  preheader: string;
  body: string;
}
interface AutomationValues {
  name: string;
  trigger: AutomationTrigger;
  steps: StepValues[];
}

let nextKey = 0;
const newStep = (delayDays: number): StepValues => ({
  key: `new-${nextKey++}`,
  delayDays,
  subject: '',
  preheader: '',
  body: '',
});

const valuesOf = (automation: Automation | null): AutomationValues =>
  automation
    ? {
        name: automation.name,
        trigger: automation.trigger,
        steps: automation.steps.map((step) => ({
          key: String(step.id),
          id: step.id,
          delayDays: step.delayDays,
          subject: step.subject,
          preheader: step.preheader,
          body: step.body,
        })),
      }
    : { name: '', trigger: 'signup_confirmed', steps: [newStep(0)] };

const requestOf = (values: AutomationValues, status: Automation['status']): AutomationInput => ({
  name: values.name.trim(),
  trigger: values.trigger,
  status,
  steps: values.steps.map((step) => ({
    ...(step.id === undefined ? {} : { id: step.id }),
    delayDays: step.delayDays === '' ? Number.NaN : Number(step.delayDays),
    subject: step.subject.trim(),
    preheader: step.preheader.trim(),
    body: step.body,
  })),
});

const counted: Array<{ key: keyof AutomationStepCounts; label: MessageKey }> = [
  { key: 'queued', label: 'newsletters.automations.counts.queued' },
  { key: 'pending', label: 'newsletters.automations.counts.pending' },
  { key: 'sent', label: 'newsletters.automations.counts.sent' },
  { key: 'suppressed', label: 'newsletters.automations.counts.suppressed' },
  { key: 'failed', label: 'newsletters.automations.counts.failed' },
  { key: 'unsubscribed', label: 'newsletters.automations.counts.unsubscribed' },
];

/** Whether a step's text differs from the one saved (its test sends the saved text). */
const textChanged = (step: StepValues, saved: Automation['steps'][number]) =>
  saved.subject !== step.subject.trim() ||
  saved.preheader !== step.preheader.trim() ||
  saved.body !== step.body.trim();

/**
 * An automation's trigger and steps, beside the live preview of the step being edited (below
 * the form on a phone); for a saved one, each step's counts and test, and its pause.
 */
function AutomationForm({ automation }: { automation: Automation | null }) {
  const t = useT();
  const [locale] = useLocale();
  const navigate = useNavigate();
  const save = useSaveAutomation();
  const setStatus = useSetAutomationStatus();
  const test = useTestAutomationStep();
  const [formError, setFormError] = useState<string | null>(null);
  /** The step the preview shows: the one last focused, or chosen above the preview. */
  const [shownKey, setShownKey] = useState<string | null>(null);
  const status = automation?.status ?? 'active';
  const form = useForm<AutomationValues>({
    initialValues: valuesOf(automation),
    validate: (values) => {
      const errors = validateWith<AutomationValues>(automationInputSchema, t, (v) =>
        requestOf(v, status),
      )(values);
      values.steps.forEach((step, i) => {
        const before = values.steps[i - 1];
        if (before && Number(step.delayDays) < Number(before.delayDays))
          errors[`steps.${i}.delayDays`] ??= t('newsletters.automations.error.order');
      });
      delete errors.steps;
      return errors;
    },
  });
  const submit = form.onSubmit((values) => {
    setFormError(null);
    save.mutate(
      { id: automation?.id ?? null, body: requestOf(values, status) },
      {
        onSuccess: (saved) => {
          notifications.show({ color: 'green', message: t('newsletters.automations.saved') });
          // A new step's key becomes its id: the preview stays on the same step.
          const shownAt = values.steps.findIndex((step) => step.key === shownKey);
          const next = valuesOf(saved);
          setShownKey(next.steps[shownAt]?.key ?? null);
          form.setValues(next);
          form.resetDirty(next);
          if (!automation) void navigate(`/hq/newsletters/automations/${saved.id}`);
        },
        onError: (error) => {
          setFormError(
            keyedErrorText(
              { unknown_step: 'newsletters.automations.error.unknown_step' },
              error,
              t,
            ),
          );
        },
      },
    );
  }, focusFirstError);
  const steps = form.values.steps;
  const shownIndex = Math.max(
    0,
    steps.findIndex((step) => step.key === shownKey),
  );
  const shown = steps[shownIndex];
  const sendTest = (automationId: number, stepId: number, number: number) =>
    test.mutate(
      { id: automationId, stepId },
      {
        onSuccess: ({ to }) =>
          notifications.show({
            color: 'green',
            message: t('newsletters.automations.testSent', { number, to }),
          }),
        onError: (failure) =>
          notifications.show({ color: 'red', message: newsletterErrorText(failure, t) }),
      },
    );

  const editor = (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        {automation && (
          <Section title={t('newsletters.automations.status')}>
            <Text size="sm">
              {t('newsletters.automations.people', {
                enrolled: formatNumber(automation.enrolled, locale),
                running: formatNumber(automation.running, locale),
              })}
            </Text>
            {automation.status === 'paused' && (
              <Alert color="gray">{t('newsletters.automations.pausedHelp')}</Alert>
            )}
            <Group>
              <Button
                variant="default"
                loading={setStatus.isPending}
                leftSection={
                  automation.status === 'active' ? (
                    <IconPlayerPause size={18} aria-hidden />
                  ) : (
                    <IconPlayerPlay size={18} aria-hidden />
                  )
                }
                onClick={() =>
                  setStatus.mutate({
                    id: automation.id,
                    status: automation.status === 'active' ? 'paused' : 'active',
                  })
                }
              >
                {t(
                  automation.status === 'active'
                    ? 'newsletters.automations.pause'
                    : 'newsletters.automations.resume',
                )}
              </Button>
            </Group>
          </Section>
        )}
        <Section title={t('newsletters.automations.general')}>
          <TextInput
            label={t('newsletters.automations.name')}
            required
            maxLength={120}
            autoComplete="off"
            {...form.getInputProps('name')}
          />
          <Select
            label={t('newsletters.automations.trigger')}
            required
            allowDeselect={false}
            data={automationTriggers.map((trigger) => ({
              value: trigger,
              label: t(automationTriggerKeys[trigger]),
            }))}
            {...form.getInputProps('trigger')}
          />
        </Section>
        {steps.map((step, i) => {
          const saved = automation?.steps.find((s) => s.id === step.id);
          const testable = automation !== null && saved !== undefined && !textChanged(step, saved);
          return (
            // The preview follows the step being written.
            <Box key={step.key} onFocus={() => setShownKey(step.key)}>
              <Section title={t('newsletters.automations.step', { number: i + 1 })}>
                <NumberInput
                  label={t('newsletters.automations.delayDays')}
                  description={t('newsletters.automations.delayHelp')}
                  required
                  min={0}
                  max={365}
                  allowDecimal={false}
                  {...form.getInputProps(`steps.${i}.delayDays`)}
                />
                <TextInput
                  label={t('newsletters.form.subject')}
                  required
                  maxLength={200}
                  autoComplete="off"
                  {...form.getInputProps(`steps.${i}.subject`)}
                />
                <TextInput
                  label={t('newsletters.form.preheader')}
                  description={t('newsletters.form.preheaderHelp')}
                  maxLength={200}
                  autoComplete="off"
                  {...form.getInputProps(`steps.${i}.preheader`)}
                />
                <Textarea
                  label={t('newsletters.form.body')}
                  description={t('newsletters.form.bodyHelp')}
                  required
                  autosize
                  minRows={5}
                  maxRows={20}
                  maxLength={NEWSLETTER_BODY_MAX}
                  {...form.getInputProps(`steps.${i}.body`)}
                />
                <Group gap="xs">
                  {automation && (
                    <Button
                      variant="light"
                      size="compact-sm"
                      leftSection={<IconMailForward size={16} aria-hidden />}
                      disabled={!testable}
                      loading={test.isPending && test.variables?.stepId === saved?.id}
                      onClick={() => saved && sendTest(automation.id, saved.id, i + 1)}
                    >
                      {t('newsletters.automations.testStep', { number: i + 1 })}
                    </Button>
                  )}
                  {steps.length > 1 && (
                    <Button
                      variant="subtle"
                      color="red"
                      size="compact-sm"
                      leftSection={<IconTrash size={16} aria-hidden />}
                      onClick={() => form.removeListItem('steps', i)}
                    >
                      {t('newsletters.automations.removeStep', { number: i + 1 })}
                    </Button>
                  )}
                </Group>
                {!testable && (
                  <Text size="xs" c="dimmed">
                    {t('newsletters.automations.testSaveFirst')}
                  </Text>
                )}
                {saved && (
                  <Figures
                    label={t('newsletters.automations.countsOf', { number: i + 1 })}
                    items={counted.map((c) => ({
                      label: t(c.label),
                      value: formatNumber(saved.counts[c.key], locale),
                    }))}
                  />
                )}
              </Section>
            </Box>
          );
        })}
        <ErrorAlert message={formError} />
        <Group>
          <Button
            variant="default"
            leftSection={<IconPlus size={18} aria-hidden />}
            disabled={steps.length >= AUTOMATION_STEPS_MAX}
            onClick={() =>
              form.insertListItem(
                'steps',
                newStep(Number(steps[steps.length - 1]?.delayDays ?? 0) + 3),
              )
            }
          >
            {t('newsletters.automations.addStep')}
          </Button>
          <Button type="submit" loading={save.isPending}>
            {t('newsletters.automations.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );

  return (
    <Grid gutter="md">
      <Grid.Col span={{ base: 12, md: 6 }}>{editor}</Grid.Col>
      <Grid.Col span={{ base: 12, md: 6 }}>
        <Stack gap="sm" pos={{ base: 'static', md: 'sticky' }} top={16}>
          <Select
            label={t('newsletters.automations.previewed')}
            allowDeselect={false}
            data={steps.map((step, i) => ({
              value: step.key,
              label: t('newsletters.automations.step', { number: i + 1 }),
            }))}
            value={shown?.key ?? null}
            onChange={(key) => setShownKey(key)}
          />
          {shown && (
            <NewsletterPreview input={previewInput(shown)} tooLong={previewTooLong(shown)} />
          )}
        </Stack>
      </Grid.Col>
    </Grid>
  );
}

export function NewAutomationPage() {
  const t = useT();
  return (
    <NewslettersLayout
      title={t('newsletters.automations.newTitle')}
      intro={t('newsletters.automations.editIntro')}
      maw={EDITOR_WIDTH}
    >
      <AutomationForm automation={null} />
    </NewslettersLayout>
  );
}

export function AutomationPage() {
  const t = useT();
  const id = Number(useParams().id);
  const automation = useAutomation(id);
  return (
    <NewslettersLayout
      title={
        automation.data
          ? t('newsletters.automations.editTitle', { name: automation.data.name })
          : t('newsletters.automations.title')
      }
      intro={t('newsletters.automations.editIntro')}
      maw={EDITOR_WIDTH}
    >
      <QueryState query={automation}>
        {(data) => <AutomationForm key={data.id} automation={data} />}
      </QueryState>
    </NewslettersLayout>
  );
}
