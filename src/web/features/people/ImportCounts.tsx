import { Paper, SimpleGrid, Text } from '@mantine/core';
import type { ImportReport } from '../../../contracts/people.ts';
import { formatNumber } from '../../core/format.ts';
import { useLocale, useT } from '../../core/i18n/index.tsx';

function Count({ label, value }: { label: string; value: string }) {
  return (
    <Paper withBorder p="xs">
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text fw={700} size="lg">
        {value}
      </Text>
    </Paper>
  );
}

/** Row counts of a preview or of a finished import. */
export function ImportCounts({ report, done = false }: { report: ImportReport; done?: boolean }) {
  const t = useT();
  const [locale] = useLocale();
  const n = (v: number) => formatNumber(v, locale);
  return (
    <SimpleGrid cols={{ base: 2, sm: 3, md: done ? 6 : 5 }} spacing="xs" aria-live="polite">
      <Count label={t('import.totalRows')} value={n(report.totalRows)} />
      <Count label={t('import.validRows')} value={n(report.validRows)} />
      {/* Rows refused, and apart from them the warnings (rows imported all the same). */}
      <Count label={t('import.invalidRows')} value={n(report.invalidRows)} />
      <Count label={t('import.warnings')} value={n(report.warningCount ?? 0)} />
      {done ? (
        <>
          <Count label={t('import.created')} value={n(report.createdCount)} />
          <Count label={t('import.merged')} value={n(report.mergedCount)} />
        </>
      ) : (
        <Count
          label={t('import.wouldMerge')}
          value={report.wouldMerge === null ? '—' : n(report.wouldMerge)}
        />
      )}
    </SimpleGrid>
  );
}
