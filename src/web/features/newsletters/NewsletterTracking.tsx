import { Anchor, Stack, Text, Title } from '@mantine/core';
import type { NewsletterLink } from '../../../contracts/newsletter-tracking.ts';
import type { Newsletter } from '../../../contracts/newsletters.ts';
import type { Locale } from '../../../contracts/common.ts';
import { formatNumber } from '../../core/format.ts';
import { useLocale, useT } from '../../core/i18n/index.tsx';
import { ResponsiveTable } from '../../core/ui/ResponsiveTable.tsx';
import { Figures } from '../calling/Figures.tsx';
import { isLive } from './labels.ts';
import { useNewsletterLinks } from './tracking-hooks.ts';

const percent = (share: number, locale: Locale) =>
  new Intl.NumberFormat(locale === 'fr' ? 'fr-FR' : 'en-GB', {
    style: 'percent',
    maximumFractionDigits: 0,
  }).format(share);

/**
 * Opens and clicks of a newsletter, among its tracked recipients only (those who agreed to the
 * measure), with their rates and the clicks per link; under the newsletter's counts.
 */
export function NewsletterTracking({ newsletter }: { newsletter: Newsletter }) {
  const t = useT();
  const [locale] = useLocale();
  const { tracked, opened, clicked } = newsletter.counts;
  const links = useNewsletterLinks(newsletter.id, tracked > 0, isLive(newsletter.status));
  const share = (count: number) =>
    tracked === 0
      ? formatNumber(count, locale)
      : t('newsletters.tracking.rate', {
          count: formatNumber(count, locale),
          rate: percent(count / tracked, locale),
        });
  const items = links.data?.items ?? [];
  return (
    <Stack gap="xs">
      <Title order={3} size="h5">
        {t('newsletters.tracking.title')}
      </Title>
      <Text size="xs" c="dimmed">
        {t('newsletters.tracking.help')}
      </Text>
      <Figures
        label={t('newsletters.tracking.title')}
        cols={{ base: 2, sm: 3 }}
        items={[
          { label: t('newsletters.tracking.tracked'), value: formatNumber(tracked, locale) },
          { label: t('newsletters.tracking.opened'), value: share(opened) },
          { label: t('newsletters.tracking.clicked'), value: share(clicked) },
        ]}
      />
      {tracked === 0 && newsletter.startedAt !== null && (
        <Text size="sm">{t('newsletters.tracking.none')}</Text>
      )}
      {items.length > 0 && (
        <ResponsiveTable<NewsletterLink>
          label={t('newsletters.tracking.links')}
          items={items}
          rowKey={(link) => link.index}
          minWidth={360}
          columns={[
            {
              header: t('newsletters.tracking.link'),
              title: true,
              cell: (link) => (
                <Anchor href={link.url} target="_blank" rel="noopener noreferrer" size="sm">
                  {link.url}
                </Anchor>
              ),
            },
            {
              header: t('newsletters.tracking.linkClicks'),
              numeric: true,
              nowrap: true,
              cell: (link) => formatNumber(link.clicks, locale),
            },
          ]}
        />
      )}
    </Stack>
  );
}
