import { Box, Group, Text } from '@mantine/core';
import { lazy, Suspense } from 'react';
import type { ProgressQuery } from '../../../contracts/field-progress.ts';
import type { VisitOutcome } from '../../../contracts/field-turfs.ts';
import { formatNumber } from '../../core/format.ts';
import { useLocale, useT } from '../../core/i18n/index.tsx';
import { PageLoader } from '../../core/ui/PageLoader.tsx';
import { QueryState } from '../../core/ui/QueryState.tsx';
import { Section } from '../../core/ui/Section.tsx';
import { useProgressMap } from './progress-hooks.ts';
import { outcomeColors, outcomeKeys, outcomes } from './progress-labels.ts';

const ProgressMap = lazy(async () => ({
  default: (await import('./ProgressMap.tsx')).ProgressMap,
}));

function Legend({ counts }: { counts: Map<VisitOutcome, number> }) {
  const t = useT();
  const [locale] = useLocale();
  return (
    <Group gap="md" component="ul" p={0} m={0} aria-label={t('field.progress.legend')}>
      {outcomes.map((outcome) => (
        <Group key={outcome} gap={6} component="li" style={{ listStyle: 'none' }}>
          <Box
            w={12}
            h={12}
            bg={outcomeColors[outcome]}
            style={{ borderRadius: '50%' }}
            aria-hidden
          />
          <Text size="sm">
            {t('common.labelValue', {
              label: t(outcomeKeys[outcome]),
              value: formatNumber(counts.get(outcome) ?? 0, locale),
            })}
          </Text>
        </Group>
      ))}
    </Group>
  );
}

/** The live map: visited addresses by their latest outcome, read again every 30 seconds. */
export function ProgressMapSection({ query }: { query: ProgressQuery }) {
  const t = useT();
  const map = useProgressMap(query);
  return (
    <Section title={t('field.progress.map')} description={t('field.progress.mapHelp')}>
      <QueryState query={map}>
        {(data) => {
          const counts = new Map<VisitOutcome, number>();
          for (const point of data.points)
            counts.set(point.outcome, (counts.get(point.outcome) ?? 0) + 1);
          const summary = t('field.progress.mapSummary', { count: data.points.length });
          return (
            <>
              <Suspense fallback={<PageLoader />}>
                <ProgressMap points={data.points} fitKey={JSON.stringify(query)} label={summary} />
              </Suspense>
              <Text size="sm">{summary}</Text>
              {data.truncated && (
                <Text size="sm" c="orange">
                  {t('field.progress.mapTruncated')}
                </Text>
              )}
              <Legend counts={counts} />
            </>
          );
        }}
      </QueryState>
    </Section>
  );
}
