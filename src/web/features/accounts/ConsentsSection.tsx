import { Button, Stack, Switch } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import {
  consentUpdateSchema,
  type AutomatedCallConsent,
  type Profile,
} from '../../../contracts/accounts.ts';
import { channels, type Channel, type Consents } from '../../../contracts/common.ts';
import { errorText } from '../../core/errors.ts';
import { validateWith, type FormErrors } from '../../core/form-validation.ts';
import { useLocale, useT } from '../../core/i18n/index.tsx';
import { useSite } from '../../core/site.ts';
import { formatSlot, DEFAULT_SLOT, slotErrors, type AgreedSlot } from '../../core/slot.ts';
import { ErrorAlert } from '../../core/ui/ErrorAlert.tsx';
import { Section } from '../../core/ui/Section.tsx';
import { SlotInput } from '../../core/ui/SlotInput.tsx';
import { useUpdateConsents } from './hooks.ts';

export function ConsentsSection({ profile }: { profile: Profile }) {
  const t = useT();
  const [locale] = useLocale();
  const site = useSite();
  const update = useUpdateConsents();
  const [consents, setConsents] = useState<Consents>(profile.consents);
  const [automated, setAutomated] = useState<AutomatedCallConsent>(profile.automatedCall);
  const [tracking, setTracking] = useState(profile.emailTracking);
  // The slot form is open: switched on, and not yet saved (or the slot being changed).
  const [choosing, setChoosing] = useState(false);
  const [slot, setSlot] = useState<AgreedSlot>(profile.automatedCall.slot ?? DEFAULT_SLOT);
  const [slotProblems, setSlotProblems] = useState<FormErrors>({});
  const [error, setError] = useState<string | null>(null);
  const wording = site.data?.consentWording[locale];
  const labels: Record<Channel, string> = {
    email: t('consent.emailShort'),
    sms: t('consent.smsShort'),
    phone: t('consent.phoneShort'),
  };

  const save = (
    request: { consents: Consents; automatedCall?: AutomatedCallConsent; emailTracking?: boolean },
    undo: () => void,
    done?: () => void,
  ) => {
    setError(null);
    update.mutate(
      { ...request, locale },
      {
        onSuccess: (saved) => {
          setAutomated(saved.automatedCall);
          setTracking(saved.emailTracking);
          done?.();
          notifications.show({ color: 'green', message: t('me.consentsSaved') });
        },
        onError: (e) => {
          undo();
          setError(errorText(e, t));
        },
      },
    );
  };

  const toggle = (channel: Channel, value: boolean) => {
    const previous = consents;
    const next = { ...consents, [channel]: value };
    setConsents(next);
    save({ consents: next }, () => setConsents(previous));
  };

  /** The measure of newsletters' opens and clicks: given or withdrawn at once. */
  const toggleTracking = (value: boolean) => {
    const previous = tracking;
    setTracking(value);
    save({ consents, emailTracking: value }, () => setTracking(previous));
  };

  /** Switched on: the slot is chosen first; switched off: withdrawn at once. */
  const toggleAutomated = (value: boolean) => {
    setSlotProblems({});
    if (value) return setChoosing(true);
    setChoosing(false);
    if (automated.granted)
      save({ consents, automatedCall: { granted: false, slot: null } }, () => {});
  };

  const agree = () => {
    const request = { consents, locale, automatedCall: { granted: true, slot } };
    const problems = validateWith(consentUpdateSchema, t)(request);
    setSlotProblems(problems);
    if (Object.keys(problems).length > 0) return;
    save(
      request,
      () => {},
      () => setChoosing(false),
    );
  };

  return (
    <Section title={t('me.consentsTitle')} description={t('me.consentsText')}>
      <Stack gap="sm">
        {channels.map((channel) => (
          <Switch
            key={channel}
            label={labels[channel]}
            description={wording?.[channel]}
            checked={consents[channel]}
            disabled={update.isPending}
            onChange={(e) => toggle(channel, e.currentTarget.checked)}
          />
        ))}
        <Switch
          label={t('me.automatedCall')}
          description={
            automated.granted && automated.slot && !choosing
              ? t('me.automatedCallGiven', { slot: formatSlot(automated.slot, locale) })
              : t('me.automatedCallText')
          }
          checked={automated.granted || choosing}
          disabled={update.isPending}
          onChange={(e) => toggleAutomated(e.currentTarget.checked)}
        />
        {automated.granted && !choosing && (
          <Button variant="subtle" size="xs" w="fit-content" onClick={() => setChoosing(true)}>
            {t('me.automatedCallChange')}
          </Button>
        )}
        {choosing && (
          <Stack gap="xs" pl="xl">
            <SlotInput
              value={slot}
              onChange={setSlot}
              errors={slotErrors(slotProblems, 'automatedCall.slot')}
              disabled={update.isPending}
            />
            <Button w="fit-content" onClick={agree} loading={update.isPending}>
              {t('me.automatedCallSave')}
            </Button>
          </Stack>
        )}
        <Switch
          label={t('me.emailTracking')}
          description={t('me.emailTrackingText')}
          checked={tracking}
          disabled={update.isPending}
          onChange={(e) => toggleTracking(e.currentTarget.checked)}
        />
      </Stack>
      <ErrorAlert message={error} />
    </Section>
  );
}
