import { Alert, Button, Group, SegmentedControl, Select, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import type { Election, TargetChoice, Targeting } from '../../../contracts/field.ts';
import { formatNumber } from '../../core/format.ts';
import { useLocale, useT } from '../../core/i18n/index.tsx';
import { ErrorAlert } from '../../core/ui/ErrorAlert.tsx';
import { foldedFilter } from '../../core/ui/foldedFilter.ts';
import { fieldErrorText } from './fieldErrors.ts';
import { FormulaField, useFormulaProblem } from './FormulaField.tsx';
import { useSaveTargeting } from './targetingHooks.ts';

type ChoiceKind = TargetChoice['kind'];

const candidateLabel = (c: Election['candidates'][number]) =>
  [
    `${c.panel}.`,
    [c.firstName, c.lastName].filter(Boolean).join(' '),
    c.nuance ? `(${c.nuance})` : null,
    c.list ? `· ${c.list}` : null,
  ]
    .filter(Boolean)
    .join(' ');

/** Which election, whose score and which formula rank the polling stations. */
export function TargetingForm({
  targeting,
  elections,
}: {
  targeting: Targeting;
  elections: readonly Election[];
}) {
  const t = useT();
  const [locale] = useLocale();
  const save = useSaveTargeting();
  const [electionId, setElectionId] = useState<number | null>(targeting.electionId);
  const [kind, setKind] = useState<ChoiceKind>(targeting.choice?.kind ?? 'candidate');
  const [panel, setPanel] = useState<string | null>(
    targeting.choice?.kind === 'candidate' ? String(targeting.choice.panel) : null,
  );
  const [nuance, setNuance] = useState<string | null>(
    targeting.choice?.kind === 'nuance' ? targeting.choice.nuance : null,
  );
  const [formula, setFormula] = useState(targeting.formula);
  const [error, setError] = useState<string | null>(null);
  const formulaProblem = useFormulaProblem(formula);

  const election = elections.find((e) => e.id === electionId) ?? null;
  const choice: TargetChoice | null =
    kind === 'candidate'
      ? panel === null
        ? null
        : { kind, panel: Number(panel) }
      : nuance === null
        ? null
        : { kind, nuance };

  const chooseElection = (value: string | null) => {
    setElectionId(value === null ? null : Number(value));
    // Panels and nuances are the election's own.
    setPanel(null);
    setNuance(null);
  };

  const submit = () => {
    setError(null);
    if (formulaProblem) return;
    save.mutate(
      { electionId, choice, formula },
      {
        onSuccess: () =>
          notifications.show({ color: 'green', message: t('field.targeting.saved') }),
        onError: (failure) => setError(fieldErrorText(failure, t)),
      },
    );
  };

  const candidates = [...(election?.candidates ?? [])].sort((a, b) => b.votes - a.votes);
  return (
    <Stack gap="md">
      <Select
        label={t('field.targeting.election')}
        placeholder={t('field.targeting.electionPlaceholder')}
        data={elections.map((e) => ({
          value: String(e.id),
          label: `${e.label} · ${t('field.targeting.stationCount', { count: formatNumber(e.stations, locale) })}`,
        }))}
        value={electionId === null ? null : String(electionId)}
        onChange={chooseElection}
        searchable
        allowDeselect={false}
        filter={foldedFilter}
        nothingFoundMessage={t('common.nothingFound')}
      />
      {election && (
        <Stack gap="xs">
          <SegmentedControl
            value={kind}
            onChange={(value) => setKind(value as ChoiceKind)}
            data={[
              { value: 'candidate', label: t('field.targeting.byCandidate') },
              {
                value: 'nuance',
                label: t('field.targeting.byNuance'),
                disabled: election.nuances.length === 0,
              },
            ]}
            aria-label={t('field.targeting.choiceKind')}
            w="fit-content"
          />
          {kind === 'candidate' ? (
            <Select
              label={t('field.targeting.candidate')}
              data={candidates.map((c) => ({ value: String(c.panel), label: candidateLabel(c) }))}
              value={panel}
              onChange={setPanel}
              searchable
              allowDeselect={false}
              filter={foldedFilter}
              nothingFoundMessage={t('common.nothingFound')}
            />
          ) : (
            <Select
              label={t('field.targeting.nuance')}
              data={election.nuances.map((n) => ({
                value: n.nuance,
                label: `${n.nuance} · ${t('field.targeting.votes', { count: formatNumber(n.votes, locale) })}`,
              }))}
              value={nuance}
              onChange={setNuance}
              searchable
              allowDeselect={false}
              filter={foldedFilter}
              nothingFoundMessage={t('common.nothingFound')}
            />
          )}
        </Stack>
      )}
      {election && !choice && (
        <Alert color="orange" role="status">
          {t('field.targeting.noChoice')}
        </Alert>
      )}
      <FormulaField value={formula} onChange={setFormula} />
      <ErrorAlert message={error} />
      <Group>
        <Button onClick={submit} loading={save.isPending} disabled={formulaProblem !== null}>
          {t('field.targeting.save')}
        </Button>
        <Text size="sm" c="dimmed">
          {t('field.targeting.saveHint')}
        </Text>
      </Group>
    </Stack>
  );
}
