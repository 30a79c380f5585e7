import { Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState, type ReactNode } from 'react';
import { useT } from '../../core/i18n/index.tsx';
import { useSession } from '../../core/session.tsx';
import { useCommitteeSearch } from './pickerHooks.ts';

export interface CommitteeChoice {
  id: number;
  name: string;
}

/**
 * One committee, searched by name on the server as it is typed; clearable. Its words speak of
 * turfs unless another feature gives its own (what a committee does for a phone bank).
 */
export function CommitteePicker({
  value,
  onChange,
  label,
  description,
  placeholder,
  required,
  error,
}: {
  value: CommitteeChoice | null;
  onChange: (committee: CommitteeChoice | null) => void;
  label?: string;
  description?: string;
  placeholder?: string;
  required?: boolean;
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
      label={label ?? t('field.turf.committee')}
      description={description ?? t('field.turf.committeeHelp')}
      placeholder={placeholder ?? t('field.turf.committeePlaceholder')}
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
