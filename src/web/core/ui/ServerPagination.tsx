import { Group, Pagination, Text } from '@mantine/core';
import { useRef } from 'react';
import { formatNumber } from '../format.ts';
import { useLocale, useT } from '../i18n/index.tsx';

interface Props {
  page: number;
  total: number;
  pageSize: number;
  onChange: (page: number) => void;
}

/** Page controls with accessible names and the total count. */
export function ServerPagination({ page, total, pageSize, onChange }: Props) {
  const t = useT();
  const [locale] = useLocale();
  // When the server does not say its page size, the fullest page seen stands for it.
  const largest = useRef(pageSize);
  largest.current = Math.max(largest.current, pageSize);
  const pages = Math.max(1, Math.ceil(total / Math.max(1, largest.current)));
  return (
    <Group justify="space-between" gap="sm">
      <Text size="sm" c="dimmed">
        {t('common.totalItems', { count: formatNumber(total, locale) })}
      </Text>
      {pages > 1 && <PageControls pages={pages} page={page} onChange={onChange} />}
    </Group>
  );
}

/** Small page buttons whose controls are named for screen readers. */
export function PageControls({
  pages,
  page,
  onChange,
}: {
  pages: number;
  page: number;
  onChange: (page: number) => void;
}) {
  const t = useT();
  return (
    <Pagination
      total={pages}
      value={Math.min(page, pages)}
      onChange={onChange}
      size="sm"
      siblings={1}
      getControlProps={(control) => ({
        'aria-label':
          control === 'next'
            ? t('pagination.next')
            : control === 'previous'
              ? t('pagination.previous')
              : undefined,
      })}
      getItemProps={(p) => ({ 'aria-label': t('pagination.page', { page: p }) })}
    />
  );
}

export function pageFromSearch(search: URLSearchParams): number {
  const page = Number(search.get('page'));
  return Number.isInteger(page) && page > 0 ? page : 1;
}
