import { ActionIcon, CopyButton, Group, Text, TextInput, Tooltip } from '@mantine/core';
import { IconCheck, IconCopy } from '@tabler/icons-react';
import type { Profile } from '../../../contracts/accounts.ts';
import { formatNumber } from '../../core/format.ts';
import { useLocale, useT } from '../../core/i18n/index.tsx';
import { Section } from '../../core/ui/Section.tsx';

export function RecruitSection({ profile }: { profile: Profile }) {
  const t = useT();
  const [locale] = useLocale();
  return (
    <Section title={t('me.recruitTitle')} description={t('me.recruitText')}>
      <Group gap="xs" align="flex-end" wrap="nowrap">
        <TextInput
          label={t('me.recruitLink')}
          value={profile.recruitUrl}
          readOnly
          style={{ flex: 1, minWidth: 0 }}
          onFocus={(e) => e.currentTarget.select()}
        />
        <CopyButton value={profile.recruitUrl} timeout={2000}>
          {({ copied, copy }) => (
            <Tooltip label={copied ? t('common.copied') : t('common.copy')} withArrow>
              <ActionIcon
                size="lg"
                mb={2}
                variant={copied ? 'filled' : 'light'}
                color={copied ? 'teal' : undefined}
                onClick={copy}
                aria-label={copied ? t('common.copied') : t('me.copyLink')}
              >
                {copied ? <IconCheck size={18} aria-hidden /> : <IconCopy size={18} aria-hidden />}
              </ActionIcon>
            </Tooltip>
          )}
        </CopyButton>
      </Group>
      <Text size="sm" aria-live="polite">
        {t('me.recruitedCounts', {
          count: formatNumber(profile.recruitedCount, locale),
          confirmed: formatNumber(profile.recruitedConfirmedCount, locale),
        })}
      </Text>
    </Section>
  );
}
