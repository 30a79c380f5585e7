import { Group, Stack, Text, Title } from '@mantine/core';
import { useSearchParams } from 'react-router';
import { useT } from '../../core/i18n/index.tsx';
import { DayInput } from '../../core/ui/DayInput.tsx';
import { QueryState } from '../../core/ui/QueryState.tsx';
import { usePageTitle } from '../../core/ui/usePageTitle.ts';
import { ActivitySection } from './ActivitySection.tsx';
import { EffectsSection } from './EffectsSection.tsx';
import { FunnelsSection } from './FunnelsSection.tsx';
import { useEffects, useImpact, type Period } from './hooks.ts';
import { TerritoriesSection } from './TerritoriesSection.tsx';
import { TrendsSection } from './TrendsSection.tsx';
import { VotesSection } from './VotesSection.tsx';

/**
 * HQ's impact page: contacts turned into estimated votes (ranges, turnout and persuasion
 * apart), the effects behind them with their sources, where contacts are short against the
 * margin, trends, funnels and committee activity. The period lives in the address.
 */
export function ImpactPage() {
  const t = useT();
  usePageTitle(t('insights.nav'));
  const [search, setSearch] = useSearchParams();
  const period: Period = { from: search.get('from') ?? '', to: search.get('to') ?? '' };
  const interval = search.get('interval') === 'week' ? 'week' : 'day';
  const impact = useImpact(period);
  const effects = useEffects();

  const set = (key: 'from' | 'to' | 'interval', value: string) =>
    setSearch(
      (prev) => {
        const next = new URLSearchParams(prev);
        if (value) next.set(key, value);
        else next.delete(key);
        return next;
      },
      { replace: true },
    );

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end">
        <Title order={1}>{t('insights.title')}</Title>
        <Stack gap={2}>
          <Group gap="xs" align="flex-end">
            <DayInput
              label={t('insights.from')}
              value={period.from}
              onChange={(day) => set('from', day)}
            />
            <DayInput
              label={t('insights.to')}
              value={period.to}
              onChange={(day) => set('to', day)}
            />
          </Group>
          <Text size="xs" c="dimmed">
            {t('insights.periodHelp')}
          </Text>
        </Stack>
      </Group>
      <Text size="sm">{t('insights.intro')}</Text>
      <QueryState query={impact}>{(data) => <VotesSection impact={data} />}</QueryState>
      <QueryState query={effects}>{(data) => <EffectsSection settings={data} />}</QueryState>
      <TerritoriesSection />
      <TrendsSection
        period={period}
        interval={interval}
        onInterval={(value) => set('interval', value === 'day' ? '' : value)}
      />
      <FunnelsSection period={period} />
      <ActivitySection period={period} />
    </Stack>
  );
}
