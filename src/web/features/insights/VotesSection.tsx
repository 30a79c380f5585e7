import { Paper, SimpleGrid, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import type { ImpactSummary, VoteRange } from '../../../contracts/insights.ts';
import { formatDateTime, formatNumber } from '../../core/format.ts';
import { useLocale, useT } from '../../core/i18n/index.tsx';
import { ResponsiveTable } from '../../core/ui/ResponsiveTable.tsx';
import { Section } from '../../core/ui/Section.tsx';
import { rangeFigures } from './impact-format.ts';
import { kindKeys } from './labels.ts';

/** A range said as "low – central – high", and in words for a screen reader. */
export function Range({ range, strong = false }: { range: VoteRange; strong?: boolean }) {
  const t = useT();
  const [locale] = useLocale();
  const figures = rangeFigures(range, locale);
  return (
    <Text
      component="span"
      fw={strong ? 700 : undefined}
      fz={strong ? 22 : undefined}
      aria-label={t('insights.rangeSpoken', figures)}
      style={{ whiteSpace: 'nowrap' }}
    >
      {t('insights.range', figures)}
    </Text>
  );
}

function Card({ label, hint, children }: { label: string; hint?: string; children: ReactNode }) {
  return (
    <Paper withBorder p="md">
      <Text size="sm" c="dimmed">
        {label}
      </Text>
      {children}
      {hint && (
        <Text size="xs" c="dimmed">
          {hint}
        </Text>
      )}
    </Paper>
  );
}

/** Contacts and the votes they are estimated to bring, in all and by kind, turnout and persuasion apart. */
export function VotesSection({ impact }: { impact: ImpactSummary }) {
  const t = useT();
  const [locale] = useLocale();
  const n = (value: number) => formatNumber(value, locale);
  const communeOnly = new Map(impact.placementByKind.map((p) => [p.kind, p.placement.communeOnly]));
  return (
    <Section title={t('insights.votes')}>
      <Text size="sm" data-testid="impact-freshness">
        {impact.freshness.refreshedUpTo
          ? t('insights.freshness', {
              time: formatDateTime(impact.freshness.refreshedUpTo, locale),
            })
          : t('insights.freshnessNone')}
      </Text>
      <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="sm">
        <Card label={t('insights.contacts')}>
          <Text fw={700} fz={22} data-testid="impact-contacts">
            {n(impact.contacts)}
          </Text>
        </Card>
        <Card label={t('insights.votes')} hint={t('insights.rangeHelp')}>
          <div data-testid="impact-votes-total">
            <Range range={impact.votes.total} strong />
          </div>
        </Card>
        <Card label={t('insights.turnout')} hint={t('insights.rangeHelp')}>
          <div data-testid="impact-votes-turnout">
            <Range range={impact.votes.turnout} strong />
          </div>
        </Card>
        <Card label={t('insights.persuasion')} hint={t('insights.rangeHelp')}>
          <div data-testid="impact-votes-persuasion">
            <Range range={impact.votes.persuasion} strong />
          </div>
        </Card>
      </SimpleGrid>
      <Stack gap={4}>
        <Text fw={600} size="sm">
          {t('insights.byKind')}
        </Text>
        <ResponsiveTable
          items={impact.byKind}
          label={t('insights.byKind')}
          rowKey={(row) => row.kind}
          minWidth={720}
          columns={[
            { header: t('insights.kind'), title: true, cell: (row) => t(kindKeys[row.kind]) },
            { header: t('insights.contacts'), numeric: true, cell: (row) => n(row.contacts) },
            {
              header: t('insights.communeOnly'),
              numeric: true,
              cell: (row) => n(communeOnly.get(row.kind) ?? 0),
            },
            {
              header: `${t('insights.turnout')} (${t('insights.rangeHelp')})`,
              numeric: true,
              cell: (row) => <Range range={row.votes.turnout} />,
            },
            {
              header: `${t('insights.persuasion')} (${t('insights.rangeHelp')})`,
              numeric: true,
              cell: (row) => <Range range={row.votes.persuasion} />,
            },
          ]}
        />
      </Stack>
      <Text size="sm" c="dimmed" data-testid="impact-placement-note">
        {t('insights.placementNote', {
          communeOnly: n(impact.placement.communeOnly),
          contacts: n(impact.contacts),
          unplaced: n(impact.placement.unplaced),
        })}
      </Text>
    </Section>
  );
}
