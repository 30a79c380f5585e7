import { Button, Group, Text } from '@mantine/core';
import { Link, useSearchParams } from 'react-router';
import { useT } from '../../core/i18n/index.tsx';
import { QueryState } from '../../core/ui/QueryState.tsx';
import { pageFromSearch, ServerPagination } from '../../core/ui/ServerPagination.tsx';
import { FinanceLayout } from './FinanceLayout.tsx';
import { GiftFilters } from './GiftFilters.tsx';
import { filtersFromSearch, filtersToSearch, giftQuery, PAGE_SIZE } from './giftFilters.ts';
import { GiftsTable } from './GiftsTable.tsx';
import { useGifts } from './hooks.ts';

export function GiftsPage() {
  const t = useT();
  const [search, setSearch] = useSearchParams();
  const filters = filtersFromSearch(search);
  const page = pageFromSearch(search);
  const gifts = useGifts(giftQuery(filters, page));
  return (
    <FinanceLayout title={t('finance.gifts')}>
      <Group justify="space-between" align="flex-end">
        <GiftFilters
          key={search.toString()}
          value={filters}
          onApply={(next) => setSearch(filtersToSearch(next))}
        />
        <Button component={Link} to="/hq/finance/record" variant="light">
          {t('finance.record')}
        </Button>
      </Group>
      <QueryState query={gifts}>
        {(data) =>
          data.items.length === 0 ? (
            <Text size="sm">{t('finance.gifts.empty')}</Text>
          ) : (
            <>
              <GiftsTable gifts={data.items} label={t('finance.gifts')} />
              <ServerPagination
                page={page}
                total={data.total}
                pageSize={PAGE_SIZE}
                onChange={(next) => setSearch(filtersToSearch(filters, next))}
              />
            </>
          )
        }
      </QueryState>
    </FinanceLayout>
  );
}
