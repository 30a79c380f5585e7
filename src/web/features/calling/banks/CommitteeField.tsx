import { Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState, type ReactNode } from 'react';
import { useT } from '../../../core/i18n/index.tsx';
import { useSession } from '../../../core/session.tsx';
import type { CommitteeChoice } from '../../field/CommitteePicker.tsx';
import { useCommitteeSearch } from '../../field/pickerHooks.ts';

/**
 * The bank's committee, searched by name on the server as it is typed; clearable. The field
 * feature's picker speaks of turfs: this one says what a committee does for a bank.
 */
export function CommitteeField({
  value,
  onChange,
  required,
  error,
}: {
  value: CommitteeChoice | null;
  onChange: (committee: CommitteeChoice | null) => void;
  required: boolean;
  error?: ReactNode;
}) {
  const t = useT();
  const { can } = useSession();
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search, 250);
  // The box shows the chosen one's name: that is no search.
  const typed = value && debounced === value.name ? '' : debounced;
  const results = useCommitteeSearch(typed, can('committees.manage'));
  const labels = new Map<string, string>();
  for (const committee of results.data ?? []) labels.set(String(committee.id), committee.label);
  if (value) labels.set(String(value.id), value.name);
  return (
    <Select
      label={t('banks.form.committee')}
      description={t('banks.form.committeeHelp')}
      placeholder={t('banks.form.committeePlaceholder')}
      required={required}
      error={error}
      data={[...labels].map(([id, label]) => ({ value: id, label }))}
      value={value ? String(value.id) : null}
      onChange={(id, option) => onChange(id ? { id: Number(id), name: option.label } : null)}
      searchable
      searchValue={search}
      onSearchChange={setSearch}
      // The server has matched already: show its answer as it is.
      filter={({ options }) => options}
      clearable
      nothingFoundMessage={results.isFetching ? t('common.loading') : t('common.nothingFound')}
    />
  );
}
