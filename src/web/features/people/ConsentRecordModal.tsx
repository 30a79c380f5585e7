import { NativeSelect, SegmentedControl, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { channels } from '../../../contracts/common.ts';
import {
  consentRecordSchema,
  type ConsentRecordInput,
  type ConsentRecordSource,
} from '../../../contracts/person-records.ts';
import { phoneKind, smsConsentProblem } from '../../../contracts/phone.ts';
import { errorText } from '../../core/errors.ts';
import { validateWith, type FormErrors } from '../../core/form-validation.ts';
import { useT } from '../../core/i18n/index.tsx';
import { AppModal } from '../../core/ui/AppModal.tsx';
import { DayInput } from '../../core/ui/DayInput.tsx';
import { ModalFooter } from '../../core/ui/ModalFooter.tsx';
import { SlotInput } from '../../core/ui/SlotInput.tsx';
import { DEFAULT_SLOT, slotErrors, type AgreedSlot } from '../../core/slot.ts';
import { usePerson } from './hooks.ts';
import { useRecordConsent } from './personRecordsHooks.ts';
import { consentChannelLabel, RECORD_SOURCES, recordSourceLabel } from './personRecordLabels.ts';

type RecordChannel = ConsentRecordInput['channel'];
/** The API's channels, and automated calls (recorded with the slot agreed to). */
const RECORD_CHANNELS: readonly RecordChannel[] = [...channels, 'automated_call'];
const today = () => {
  const now = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
};

/** A consent or an opt-out received by phone, letter, in person or email, with its evidence. */
export function ConsentRecordModal({
  personId,
  opened,
  onClose,
}: {
  personId: number;
  opened: boolean;
  onClose: () => void;
}) {
  const t = useT();
  const record = useRecordConsent(personId);
  const [channel, setChannel] = useState<RecordChannel>('email');
  const [granted, setGranted] = useState(false);
  const [source, setSource] = useState<ConsentRecordSource>('phone');
  const [receivedOn, setReceivedOn] = useState(today);
  const [note, setNote] = useState('');
  const [wordingVersion, setWordingVersion] = useState('');
  const [slot, setSlot] = useState<AgreedSlot>(DEFAULT_SLOT);
  const withSlot = channel === 'automated_call' && granted;
  const [errors, setErrors] = useState<FormErrors>({});
  // The person's page has them loaded. An SMS consent needs a number SMS can reach, as the
  // server checks; an opt-out is always recorded.
  const person = usePerson(personId).data;
  const smsProblem =
    person && channel === 'sms' && granted
      ? smsConsentProblem(person.phone ? phoneKind(person.phone) : null)
      : null;

  const close = () => {
    record.reset();
    setErrors({});
    onClose();
  };
  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    if (smsProblem) return;
    const request = {
      channel,
      granted,
      source,
      receivedOn,
      note,
      wordingVersion: granted ? wordingVersion : '',
      ...(withSlot ? { slot } : {}),
    };
    const problems = validateWith(consentRecordSchema, t)(request);
    setErrors(problems);
    if (Object.keys(problems).length > 0) return;
    record.mutate(request, {
      onSuccess: () => {
        notifications.show({ color: 'green', message: t('person.consentRecorded') });
        setNote('');
        close();
      },
    });
  };

  return (
    <AppModal opened={opened} onClose={close} title={t('person.consentTitle')} centered>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <NativeSelect
            label={t('person.consentChannel')}
            data={RECORD_CHANNELS.map((c) => ({ value: c, label: consentChannelLabel(c, t) }))}
            value={channel}
            onChange={(e) => setChannel(e.currentTarget.value as RecordChannel)}
            error={smsProblem ? t(`error.${smsProblem}`) : null}
          />
          <Stack gap={4}>
            <Text size="sm" fw={500} id="consent-decision">
              {t('person.consentDecision')}
            </Text>
            <SegmentedControl
              aria-labelledby="consent-decision"
              data={[
                { value: 'withdrawn', label: t('person.consentWithdrawn') },
                { value: 'given', label: t('person.consentGiven') },
              ]}
              value={granted ? 'given' : 'withdrawn'}
              onChange={(v) => setGranted(v === 'given')}
            />
          </Stack>
          {withSlot && (
            <SlotInput value={slot} onChange={setSlot} errors={slotErrors(errors, 'slot')} />
          )}
          <NativeSelect
            label={t('person.consentSource')}
            data={RECORD_SOURCES.map((s) => ({ value: s, label: recordSourceLabel(s, t) }))}
            value={source}
            onChange={(e) => setSource(e.currentTarget.value as ConsentRecordSource)}
          />
          <DayInput
            label={t('person.consentReceivedOn')}
            value={receivedOn}
            onChange={setReceivedOn}
            error={errors.receivedOn}
          />
          <Textarea
            label={t('person.consentNote')}
            description={t('person.consentNoteHint')}
            required
            autosize
            minRows={2}
            maxLength={1000}
            value={note}
            onChange={(e) => setNote(e.currentTarget.value)}
            error={errors.note}
          />
          {granted && (
            <TextInput
              label={t('person.consentWording')}
              description={t('person.consentWordingHint')}
              required
              maxLength={60}
              value={wordingVersion}
              onChange={(e) => setWordingVersion(e.currentTarget.value)}
              error={errors.wordingVersion}
            />
          )}
          <ModalFooter
            error={record.isError ? errorText(record.error, t) : null}
            onCancel={close}
            confirmLabel={t('common.save')}
            loading={record.isPending}
          />
        </Stack>
      </form>
    </AppModal>
  );
}
