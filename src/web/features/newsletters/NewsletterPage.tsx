import { Anchor, Group, SimpleGrid, Stack, Text } from '@mantine/core';
import { useMemo } from 'react';
import { Link, useParams } from 'react-router';
import type { Newsletter } from '../../../contracts/newsletters.ts';
import { formatDateTime } from '../../core/format.ts';
import { useLocale, useT } from '../../core/i18n/index.tsx';
import { QueryState } from '../../core/ui/QueryState.tsx';
import { Section } from '../../core/ui/Section.tsx';
import { Fact } from '../calling/Fact.tsx';
import { useAudienceText, useNewsletter } from './hooks.ts';
import { NewsletterControls } from './NewsletterControls.tsx';
import { NewsletterCounts } from './NewsletterCounts.tsx';
import { NewsletterPreview } from './NewsletterPreview.tsx';
import { NewslettersLayout } from './NewslettersLayout.tsx';
import { NewsletterStatusBadge } from './NewsletterStatusBadge.tsx';
import { SubjectTestSection } from './SubjectTestSection.tsx';

/** When it goes (scheduled), when its send started and ended. */
function Dates({ newsletter }: { newsletter: Newsletter }) {
  const t = useT();
  const [locale] = useLocale();
  const parts = [
    newsletter.status === 'scheduled' &&
      t('newsletters.page.scheduledFor', {
        date: formatDateTime(newsletter.scheduledAt, locale),
      }),
    newsletter.startedAt &&
      t('newsletters.page.startedAt', { date: formatDateTime(newsletter.startedAt, locale) }),
    newsletter.finishedAt &&
      t('newsletters.page.finishedAt', { date: formatDateTime(newsletter.finishedAt, locale) }),
  ].filter(Boolean);
  if (parts.length === 0) return null;
  return <Text size="sm">{parts.join(' · ')}</Text>;
}

function NewsletterView({ newsletter }: { newsletter: Newsletter }) {
  const t = useT();
  const audience = useAudienceText(newsletter.segmentId);
  const { subject, preheader, body } = newsletter;
  const preview = useMemo(() => ({ subject, preheader, body }), [subject, preheader, body]);
  return (
    <NewslettersLayout
      title={newsletter.name}
      actions={
        <Stack gap="xs">
          <Group gap="sm">
            <NewsletterStatusBadge status={newsletter.status} />
            <Dates newsletter={newsletter} />
          </Group>
          <NewsletterControls newsletter={newsletter} />
        </Stack>
      }
    >
      <Section title={t('newsletters.page.message')}>
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm" component="dl" m={0}>
          <Fact label={t('newsletters.page.subject')}>{subject}</Fact>
          <Fact label={t('newsletters.page.preheader')}>
            {preheader || t('newsletters.page.noPreheader')}
          </Fact>
          <Fact label={t('newsletters.page.audience')}>{audience}</Fact>
        </SimpleGrid>
      </Section>
      <SubjectTestSection newsletter={newsletter} />
      {newsletter.status !== 'draft' && <NewsletterCounts newsletter={newsletter} />}
      <NewsletterPreview input={preview} />
      <Anchor component={Link} to="/hq/newsletters" size="sm">
        {t('newsletters.page.back')}
      </Anchor>
    </NewslettersLayout>
  );
}

/** One newsletter: its message and audience, its counts while it goes; test, schedule, send. */
export function NewsletterPage() {
  const id = Number(useParams().id);
  const newsletter = useNewsletter(id);
  return (
    <QueryState query={newsletter}>{(data) => <NewsletterView newsletter={data} />}</QueryState>
  );
}
