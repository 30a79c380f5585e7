import { Group, SegmentedControl, Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useT } from '../../core/i18n/index.tsx';
import { foldedFilter } from '../../core/ui/foldedFilter.ts';
import { communeLabel } from '../people/CommuneFilter.tsx';
import { useCommunesByCode, useCommuneSearch, useDepartements } from '../people/hooks.ts';
import type { StationPlace } from './targetingHooks.ts';

function CommuneSelect({
  value,
  onChange,
}: {
  value: string | null;
  onChange: (code: string | null) => void;
}) {
  const t = useT();
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search, 250);
  const results = useCommuneSearch(debounced);
  const chosen = useCommunesByCode(value ? [value] : []);
  const options = new Map<string, string>();
  for (const commune of [...(chosen.data ?? []), ...(results.data ?? [])]) {
    options.set(commune.code, communeLabel(commune));
  }
  if (value && !options.has(value)) options.set(value, value);
  return (
    <Select
      label={t('field.stations.commune')}
      placeholder={t('field.stations.communePlaceholder')}
      data={[...options].map(([code, label]) => ({ value: code, label }))}
      value={value}
      onChange={onChange}
      searchable
      searchValue={search}
      onSearchChange={setSearch}
      // The server has matched already (accents, postal codes): show its answer as it is.
      filter={({ options: all }) => all}
      clearable
      nothingFoundMessage={
        search.trim().length < 2 ? t('filter.communesTypeMore') : t('common.nothingFound')
      }
      miw={280}
    />
  );
}

/** Where to list stations: a département, or one commune. */
export function StationPlacePicker({
  place,
  onChange,
}: {
  place: StationPlace | null;
  onChange: (place: StationPlace | null) => void;
}) {
  const t = useT();
  const departements = useDepartements();
  const [by, setBy] = useState<'departement' | 'commune'>(
    place && 'commune' in place ? 'commune' : 'departement',
  );
  return (
    <Group align="flex-end" gap="sm">
      <SegmentedControl
        value={by}
        onChange={(value) => {
          setBy(value as 'departement' | 'commune');
          onChange(null);
        }}
        data={[
          { value: 'departement', label: t('field.stations.byDepartement') },
          { value: 'commune', label: t('field.stations.byCommune') },
        ]}
        aria-label={t('field.stations.placeKind')}
      />
      {by === 'departement' ? (
        <Select
          label={t('field.stations.departement')}
          placeholder={t('field.stations.departementPlaceholder')}
          data={(departements.data ?? []).map((d) => ({
            value: d.code,
            label: `${d.code} · ${d.name}`,
          }))}
          value={place && 'departement' in place ? place.departement : null}
          onChange={(code) => onChange(code ? { departement: code } : null)}
          searchable
          allowDeselect={false}
          filter={foldedFilter}
          nothingFoundMessage={t('common.nothingFound')}
          miw={280}
        />
      ) : (
        <CommuneSelect
          value={place && 'commune' in place ? place.commune : null}
          onChange={(code) => onChange(code ? { commune: code } : null)}
        />
      )}
    </Group>
  );
}
