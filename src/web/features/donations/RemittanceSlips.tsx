import { Text } from '@mantine/core';
import { formatDayWithYear, formatNumber } from '../../core/format.ts';
import { useLocale, useT } from '../../core/i18n/index.tsx';
import { QueryState } from '../../core/ui/QueryState.tsx';
import { ResponsiveTable } from '../../core/ui/ResponsiveTable.tsx';
import { useRemittances } from './hooks.ts';
import { useEuros } from './useEuros.ts';

export function RemittanceSlips() {
  const t = useT();
  const [locale] = useLocale();
  const euros = useEuros();
  const slips = useRemittances();
  return (
    <QueryState query={slips}>
      {(list) =>
        list.length === 0 ? (
          <Text size="sm">{t('finance.slips.empty')}</Text>
        ) : (
          <ResponsiveTable
            items={list}
            label={t('finance.slips')}
            rowKey={(slip) => slip.id}
            minWidth={560}
            columns={[
              { header: t('finance.slips.number'), title: true, cell: (s) => s.number },
              { header: t('finance.means'), cell: (s) => t(`finance.means.${s.means}`) },
              {
                header: t('finance.slips.depositedOn'),
                cell: (s) => formatDayWithYear(s.depositedOn, locale),
              },
              {
                header: t('finance.totals.count'),
                numeric: true,
                cell: (s) => formatNumber(s.count, locale),
              },
              {
                header: t('finance.totals.total'),
                numeric: true,
                nowrap: true,
                cell: (s) => euros(s.totalCents),
              },
            ]}
          />
        )
      }
    </QueryState>
  );
}
