import { Badge, Group, Stack, Text, ThemeIcon, VisuallyHidden } from '@mantine/core';
import { IconCheck, IconRosetteDiscountCheck, IconX } from '@tabler/icons-react';
import type { Certification } from '../../../contracts/committees.ts';
import { formatDate } from '../../core/format.ts';
import { useLocale, useT } from '../../core/i18n/index.tsx';
import { QueryState } from '../../core/ui/QueryState.tsx';
import { Section } from '../../core/ui/Section.tsx';
import { checklistText } from './forms.ts';
import { useCertification } from './hooks.ts';

/** The badge, as a committee's list and its page show it. */
export function CertifiedBadge({ certified }: { certified: boolean }) {
  const t = useT();
  return certified ? (
    <Badge
      color="green"
      variant="light"
      miw="max-content"
      leftSection={<IconRosetteDiscountCheck size={14} aria-hidden />}
    >
      {t('committees.certified')}
    </Badge>
  ) : (
    <Badge color="gray" variant="outline" miw="max-content">
      {t('committees.notCertified')}
    </Badge>
  );
}

/** Each criterion: met or not, what the committee has against what is required. */
export function CertificationChecklist({ certification }: { certification: Certification }) {
  const t = useT();
  return (
    <Stack component="ul" gap={6} p={0} m={0} aria-label={t('committees.certification.checklist')}>
      {certification.checklist.map((item) => (
        <Group
          component="li"
          key={item.criterion}
          gap="xs"
          wrap="nowrap"
          align="flex-start"
          style={{ listStyle: 'none' }}
        >
          <ThemeIcon color={item.met ? 'green' : 'red'} variant="light" size="sm" radius="xl">
            {item.met ? <IconCheck size={14} aria-hidden /> : <IconX size={14} aria-hidden />}
          </ThemeIcon>
          <Text size="sm" style={{ flex: 1 }}>
            {checklistText(item, certification.recentDays, t)}
            <VisuallyHidden>
              {` (${t(item.met ? 'committees.certification.met' : 'committees.certification.unmet')})`}
            </VisuallyHidden>
          </Text>
          <Text size="sm" fw={600} c={item.met ? 'green.8' : 'red.8'} style={{ flexShrink: 0 }}>
            {t('committees.certification.count', {
              actual: item.actual,
              required: item.required,
            })}
          </Text>
        </Group>
      ))}
    </Stack>
  );
}

/** Whether the committee holds the badge, since when. */
export function CertificationState({ certification }: { certification: Certification }) {
  const t = useT();
  const [locale] = useLocale();
  return (
    <Group gap="xs">
      <CertifiedBadge certified={certification.certified} />
      {certification.certifiedAt && (
        <Text size="sm" c="dimmed">
          {t('committees.certification.since', {
            date: formatDate(certification.certifiedAt, locale),
          })}
        </Text>
      )}
    </Group>
  );
}

/** For the committee's managers: the badge and what the campaign looks at to grant it. */
export function CertificationSection({ committeeId }: { committeeId: number }) {
  const t = useT();
  const certification = useCertification(committeeId);
  return (
    <Section
      title={t('committees.certification.title')}
      description={t('committees.certification.intro')}
    >
      <QueryState query={certification}>
        {(data) => (
          <Stack gap="sm">
            <CertificationState certification={data} />
            <CertificationChecklist certification={data} />
          </Stack>
        )}
      </QueryState>
    </Section>
  );
}
