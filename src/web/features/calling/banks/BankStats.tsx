import { Progress, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { callOutcomes, type PhoneBankStats } from '../../../../contracts/phone-banks.ts';
import { formatDay, formatNumber } from '../../../core/format.ts';
import { useLocale, useT } from '../../../core/i18n/index.tsx';
import { QueryState } from '../../../core/ui/QueryState.tsx';
import { Section } from '../../../core/ui/Section.tsx';
import { supportLabel, supportLevelList } from '../../field/questionnaire-labels.ts';
import { Figures } from '../Figures.tsx';
import { usePhoneBankStats } from './hooks.ts';
import { barShares, donePercent, outcomeKeys } from './labels.ts';
import { TallyTable } from './TallyTable.tsx';

/** The queue: who is left, being called, done; the calls by what came of them. */
function Counts({ stats }: { stats: PhoneBankStats }) {
  const t = useT();
  const [locale] = useLocale();
  const number = (value: number) => formatNumber(value, locale);
  const { counts } = stats;
  return (
    <Stack gap="sm">
      <Progress value={donePercent(counts)} size="lg" aria-label={t('banks.stats.progress')} />
      <Text size="sm" role="status">
        {t('banks.stats.doneOf', {
          done: number(counts.done),
          audience: number(counts.audience),
          percent: donePercent(counts),
        })}
      </Text>
      <Figures
        label={t('banks.stats.queue')}
        items={[
          { label: t('banks.stats.audience'), value: number(counts.audience) },
          { label: t('banks.stats.due'), value: number(counts.due) },
          { label: t('banks.stats.claimed'), value: number(counts.claimed) },
          { label: t('banks.stats.done'), value: number(counts.done) },
          { label: t('banks.stats.calls'), value: number(counts.calls) },
        ]}
      />
      <Title order={3} size="h5">
        {t('banks.stats.byOutcome')}
      </Title>
      <Figures
        label={t('banks.stats.byOutcome')}
        items={callOutcomes.map((outcome) => ({
          label: t(outcomeKeys[outcome]),
          value: number(counts.byOutcome[outcome]),
        }))}
      />
    </Stack>
  );
}

/** Calls per day, oldest first, each with a bar against the busiest day. */
function ByDay({ stats }: { stats: PhoneBankStats }) {
  const t = useT();
  const [locale] = useLocale();
  if (stats.byDay.length === 0)
    return (
      <Text size="sm" c="dimmed">
        {t('banks.stats.noCalls')}
      </Text>
    );
  const shares = barShares(stats.byDay.map((day) => day.calls));
  return (
    <Table.ScrollContainer minWidth={360}>
      <Table striped aria-label={t('banks.stats.byDay')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('banks.stats.day')}</Table.Th>
            <Table.Th ta="right">{t('banks.tally.calls')}</Table.Th>
            <Table.Th ta="right">{t('banks.tally.conversations')}</Table.Th>
            <Table.Th w="40%" aria-hidden />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {stats.byDay.map((day, i) => (
            <Table.Tr key={day.day}>
              <Table.Td>{formatDay(day.day, locale)}</Table.Td>
              <Table.Td ta="right">{formatNumber(day.calls, locale)}</Table.Td>
              <Table.Td ta="right">{formatNumber(day.conversations, locale)}</Table.Td>
              <Table.Td aria-hidden>
                <Progress value={shares[i] ?? 0} size="sm" />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** How many conversations ended at each support level: numbers only, no names. */
function Support({ stats }: { stats: PhoneBankStats }) {
  const t = useT();
  const [locale] = useLocale();
  const levels = supportLevelList.map((level) => ({
    level,
    count: stats.support[String(level)] ?? 0,
  }));
  if (levels.every(({ count }) => count === 0))
    return (
      <Text size="sm" c="dimmed">
        {t('banks.stats.noSupport')}
      </Text>
    );
  const shares = barShares(levels.map(({ count }) => count));
  return (
    <Stack gap={6} component="dl" m={0} aria-label={t('banks.stats.support')}>
      {levels.map(({ level, count }, i) => (
        <div key={level}>
          <Text component="dt" size="sm">
            {supportLabel(level, t)}
          </Text>
          <Text component="dd" m={0} size="sm" fw={600}>
            {formatNumber(count, locale)}
          </Text>
          <Progress value={shares[i] ?? 0} size="xs" aria-hidden />
        </div>
      ))}
    </Stack>
  );
}

/** An opened bank's figures, asked again every 10 s while it is open. */
export function BankStats({ id, live }: { id: number; live: boolean }) {
  const t = useT();
  const stats = usePhoneBankStats(id, live);
  return (
    <QueryState query={stats}>
      {(data) => (
        <Stack gap="md">
          <Section
            title={t('banks.stats.title')}
            description={live ? t('banks.stats.live') : undefined}
          >
            <Counts stats={data} />
          </Section>
          <Section title={t('banks.stats.byDay')}>
            <ByDay stats={data} />
          </Section>
          <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
            <Section title={t('banks.stats.volunteers')}>
              <TallyTable
                rows={data.volunteers}
                label={t('banks.stats.volunteers')}
                nameHeader={t('banks.tally.volunteer')}
                empty={t('banks.tally.none')}
              />
            </Section>
            <Section title={t('banks.stats.committees')}>
              <TallyTable
                rows={data.committees}
                label={t('banks.stats.committees')}
                nameHeader={t('banks.tally.committee')}
                empty={t('banks.tally.none')}
              />
            </Section>
          </SimpleGrid>
          <Section title={t('banks.stats.support')} description={t('banks.stats.supportHelp')}>
            <Support stats={data} />
          </Section>
        </Stack>
      )}
    </QueryState>
  );
}
