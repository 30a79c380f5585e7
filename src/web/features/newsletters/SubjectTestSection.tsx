import { Badge, Button, Group, SimpleGrid, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconTrophy } from '@tabler/icons-react';
import { useState } from 'react';
import type {
  Newsletter,
  SubjectTest,
  SubjectVariant,
  SubjectVariantFigures,
} from '../../../contracts/newsletters.ts';
import { formatDateTime, formatNumber } from '../../core/format.ts';
import { useLocale, useT } from '../../core/i18n/index.tsx';
import { ResponsiveTable } from '../../core/ui/ResponsiveTable.tsx';
import { Section } from '../../core/ui/Section.tsx';
import { Fact } from '../calling/Fact.tsx';
import { usePickSubjectTestWinner } from './hooks.ts';
import { NewsletterConfirm } from './NewsletterConfirm.tsx';
import { hitsOf, rate } from './subject-test-form.ts';

const variants: readonly SubjectVariant[] = ['a', 'b'];

/** Why the winner won, in words (which variant had no measure, when one had none). */
function ReasonText({ test }: { test: SubjectTest }) {
  const t = useT();
  const [locale] = useLocale();
  if (!test.reason || !test.winner) return null;
  const metric = t(`newsletters.subjectTest.metricWord.${test.metric}`);
  const on = test.decidedOn;
  let reason: string;
  if (test.reason === 'no_tracking' && on && (on.a.tracked === 0) !== (on.b.tracked === 0)) {
    const variant = on.a.tracked === 0 ? 'a' : 'b';
    reason = t('newsletters.subjectTest.reason.no_tracking_one', {
      variant: t(`newsletters.subjectTest.variant.${variant}`),
    });
  } else {
    reason = t(`newsletters.subjectTest.reason.${test.reason}`, { metric });
  }
  const noRate = t('newsletters.subjectTest.noRate');
  return (
    <Stack gap={4}>
      <Text size="sm" fw={600}>
        {t('newsletters.subjectTest.decidedAt', {
          date: formatDateTime(test.decidedAt, locale),
          variant: t(`newsletters.subjectTest.variant.${test.winner}`),
        })}
      </Text>
      <Text size="sm">{reason}</Text>
      {on && (
        <Text size="sm" c="dimmed">
          {t('newsletters.subjectTest.atDecision', {
            rateA: rate(hitsOf(on.a, test.metric), on.a.tracked, locale) ?? noRate,
            hitsA: formatNumber(hitsOf(on.a, test.metric), locale),
            trackedA: formatNumber(on.a.tracked, locale),
            rateB: rate(hitsOf(on.b, test.metric), on.b.tracked, locale) ?? noRate,
            hitsB: formatNumber(hitsOf(on.b, test.metric), locale),
            trackedB: formatNumber(on.b.tracked, locale),
          })}
        </Text>
      )}
    </Stack>
  );
}

/** Staff pick the winner before the wait is over: one button per subject, asked first. */
function PickWinner({ newsletter, test }: { newsletter: Newsletter; test: SubjectTest }) {
  const t = useT();
  const pick = usePickSubjectTestWinner();
  const [asking, setAsking] = useState<SubjectVariant | null>(null);
  const subjectOf = (variant: SubjectVariant) =>
    variant === 'a' ? newsletter.subject : test.subjectB;
  return (
    <Stack gap="xs">
      <Text size="sm" fw={600}>
        {t('newsletters.subjectTest.pick')}
      </Text>
      <Group gap="xs">
        {variants.map((variant) => (
          <Button
            key={variant}
            variant="light"
            leftSection={<IconTrophy size={18} aria-hidden />}
            onClick={() => setAsking(variant)}
          >
            {t('newsletters.subjectTest.pickVariant', {
              variant: t(`newsletters.subjectTest.variant.${variant}`),
            })}
          </Button>
        ))}
      </Group>
      {asking && (
        <NewsletterConfirm
          opened
          title={t('newsletters.subjectTest.pickTitle', {
            variant: t(`newsletters.subjectTest.variant.${asking}`),
          })}
          confirmLabel={t('newsletters.subjectTest.pickVariant', {
            variant: t(`newsletters.subjectTest.variant.${asking}`),
          })}
          loading={pick.isPending}
          onClose={() => setAsking(null)}
          onConfirm={async () => {
            await pick.mutateAsync({ id: newsletter.id, variant: asking });
            notifications.show({
              color: 'green',
              message: t('newsletters.subjectTest.picked', {
                variant: t(`newsletters.subjectTest.variant.${asking}`),
              }),
            });
          }}
        >
          {t('newsletters.subjectTest.pickText', {
            variant: t(`newsletters.subjectTest.variant.${asking}`),
            subject: subjectOf(asking),
          })}
        </NewsletterConfirm>
      )}
    </Stack>
  );
}

