import { Group } from '@mantine/core';
import type { PersonSummary } from '../../../contracts/people.ts';
import { useT } from '../../core/i18n/index.tsx';
import { YesNo } from '../../core/ui/YesNo.tsx';

/** E-mail, SMS and phone consents as three marks, each with its text alternative. */
export function ConsentMarks({ consents }: { consents: PersonSummary['consents'] }) {
  const t = useT();
  const channels = [
    ['email', t('consent.emailShort')],
    ['sms', t('consent.smsShort')],
    ['phone', t('consent.phoneShort')],
  ] as const;
  return (
    <Group gap={2} wrap="nowrap">
      {channels.map(([channel, label]) => (
        <YesNo key={channel} value={consents[channel]} name={label} />
      ))}
    </Group>
  );
}
