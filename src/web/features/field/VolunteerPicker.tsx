import { MultiSelect } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useT } from '../../core/i18n/index.tsx';
import { usePersonSearch, type PickOption } from './pickerHooks.ts';

/** People the turf is given to, searched by name, email or phone as it is typed. */
export function VolunteerPicker({
  value,
  onChange,
}: {
  value: readonly PickOption[];
  onChange: (people: PickOption[]) => void;
}) {
  const t = useT();
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search, 250);
  const results = usePersonSearch(debounced);
  const known = new Map<string, string>();
  for (const person of value) known.set(String(person.id), person.label);
  for (const person of results.data ?? []) {
    if (!known.has(String(person.id))) known.set(String(person.id), person.label);
  }
  const typed = search.trim();
  // The chosen ones stay in the data so that their pills keep a name; the list shows the matches.
  const shown = new Set(typed.length >= 2 ? (results.data ?? []).map((p) => String(p.id)) : []);
  return (
    <MultiSelect
      label={t('field.turf.volunteers')}
      description={t('field.turf.volunteersHelp')}
      data={[...known].map(([id, label]) => ({ value: id, label }))}
      value={value.map((person) => String(person.id))}
      onChange={(ids) =>
        onChange(ids.map((id) => ({ id: Number(id), label: known.get(id) ?? id })))
      }
      searchable
      searchValue={search}
      onSearchChange={setSearch}
      filter={({ options }) => options.filter((o) => 'value' in o && shown.has(o.value))}
      maxValues={50}
      clearable
      // Nothing typed yet: no dropdown (the description says how to search).
      nothingFoundMessage={
        typed.length < 2
          ? undefined
          : results.isFetching
            ? t('common.loading')
            : t('common.nothingFound')
      }
    />
  );
}
