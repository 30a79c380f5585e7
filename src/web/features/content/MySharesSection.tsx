import { Anchor, Text } from '@mantine/core';
import { formatNumber } from '../../core/format.ts';
import { useLocale, useT } from '../../core/i18n/index.tsx';
import { QueryState } from '../../core/ui/QueryState.tsx';
import { Section } from '../../core/ui/Section.tsx';
import { useMyShares } from './hooks.ts';

/** In the supporter's space: what their shared links brought (their own counts only). */
export function MySharesSection() {
  const t = useT();
  const [locale] = useLocale();
  const shares = useMyShares();
  return (
    <Section title={t('content.mine.title')} description={t('content.mine.text')}>
      <QueryState query={shares}>
        {(mine) => (
          <Text size="sm" aria-live="polite" data-testid="my-share-counts">
            {t('content.mine.counts', {
              visits: formatNumber(mine.visits, locale),
              signups: formatNumber(mine.signups, locale),
              donations: formatNumber(mine.donations, locale),
            })}
          </Text>
        )}
      </QueryState>
      <Anchor href="/articles" size="sm">
        {t('content.mine.articles')}
      </Anchor>
    </Section>
  );
}
