import type { NewsletterCounts as Counts, Newsletter } from '../../../contracts/newsletters.ts';
import { Text } from '@mantine/core';
import { formatNumber } from '../../core/format.ts';
import { useLocale, useT, type MessageKey } from '../../core/i18n/index.tsx';
import { Section } from '../../core/ui/Section.tsx';
import { Figures } from '../calling/Figures.tsx';
import { isLive } from './labels.ts';
import { NewsletterTracking } from './NewsletterTracking.tsx';

/** The counts shown, in this order. */
const figures: Array<{ key: keyof Counts; label: MessageKey }> = [
  { key: 'recipients', label: 'newsletters.counts.recipients' },
  { key: 'pending', label: 'newsletters.counts.pending' },
  { key: 'sent', label: 'newsletters.counts.sent' },
  { key: 'bounced', label: 'newsletters.counts.bounced' },
  { key: 'complaints', label: 'newsletters.counts.complaints' },
  { key: 'suppressed', label: 'newsletters.counts.suppressed' },
  { key: 'failed', label: 'newsletters.counts.failed' },
  { key: 'unsubscribed', label: 'newsletters.counts.unsubscribed' },
];

/** What the campaign's mail did with a newsletter (its page asks again while it may move). */
export function NewsletterCounts({ newsletter }: { newsletter: Newsletter }) {
  const t = useT();
  const [locale] = useLocale();
  return (
    <Section
      title={t('newsletters.counts.title')}
      description={isLive(newsletter.status) ? t('newsletters.counts.live') : undefined}
    >
      {newsletter.startedAt === null && <Text size="sm">{t('newsletters.counts.notStarted')}</Text>}
      <Figures
        label={t('newsletters.counts.title')}
        items={figures.map((figure) => ({
          label: t(figure.label),
          value: formatNumber(newsletter.counts[figure.key], locale),
        }))}
      />
      <Text size="xs" c="dimmed">
        {t('newsletters.counts.suppressedHelp')}
      </Text>
      <NewsletterTracking newsletter={newsletter} />
    </Section>
  );
}
