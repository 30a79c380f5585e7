import { Paper, SimpleGrid, Text } from '@mantine/core';
import type { Progress } from '../../../contracts/field-progress.ts';
import { formatNumber } from '../../core/format.ts';
import { useLocale, useT } from '../../core/i18n/index.tsx';

function Stat({ label, value, detail }: { label: string; value: string; detail?: string }) {
  return (
    <Paper withBorder p="sm" role="group" aria-label={label}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text fw={700} fz={26}>
        {value}
      </Text>
      {detail && (
        <Text size="xs" c="dimmed">
          {detail}
        </Text>
      )}
    </Paper>
  );
}

const percent = (part: number, whole: number) => (whole > 0 ? Math.round((part / whole) * 100) : 0);

/** The headline figures: doors, knocks, conversations, contacts, leaflets. */
export function ProgressCards({ progress }: { progress: Progress }) {
  const t = useT();
  const [locale] = useLocale();
  const n = (value: number) => formatNumber(value, locale);
  return (
    <SimpleGrid cols={{ base: 2, sm: 3, lg: 6 }} spacing="sm">
      <Stat label={t('field.progress.doors')} value={n(progress.doors)} />
      <Stat
        label={t('field.progress.knocked')}
        value={n(progress.knocked)}
        detail={t('field.progress.ofDoors', { percent: percent(progress.knocked, progress.doors) })}
      />
      <Stat label={t('field.progress.visits')} value={n(progress.visits)} />
      <Stat
        label={t('field.progress.conversations')}
        value={n(progress.conversations)}
        detail={t('field.progress.ofKnocked', {
          percent: percent(progress.conversations, progress.knocked),
        })}
      />
      <Stat label={t('field.progress.contacts')} value={n(progress.contacts)} />
      <Stat label={t('field.progress.leaflets')} value={n(progress.leafletsDropped)} />
    </SimpleGrid>
  );
}
