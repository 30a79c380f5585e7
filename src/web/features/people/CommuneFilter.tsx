import { MultiSelect, type ComboboxItem, type OptionsFilter } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { Commune, CommuneMatch } from '../../../contracts/geo.ts';
import { useT } from '../../core/i18n/index.tsx';
import { communesByCodeKey, useCommunesByCode, useCommuneSearch } from './hooks.ts';

/** "Saint-Denis (93)": the département tells apart communes of the same name. */
export const communeLabel = (commune: Commune) => `${commune.name} (${commune.departementCode})`;

interface Props {
  value: string[];
  onChange: (codes: string[]) => void;
  /** The field's label, when it is not a filter's. */
  label?: string;
  description?: string;
  error?: string | null;
}

/** Communes chosen by name or code, searched on the server as the user types. */
export function CommuneFilter({ value, onChange, label: fieldLabel, description, error }: Props) {
  const t = useT();
  const client = useQueryClient();
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search, 250);
  const results = useCommuneSearch(debounced);
  const chosen = useCommunesByCode(value);

  const known = new Map<string, CommuneMatch>();
  for (const commune of [...(chosen.data ?? []), ...(results.data ?? [])])
    known.set(commune.code, commune);
  const label = (code: string) => {
    const commune = known.get(code);
    return commune ? communeLabel(commune) : code;
  };
  // The chosen ones stay in the data, so that their pills keep a name while searching.
  const data: ComboboxItem[] = value.map((code) => ({ value: code, label: label(code) }));
  for (const commune of results.data ?? []) {
    if (!value.includes(commune.code))
      data.push({ value: commune.code, label: label(commune.code) });
  }

  const typed = search.trim();
  const searching = typed.length >= 2;
  // The server has matched already (accents, postal codes): show its answer as it is.
  const shown = new Set(
    typed === '' ? value : searching ? (results.data ?? []).map((c) => c.code) : [],
  );
  const filter: OptionsFilter = ({ options }) =>
    options.filter((option) => 'value' in option && shown.has(option.value));

  const change = (codes: string[]) => {
    // The new choice's names are known: prime its lookup so that chips never show bare codes.
    if (codes.length > 0 && codes.every((code) => known.has(code))) {
      client.setQueryData(
        communesByCodeKey(codes),
        codes.map((code) => known.get(code)),
      );
    }
    onChange(codes);
  };

  return (
    <MultiSelect
      label={fieldLabel ?? t('filter.communes')}
      description={description}
      error={error}
      placeholder={value.length === 0 ? t('filter.communesPlaceholder') : undefined}
      data={data}
      value={value}
      onChange={change}
      searchable
      searchValue={search}
      onSearchChange={setSearch}
      filter={filter}
      clearable
      nothingFoundMessage={
        !searching
          ? t('filter.communesTypeMore')
          : results.isFetching
            ? t('common.loading')
            : t('common.nothingFound')
      }
    />
  );
}
