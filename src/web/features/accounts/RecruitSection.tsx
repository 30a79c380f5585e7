import { Text } from '@mantine/core';
import type { Profile } from '../../../contracts/accounts.ts';
import { formatNumber } from '../../core/format.ts';
import { useLocale, useT } from '../../core/i18n/index.tsx';
import { Section } from '../../core/ui/Section.tsx';
import { RecruitLinkField } from '../recruitment/RecruitLinkField.tsx';

export function RecruitSection({ profile }: { profile: Profile }) {
  const t = useT();
  const [locale] = useLocale();
  return (
    <Section title={t('me.recruitTitle')} description={t('me.recruitText')}>
      <RecruitLinkField url={profile.recruitUrl} />
      <Text size="sm" aria-live="polite">
        {t('me.recruitedCounts', {
          count: formatNumber(profile.recruitedCount, locale),
          confirmed: formatNumber(profile.recruitedConfirmedCount, locale),
        })}
      </Text>
    </Section>
  );
}