/**
 * A newsletter's subject test: its settings and two subjects; once its send started, each
 * subject's figures in the sample (sent, measured, opens and clicks with their rates), when the
 * winner is chosen, then which won and why; while the sample is out, a way to pick now.
 */
export function SubjectTestSection({ newsletter }: { newsletter: Newsletter }) {
  const t = useT();
  const [locale] = useLocale();
  const test = newsletter.subjectTest;
  if (!test) return null;
  const started = test.decideAt !== null;
  const figureRows = variants.map((variant) => ({ variant, figures: test.variants[variant] }));
  const count = (value: number) => formatNumber(value, locale);
  const share = (hits: number, figures: SubjectVariantFigures) =>
    rate(hits, figures.tracked, locale) ?? t('newsletters.subjectTest.noRate');
  return (
    <Section title={t('newsletters.subjectTest.title')}>
      <Text size="sm">
        {t('newsletters.subjectTest.settings', {
          percent: test.samplePercent,
          hours: test.waitHours,
          metric: t(`newsletters.subjectTest.metricWord.${test.metric}`),
        })}
      </Text>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm" component="dl" m={0}>
        <Fact label={t('newsletters.subjectTest.subjectA')}>{newsletter.subject}</Fact>
        <Fact label={t('newsletters.subjectTest.subjectB')}>{test.subjectB}</Fact>
      </SimpleGrid>
      {started && (
        <>
          {test.eligible !== null && (
            <Text size="sm" c="dimmed">
              {t('newsletters.subjectTest.pool', { eligible: count(test.eligible) })}
            </Text>
          )}
          <ResponsiveTable
            label={t('newsletters.subjectTest.table')}
            items={figureRows}
            rowKey={(row) => row.variant}
            minWidth={560}
            columns={[
              {
                header: t('newsletters.subjectTest.col.variant'),
                title: true,
                cell: (row) => (
                  <Group gap="xs" wrap="nowrap">
                    <Text fw={600} size="sm">
                      {t(`newsletters.subjectTest.variant.${row.variant}`)}
                    </Text>
                    {test.winner === row.variant && (
                      <Badge color="green" variant="light">
                        {t('newsletters.subjectTest.winnerBadge')}
                      </Badge>
                    )}
                  </Group>
                ),
              },
              {
                header: t('newsletters.subjectTest.col.recipients'),
                numeric: true,
                cell: (row) => count(row.figures.recipients),
              },
              {
                header: t('newsletters.subjectTest.col.sent'),
                numeric: true,
                cell: (row) => count(row.figures.sent),
              },
              {
                header: t('newsletters.subjectTest.col.tracked'),
                numeric: true,
                cell: (row) => count(row.figures.tracked),
              },
              {
                header: t('newsletters.subjectTest.col.opened'),
                numeric: true,
                cell: (row) => count(row.figures.opened),
              },
              {
                header: t('newsletters.subjectTest.col.openRate'),
                numeric: true,
                cell: (row) => share(row.figures.opened, row.figures),
              },
              {
                header: t('newsletters.subjectTest.col.clicked'),
                numeric: true,
                cell: (row) => count(row.figures.clicked),
              },
              {
                header: t('newsletters.subjectTest.col.clickRate'),
                numeric: true,
                cell: (row) => share(row.figures.clicked, row.figures),
              },
            ]}
          />
          <Text size="xs" c="dimmed">
            {t('newsletters.subjectTest.trackedHelp')}
          </Text>
          {test.decidedAt === null && (
            <Text size="sm">
              {t('newsletters.subjectTest.decideAt', {
                date: formatDateTime(test.decideAt, locale),
              })}
            </Text>
          )}
          <ReasonText test={test} />
          {newsletter.status === 'testing' && test.decidedAt === null && (
            <PickWinner newsletter={newsletter} test={test} />
          )}
        </>
      )}
    </Section>
  );
}
