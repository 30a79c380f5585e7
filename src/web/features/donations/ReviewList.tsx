import { Text } from '@mantine/core';
import { useT } from '../../core/i18n/index.tsx';
import { QueryState } from '../../core/ui/QueryState.tsx';
import { Section } from '../../core/ui/Section.tsx';
import { GiftsTable } from './GiftsTable.tsx';
import { useGifts } from './hooks.ts';

/** Gifts the server flagged for a look (a possible duplicate, an unusual amount…). */
export function ReviewList() {
  const t = useT();
  const gifts = useGifts({ review: 'any', limit: 50 });
  return (
    <Section title={t('finance.review')} description={t('finance.review.intro')}>
      <QueryState query={gifts}>
        {(page) =>
          page.items.length === 0 ? (
            <Text size="sm">{t('finance.review.empty')}</Text>
          ) : (
            <GiftsTable gifts={page.items} label={t('finance.review')} />
          )
        }
      </QueryState>
    </Section>
  );
}
