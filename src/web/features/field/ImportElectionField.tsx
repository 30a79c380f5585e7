import { Anchor, Select, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { formatDayWithYear } from '../../core/format.ts';
import { useLocale, useT } from '../../core/i18n/index.tsx';
import { useSession } from '../../core/session.tsx';
import { ErrorAlert } from '../../core/ui/ErrorAlert.tsx';
import { isoToZoned } from '../../core/zoned-time.ts';
import { errorText } from '../../core/errors.ts';
import { useElectoralListElections } from './importHooks.ts';

/** Where elections and their rounds are declared (compliance). */
const ELECTIONS_PAGE = '/admin/elections';

interface Props {
  value: string | null;
  onChange: (value: string | null) => void;
  error?: ReactNode;
}

/**
 * The election an electoral list was given for: its electors go the day after its last round,
 * so an election without dated rounds, or already over, cannot be chosen.
 */
export function ElectionField({ value, onChange, error }: Props) {
  const t = useT();
  const [locale] = useLocale();
  const { can } = useSession();
  const elections = useElectoralListElections(true);
  const today = isoToZoned(new Date().toISOString()).slice(0, 10);
  const options = (elections.data?.items ?? []).map(({ id, name, lastRound }) => ({
    value: String(id),
    label: !lastRound
      ? t('field.imports.electionNoRounds', { name })
      : t(lastRound < today ? 'field.imports.electionOver' : 'field.imports.electionOption', {
          name,
          date: formatDayWithYear(lastRound, locale),
        }),
    disabled: !lastRound || lastRound < today,
  }));
  const noneToChoose = elections.isSuccess && options.every((option) => option.disabled);
  return (
    <Stack gap={4}>
      <Select
        label={t('field.imports.election')}
        description={t('field.imports.electionHelp')}
        placeholder={t('field.imports.electionPlaceholder')}
        data={options}
        value={value}
        onChange={onChange}
        error={error}
        required
        searchable
        disabled={elections.isPending}
        maw={520}
      />
      {elections.isError && <ErrorAlert message={errorText(elections.error, t)} />}
      {noneToChoose && (
        <Text size="sm">
          {can('compliance.manage') ? (
            <>
              {t('field.imports.noElection')}{' '}
              <Anchor component={Link} to={ELECTIONS_PAGE}>
                {t('field.imports.toElections')}
              </Anchor>
            </>
          ) : (
            t('field.imports.noElectionAsk')
          )}
        </Text>
      )}
    </Stack>
  );
}
