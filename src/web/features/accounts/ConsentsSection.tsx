import { Stack, Switch } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import type { Profile } from '../../../contracts/accounts.ts';
import { channels, type Channel, type Consents } from '../../../contracts/common.ts';
import { errorText } from '../../core/errors.ts';
import { useLocale, useT } from '../../core/i18n/index.tsx';
import { useSite } from '../../core/site.ts';
import { ErrorAlert } from '../../core/ui/ErrorAlert.tsx';
import { Section } from '../../core/ui/Section.tsx';
import { useUpdateConsents } from './hooks.ts';

export function ConsentsSection({ profile }: { profile: Profile }) {
  const t = useT();
  const [locale] = useLocale();
  const site = useSite();
  const update = useUpdateConsents();
  const [consents, setConsents] = useState<Consents>(profile.consents);
  const [error, setError] = useState<string | null>(null);
  const wording = site.data?.consentWording[locale];
  const labels: Record<Channel, string> = {
    email: t('consent.emailShort'),
    sms: t('consent.smsShort'),
    phone: t('consent.phoneShort'),
  };

  const toggle = (channel: Channel, value: boolean) => {
    const previous = consents;
    const next = { ...consents, [channel]: value };
    setConsents(next);
    setError(null);
    update.mutate(
      { consents: next, locale },
      {
        onSuccess: () => notifications.show({ color: 'green', message: t('me.consentsSaved') }),
        onError: (e) => {
          setConsents(previous);
          setError(errorText(e, t));
        },
      },
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
      </Stack>
      <ErrorAlert message={error} />
    </Section>
  );
}
