import { Text } from '@mantine/core';
import { useT } from '../../core/i18n/index.tsx';
import { QueryState } from '../../core/ui/QueryState.tsx';
import { ResponsiveTable } from '../../core/ui/ResponsiveTable.tsx';
import { Section } from '../../core/ui/Section.tsx';
import { useNearCap } from './hooks.ts';
import { useEuros } from './useEuros.ts';

/** Donors close to the legal cap: a further gift of theirs may be refused. */
export function NearCapList() {
  const t = useT();
  const euros = useEuros();
  const nearCap = useNearCap();
  return (
    <Section title={t('finance.nearCap')} description={t('finance.nearCap.intro')}>
      <QueryState query={nearCap}>
        {(donors) =>
          donors.length === 0 ? (
            <Text size="sm">{t('finance.nearCap.empty')}</Text>
          ) : (
            <ResponsiveTable
              items={donors}
              label={t('finance.nearCap')}
              rowKey={(donor) => donor.personId}
              minWidth={560}
              columns={[
                { header: t('finance.donor'), title: true, cell: (d) => d.donorName },
                { header: t('finance.email'), cell: (d) => d.email },
                {
                  header: t('finance.nearCap.counted'),
                  numeric: true,
                  nowrap: true,
                  cell: (d) => `${euros(d.countedCents)} / ${euros(d.capCents)}`,
                },
                {
                  header: t('finance.nearCap.left'),
                  numeric: true,
                  nowrap: true,
                  cell: (d) => euros(d.leftCents),
                },
              ]}
            />
          )
        }
      </QueryState>
    </Section>
  );
}
