import { Box, Group, Progress, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { Funnels } from '../../../contracts/insights-funnels.ts';
import { formatNumber } from '../../core/format.ts';
import { useLocale, useT, type MessageKey } from '../../core/i18n/index.tsx';
import { QueryState } from '../../core/ui/QueryState.tsx';
import { Section } from '../../core/ui/Section.tsx';
import { useFunnels, type Period } from './hooks.ts';
import { stageKeys } from './labels.ts';

type Step = Funnels['recruitment'][number] | Funnels['donations'][number];

/** One funnel as a list of stages: count, bar against the first stage, share of the stage before. */
function Funnel({
  title,
  help,
  steps,
  testId,
}: {
  title: MessageKey;
  help: MessageKey;
  steps: readonly Step[];
  testId: string;
}) {
  const t = useT();
  const [locale] = useLocale();
  const recorded = steps.filter((s) => s.count !== null);
  const top = Math.max(1, ...recorded.map((s) => s.count ?? 0));
  const percent = new Intl.NumberFormat(locale === 'fr' ? 'fr-FR' : 'en-GB', {
    style: 'percent',
    maximumFractionDigits: 0,
  });
  return (
    <Stack gap="xs" data-testid={testId}>
      <Title order={3} size="h5">
        {t(title)}
      </Title>
      <Text size="xs" c="dimmed">
        {t(help)}
      </Text>
      <Stack component="ol" gap="xs" p={0} m={0}>
        {steps.map((step, i) => {
          const before = steps
            .slice(0, i)
            .reverse()
            .find((s) => s.count !== null);
          const share =
            step.count !== null && before?.count ? percent.format(step.count / before.count) : null;
          return (
            <Box component="li" key={step.stage} style={{ listStyle: 'none' }}>
              <Group justify="space-between" gap="xs">
                <Text size="sm">{t(stageKeys[step.stage])}</Text>
                <Text size="sm" fw={600}>
                  {step.count === null
                    ? t('insights.notRecorded')
                    : formatNumber(step.count, locale)}
                </Text>
              </Group>
              <Progress
                value={step.count === null ? 0 : (step.count / top) * 100}
                aria-hidden
                size="md"
              />
              {share && (
                <Text size="xs" c="dimmed">
                  {t('insights.ofPrevious', { share })}
                </Text>
              )}
            </Box>
          );
        })}
      </Stack>
    </Stack>
  );
}

export function FunnelsSection({ period }: { period: Period }) {
  const t = useT();
  const funnels = useFunnels(period);
  return (
    <Section title={t('insights.funnels')} description={t('insights.funnelsHelp')} anchor="funnels">
      <QueryState query={funnels}>
        {(data) => (
          <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
            <Funnel
              title="insights.funnel.recruitment"
              help="insights.funnel.recruitmentHelp"
              steps={data.recruitment}
              testId="funnel-recruitment"
            />
            <Funnel
              title="insights.funnel.donations"
              help="insights.funnel.donationsHelp"
              steps={data.donations}
              testId="funnel-donations"
            />
          </SimpleGrid>
        )}
      </QueryState>
    </Section>
  );
}
