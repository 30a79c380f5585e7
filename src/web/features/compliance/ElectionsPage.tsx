import { Button, Group, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { TimeInput } from '@mantine/dates';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { territories, type Election, type ElectionRound } from '../../../contracts/compliance.ts';
import { formatDayWithYear } from '../../core/format.ts';
import { applyProblem } from '../../core/errors.ts';
import { useLocale, useT } from '../../core/i18n/index.tsx';
import { DayInput } from '../../core/ui/DayInput.tsx';
import { ErrorAlert } from '../../core/ui/ErrorAlert.tsx';
import { QueryState } from '../../core/ui/QueryState.tsx';
import { ResponsiveTable } from '../../core/ui/ResponsiveTable.tsx';
import { Section } from '../../core/ui/Section.tsx';
import { usePageTitle } from '../../core/ui/usePageTitle.ts';
import { focusFirstError } from '../../core/validation.ts';
import { electionValidation, emptyRound, type ElectionFormValues } from './electionForm.ts';
import { useCreateElection, useDeleteElection, useElections } from './hooks.ts';

function NewElectionForm() {
  const t = useT();
  const create = useCreateElection();
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<ElectionFormValues>({
    initialValues: { name: '', kind: 'national', rounds: [emptyRound] },
    validate: electionValidation(t),
  });
  const submit = form.onSubmit((values) => {
    setFormError(null);
    create.mutate(values, {
      onSuccess: () => {
        form.reset();
        notifications.show({ color: 'green', message: t('elections.saved') });
      },
      onError: (error) => {
        const fields = [
          'name',
          'kind',
          ...values.rounds.flatMap((_, i) => [`rounds.${i}.date`, `rounds.${i}.pollsClose`]),
        ];
        setFormError(applyProblem(form, error, t, fields));
        focusFirstError();
      },
    });
  }, focusFirstError);
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <TextInput
          label={t('elections.name')}
          required
          maxLength={120}
          {...form.getInputProps('name')}
        />
        <Select
          label={t('elections.kind')}
          allowDeselect={false}
          data={[
            { value: 'national', label: t('elections.kind.national') },
            { value: 'local', label: t('elections.kind.local') },
          ]}
          {...form.getInputProps('kind')}
        />
        {form.values.rounds.map((_, index) => (
          <Group key={index} align="flex-end" gap="sm">
            <Text fw={600} w={70}>
              {t('elections.roundNumber', { number: index + 1 })}
            </Text>
            <DayInput
              label={t('elections.date')}
              value={form.values.rounds[index]!.date}
              onChange={(day) => form.setFieldValue(`rounds.${index}.date`, day)}
              error={form.errors[`rounds.${index}.date`]}
            />
            <TimeInput
              label={t('elections.pollsClose')}
              {...form.getInputProps(`rounds.${index}.pollsClose`)}
            />
            {index > 0 && (
              <Button
                variant="subtle"
                color="red"
                onClick={() => form.removeListItem('rounds', index)}
              >
                {t('elections.removeRound', { number: index + 1 })}
              </Button>
            )}
          </Group>
        ))}
        <ErrorAlert message={formError} />
        <Group>
          {form.values.rounds.length < 4 && (
            <Button variant="light" onClick={() => form.insertListItem('rounds', emptyRound)}>
              {t('elections.addRound')}
            </Button>
          )}
          <Button type="submit" loading={create.isPending}>
            {t('elections.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** The territories voting on another day than metropolitan France, with that day. */
function OtherDays({ round }: { round: ElectionRound }) {
  const t = useT();
  const [locale] = useLocale();
  const others = territories.filter((x) => round.territoryDates[x] !== round.date);
  if (others.length === 0) return <>{t('elections.sameDay')}</>;
  return (
    <>
      {others
        .map((x) =>
          t('common.labelValue', {
            label: t(`elections.territory.${x}`),
            value: formatDayWithYear(round.territoryDates[x], locale),
          }),
        )
        .join(' · ')}
    </>
  );
}

function ElectionRounds({ election }: { election: Election }) {
  const t = useT();
  const [locale] = useLocale();
  const remove = useDeleteElection();
  return (
    <Section title={election.name}>
      <Text size="sm">{t(`elections.kind.${election.kind}`)}</Text>
      <ResponsiveTable
        items={election.rounds}
        label={t('elections.rounds', { name: election.name })}
        rowKey={(round) => round.number}
        columns={[
          {
            header: t('elections.roundNumber', { number: '' }).trim(),
            title: true,
            cell: (round) => t('elections.roundNumber', { number: round.number }),
          },
          { header: t('elections.date'), cell: (round) => formatDayWithYear(round.date, locale) },
          { header: t('elections.pollsClose'), cell: (round) => round.pollsClose },
          { header: t('elections.otherDays'), cell: (round) => <OtherDays round={round} /> },
        ]}
      />
      <Group>
        <Button
          size="xs"
          color="red"
          variant="light"
          loading={remove.isPending && remove.variables === election.id}
          onClick={() =>
            remove.mutate(election.id, {
              onSuccess: () =>
                notifications.show({ color: 'green', message: t('elections.deleted') }),
            })
          }
        >
          {t('elections.deleteNamed', { name: election.name })}
        </Button>
      </Group>
    </Section>
  );
}

export function ElectionsPage() {
  const t = useT();
  usePageTitle(t('elections.title'));
  const elections = useElections();
  return (
    <Stack gap="md" maw={960}>
      <Title order={1}>{t('elections.title')}</Title>
      <Text size="sm">{t('elections.intro')}</Text>
      <Section title={t('elections.new')}>
        <NewElectionForm />
      </Section>
      <Title order={2} size="h3">
        {t('elections.list')}
      </Title>
      <QueryState query={elections}>
        {(list) =>
          list.length === 0 ? (
            <Text size="sm">{t('elections.empty')}</Text>
          ) : (
            <Stack gap="md">
              {list.map((election) => (
                <ElectionRounds key={election.id} election={election} />
              ))}
            </Stack>
          )
        }
      </QueryState>
    </Stack>
  );
}
