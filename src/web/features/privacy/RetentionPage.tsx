import { Badge, Button, Group, List, NumberInput, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import type { RetentionOverview } from '../../../contracts/privacy-retention.ts';
import { errorText } from '../../core/errors.ts';
import { formatDateTime, formatDayWithYear, formatNumber } from '../../core/format.ts';
import { useLocale, useT, type MessageKey } from '../../core/i18n/index.tsx';
import { ErrorAlert } from '../../core/ui/ErrorAlert.tsx';
import { QueryState } from '../../core/ui/QueryState.tsx';
import { ResponsiveTable } from '../../core/ui/ResponsiveTable.tsx';
import { Section } from '../../core/ui/Section.tsx';
import { usePageTitle } from '../../core/ui/usePageTitle.ts';
import { useRetention, useSaveRetentionSettings } from './retention-hooks.ts';

/** The page's words for each reason features declare (a new one shows its English reason). */
const keptLabels: Record<string, MessageKey> = {
  consent: 'retention.kept.consent',
  account: 'retention.kept.account',
  signup: 'retention.kept.signup',
  membership: 'retention.kept.membership',
  rsvp: 'retention.kept.rsvp',
  donation: 'retention.kept.donation',
  donationPlan: 'retention.kept.donationPlan',
  turf: 'retention.kept.turf',
  doorsKnocked: 'retention.kept.doorsKnocked',
  phoneBankCalls: 'retention.kept.phoneBankCalls',
};

function DelayForm({ days }: { days: number }) {
  const t = useT();
  const save = useSaveRetentionSettings();
  const [value, setValue] = useState<number | string>(days);
  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    save.mutate(
      { prospectDelayDays: Number(value) },
      { onSuccess: () => notifications.show({ color: 'green', message: t('retention.saved') }) },
    );
  };
  return (
    <form onSubmit={submit} noValidate>
      <Group align="flex-end">
        <NumberInput
          label={t('retention.delay')}
          min={0}
          max={366}
          allowDecimal={false}
          value={value}
          onChange={setValue}
          w={260}
        />
        <Button type="submit" loading={save.isPending}>
          {t('retention.save')}
        </Button>
      </Group>
      <ErrorAlert message={save.isError ? errorText(save.error, t) : null} />
    </form>
  );
}

function Overview({ data }: { data: RetentionOverview }) {
  const t = useT();
  const [locale] = useLocale();
  return (
    <Stack gap="lg">
      <Section title={t('retention.title')} description={t('retention.intro')}>
        <DelayForm days={data.settings.prospectDelayDays} />
      </Section>
      <Section title={t('retention.keptTitle')} description={t('retention.keptText')}>
        <List size="sm">
          {data.keptFor.map(({ key, reason }) => (
            <List.Item key={key}>{key in keptLabels ? t(keptLabels[key]!) : reason}</List.Item>
          ))}
        </List>
      </Section>
      <Section title={t('retention.elections')}>
        {data.elections.length === 0 ? (
          <Text size="sm">{t('retention.noElections')}</Text>
        ) : (
          <ResponsiveTable
            items={data.elections}
            label={t('retention.elections')}
            rowKey={(election) => election.id}
            columns={[
              { header: t('retention.election'), title: true, cell: (e) => e.name },
              {
                header: t('retention.lastRound'),
                cell: (e) => formatDayWithYear(e.lastRound, locale),
              },
              { header: t('retention.purgeOn'), cell: (e) => formatDayWithYear(e.purgeOn, locale) },
              {
                header: t('retention.state'),
                cell: (e) =>
                  e.purged ? (
                    <Badge color="gray">{t('retention.purged')}</Badge>
                  ) : (
                    <Badge variant="light">{t('retention.waiting')}</Badge>
                  ),
              },
            ]}
          />
        )}
      </Section>
      <Section title={t('retention.runs')}>
        {data.runs.length === 0 ? (
          <Text size="sm">{t('retention.noRuns')}</Text>
        ) : (
          <ResponsiveTable
            items={data.runs}
            label={t('retention.runs')}
            rowKey={(run) => run.id}
            columns={[
              {
                header: t('retention.ranAt'),
                title: true,
                cell: (r) => formatDateTime(r.ranAt, locale),
              },
              { header: t('retention.election'), cell: (r) => r.electionName },
              {
                header: t('retention.people'),
                numeric: true,
                cell: (r) => formatNumber(r.people, locale),
              },
              {
                header: t('retention.rows'),
                cell: (r) =>
                  Object.entries(r.rows)
                    .map(([table, rows]) => `${table} ${formatNumber(rows, locale)}`)
                    .join(' · '),
              },
            ]}
          />
        )}
      </Section>
    </Stack>
  );
}

export function RetentionPage() {
  const t = useT();
  usePageTitle(t('retention.title'));
  const retention = useRetention();
  return (
    <Stack gap="lg">
      <Title order={1}>{t('retention.title')}</Title>
      <QueryState query={retention}>{(data) => <Overview data={data} />}</QueryState>
    </Stack>
  );
}
