import { Select, SimpleGrid } from '@mantine/core';
import type { ProgressQuery } from '../../../contracts/field-progress.ts';
import type { Turf } from '../../../contracts/field-turfs.ts';
import { useT } from '../../core/i18n/index.tsx';
import { useAreas, useTurfsOfAreas } from './progress-hooks.ts';

const asId = (value: string | null) => (value ? Number(value) : undefined);

/** Which visits the dashboard counts: an area, one of its turfs, a committee's turfs. */
export function ProgressFilters({
  query,
  onChange,
}: {
  query: ProgressQuery;
  onChange: (query: ProgressQuery) => void;
}) {
  const t = useT();
  const areas = useAreas().data?.items ?? [];
  const turfLists = useTurfsOfAreas(areas);
  const turfs: Turf[] = turfLists.flatMap((list) => list.data?.items ?? []);
  const committees = new Map<number, string>();
  for (const turf of turfs)
    if (turf.committeeId !== null) committees.set(turf.committeeId, turf.committeeName ?? '');

  const turfOption = (turf: Turf) => ({ value: String(turf.id), label: turf.name });
  const turfData = query.areaId
    ? turfs.filter((turf) => turf.areaId === query.areaId).map(turfOption)
    : areas
        .map((area) => ({
          group: area.name,
          items: turfs.filter((turf) => turf.areaId === area.id).map(turfOption),
        }))
        .filter((group) => group.items.length > 0);

  return (
    <SimpleGrid
      cols={{ base: 1, sm: 3 }}
      spacing="sm"
      role="search"
      aria-label={t('field.progress.filters')}
    >
      <Select
        label={t('field.progress.area')}
        placeholder={t('field.progress.allAreas')}
        data={areas.map((area) => ({ value: String(area.id), label: area.name }))}
        value={query.areaId ? String(query.areaId) : null}
        onChange={(value) => onChange({ ...query, areaId: asId(value), turfId: undefined })}
        clearable
        searchable
      />
      <Select
        label={t('field.progress.turf')}
        placeholder={t('field.progress.allTurfs')}
        data={turfData}
        value={query.turfId ? String(query.turfId) : null}
        onChange={(value) => {
          const turf = turfs.find((x) => x.id === asId(value));
          onChange({ ...query, turfId: asId(value), areaId: turf?.areaId ?? query.areaId });
        }}
        nothingFoundMessage={t('common.nothingFound')}
        clearable
        searchable
      />
      <Select
        label={t('field.progress.committee')}
        placeholder={t('field.progress.allCommittees')}
        data={[...committees].map(([id, name]) => ({ value: String(id), label: name }))}
        value={query.committeeId ? String(query.committeeId) : null}
        onChange={(value) => onChange({ ...query, committeeId: asId(value) })}
        nothingFoundMessage={t('field.progress.noCommittees')}
        clearable
        searchable
      />
    </SimpleGrid>
  );
}
