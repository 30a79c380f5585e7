import { Button, Group, NumberInput, Radio, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import type { Broadcast } from '../../../contracts/calling.ts';
import { useT } from '../../core/i18n/index.tsx';
import { ErrorAlert } from '../../core/ui/ErrorAlert.tsx';
import { Section } from '../../core/ui/Section.tsx';
import { focusFirstError } from '../../core/validation.ts';
import { AudienceFields } from './AudienceFields.tsx';
import {
  applyBroadcastProblem,
  broadcastRequest,
  broadcastValidation,
  editValues,
  emptyBroadcast,
  type BroadcastValues,
} from './broadcast-form.ts';
import { callingErrorText } from './callingErrors.ts';
import { DateTimeField } from './DateTimeField.tsx';
import { useCreateBroadcast, useUpdateBroadcast } from './hooks.ts';
import { PaceFields } from './PaceFields.tsx';
import { RecordingSelect } from './RecordingSelect.tsx';
import { WindowsFields } from './WindowsFields.tsx';

/** A broadcast's settings, saved as a draft (a new one, or the one given). */
export function BroadcastForm({ broadcast }: { broadcast: Broadcast | null }) {
  const t = useT();
  const navigate = useNavigate();
  const create = useCreateBroadcast();
  const update = useUpdateBroadcast();
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<BroadcastValues>({
    initialValues: broadcast ? editValues(broadcast) : emptyBroadcast(),
    validate: broadcastValidation(t),
  });
  const submit = form.onSubmit((values) => {
    setFormError(null);
    const body = broadcastRequest(values);
    const done = {
      onSuccess: (saved: Broadcast) => {
        notifications.show({ color: 'green', message: t('calling.form.saved') });
        void navigate(`/hq/calling/broadcasts/${saved.id}`);
      },
      onError: (error: unknown) => {
        setFormError(
          applyBroadcastProblem(form, error, t, (failure) => callingErrorText(failure, t)),
        );
        focusFirstError();
      },
    };
    if (broadcast) update.mutate({ id: broadcast.id, body }, done);
    else create.mutate(body, done);
  }, focusFirstError);
  const values = form.values;

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <Section title={t('calling.form.general')}>
          <TextInput
            label={t('calling.form.name')}
            description={t('calling.form.nameHelp')}
            required
            maxLength={120}
            autoComplete="off"
            {...form.getInputProps('name')}
          />
          <AudienceFields form={form} />
        </Section>
        <Section title={t('calling.form.message')} description={t('calling.form.messageHelp')}>
          <RecordingSelect
            label={t('calling.form.recording')}
            uploadLabel={t('calling.form.uploadRecording')}
            value={values.recordingId}
            onChange={(id) => form.setFieldValue('recordingId', id)}
            error={form.errors.recordingId}
          />
          <Radio.Group
            label={t('calling.form.machineAction')}
            description={t('calling.form.machineActionHelp')}
            value={values.machineAction}
            onChange={(action) =>
              form.setFieldValue('machineAction', action as BroadcastValues['machineAction'])
            }
          >
            <Group gap="md" mt={4}>
              <Radio value="message" label={t('calling.form.machine.message')} />
              <Radio value="hang_up" label={t('calling.form.machine.hang_up')} />
            </Group>
          </Radio.Group>
          {values.machineAction === 'message' && (
            <RecordingSelect
              label={t('calling.form.machineRecording')}
              description={t('calling.form.machineRecordingHelp')}
              placeholder={t('calling.form.sameRecording')}
              uploadLabel={t('calling.form.uploadMachineRecording')}
              value={values.machineRecordingId}
              onChange={(id) => form.setFieldValue('machineRecordingId', id)}
              error={form.errors.machineRecordingId}
            />
          )}
        </Section>
        <Section title={t('calling.form.when')} description={t('calling.form.whenHelp')}>
          <WindowsFields form={form} />
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <DateTimeField
              label={t('calling.form.startsAt')}
              description={t('calling.form.startsAtHelp')}
              value={values.startsAt}
              onChange={(value) => form.setFieldValue('startsAt', value)}
              error={form.errors.startsAt}
            />
            <DateTimeField
              label={t('calling.form.endsAt')}
              description={t('calling.form.endsAtHelp')}
              value={values.endsAt}
              onChange={(value) => form.setFieldValue('endsAt', value)}
              error={form.errors.endsAt}
            />
          </SimpleGrid>
        </Section>
        <Section title={t('calling.form.pace')} description={t('calling.form.paceHelp')}>
          <PaceFields form={form} />
          <NumberInput
            label={t('calling.form.minutePrice')}
            description={t('calling.form.minutePriceHelp')}
            decimalScale={2}
            allowNegative={false}
            min={0}
            max={1000}
            maw={360}
            {...form.getInputProps('minutePriceCents')}
          />
        </Section>
        <ErrorAlert message={formError} />
        <Group>
          <Button type="submit" loading={create.isPending || update.isPending}>
            {t('calling.form.saveDraft')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
