import { Text } from '@mantine/core';
import { formatDayWithYear, formatNumber } from '../../core/format.ts';
import { useLocale, useT } from '../../core/i18n/index.tsx';
import { QueryState } from '../../core/ui/QueryState.tsx';
import { ResponsiveTable } from '../../core/ui/ResponsiveTable.tsx';
import { useSeries } from './hooks.ts';

export function SeriesList() {
  const t = useT();
  const [locale] = useLocale();
  const series = useSeries();
  return (
    <QueryState query={series}>
      {(list) =>
        list.length === 0 ? (
          <Text size="sm">{t('finance.series.empty')}</Text>
        ) : (
          <ResponsiveTable
            items={list}
            label={t('finance.series.list')}
            rowKey={(s) => s.id}
            minWidth={560}
            columns={[
              {
                header: t('finance.series.numbers'),
                title: true,
                cell: (s) => `${s.firstNumber} – ${s.lastNumber}`,
              },
              {
                header: t('finance.series.receivedOn'),
                cell: (s) => formatDayWithYear(s.receivedOn, locale),
              },
              {
                header: t('finance.series.unused'),
                numeric: true,
                cell: (s) => formatNumber(s.unused, locale),
              },
              { header: t('finance.series.note'), cell: (s) => s.note },
            ]}
          />
        )
      }
    </QueryState>
  );
}
