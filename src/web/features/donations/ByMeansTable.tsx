import { formatNumber } from '../../core/format.ts';
import { useLocale, useT } from '../../core/i18n/index.tsx';
import { ResponsiveTable } from '../../core/ui/ResponsiveTable.tsx';
import type { Totals } from './TotalsCards.tsx';
import { useEuros } from './useEuros.ts';

export function ByMeansTable({ rows }: { rows: Totals['byMeans'] }) {
  const t = useT();
  const [locale] = useLocale();
  const euros = useEuros();
  return (
    <ResponsiveTable
      items={rows}
      label={t('finance.byMeans')}
      rowKey={(row) => row.means}
      minWidth={320}
      columns={[
        { header: t('finance.means'), title: true, cell: (row) => t(`finance.means.${row.means}`) },
        {
          header: t('finance.totals.count'),
          numeric: true,
          cell: (row) => formatNumber(row.count, locale),
        },
        {
          header: t('finance.totals.total'),
          numeric: true,
          nowrap: true,
          cell: (row) => euros(row.totalCents),
        },
      ]}
    />
  );
}
