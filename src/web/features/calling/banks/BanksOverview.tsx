import { SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { formatNumber } from '../../../core/format.ts';
import { useLocale, useT } from '../../../core/i18n/index.tsx';
import { QueryState } from '../../../core/ui/QueryState.tsx';
import { Section } from '../../../core/ui/Section.tsx';
import { usePhoneBanksOverview } from './hooks.ts';
import { TallyTable } from './TallyTable.tsx';

function Board({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Stack gap="xs" style={{ minWidth: 0 }}>
      <Title order={3} size="h5">
        {title}
      </Title>
      {children}
    </Stack>
  );
}

/** Every bank at once: calls and conversations, the volunteers, committees and banks on top. */
export function BanksOverview() {
  const t = useT();
  const [locale] = useLocale();
  const overview = usePhoneBanksOverview();
  return (
    <Section title={t('banks.overview.title')}>
      <QueryState query={overview}>
        {(data) => (
          <Stack gap="md">
            <Text size="sm" role="status">
              {t('banks.overview.totals', {
                calls: formatNumber(data.calls, locale),
                conversations: formatNumber(data.conversations, locale),
              })}
            </Text>
            <SimpleGrid cols={{ base: 1, md: 3 }} spacing="lg">
              <Board title={t('banks.overview.volunteers')}>
                <TallyTable
                  rows={data.volunteers}
                  label={t('banks.overview.volunteers')}
                  nameHeader={t('banks.tally.volunteer')}
                  empty={t('banks.tally.none')}
                />
              </Board>
              <Board title={t('banks.overview.committees')}>
                <TallyTable
                  rows={data.committees}
                  label={t('banks.overview.committees')}
                  nameHeader={t('banks.tally.committee')}
                  empty={t('banks.tally.none')}
                />
              </Board>
              <Board title={t('banks.overview.banks')}>
                <TallyTable
                  rows={data.banks}
                  label={t('banks.overview.banks')}
                  nameHeader={t('banks.tally.bank')}
                  empty={t('banks.tally.none')}
                  linkTo={(bank) => `/hq/calling/banks/${bank.id}`}
                />
              </Board>
            </SimpleGrid>
          </Stack>
        )}
      </QueryState>
    </Section>
  );
}
