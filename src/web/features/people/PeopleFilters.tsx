import {
  Badge,
  Button,
  CloseButton,
  Group,
  MultiSelect,
  NativeSelect,
  Paper,
  SimpleGrid,
} from '@mantine/core';
import { filterChips } from '../../../contracts/audience-filters.ts';
import type { PeopleFilter } from '../../../contracts/people.ts';
import { formatDay, fullName } from '../../core/format.ts';
import { useLocale, useT, type MessageKey } from '../../core/i18n/index.tsx';
import { useSession } from '../../core/session.tsx';
import { DayInput } from '../../core/ui/DayInput.tsx';
import { foldedFilter } from '../../core/ui/foldedFilter.ts';
import { CommuneFilter, communeLabel } from './CommuneFilter.tsx';
import { CustomFieldFilters } from './CustomFieldFilters.tsx';
import { customConditionsToParam } from './customFieldFilter.ts';
import { chipContext } from './describeFilter.ts';
import { useCustomFields } from './customFieldsHooks.ts';
import { useCommunesByCode, useDepartements, usePerson, useSegments, useTags } from './hooks.ts';
import { KNOWN_SOURCES, sourceLabel, triLabelKeys } from './labels.ts';
import type { ListKey, TriKey } from './filters.ts';

export type FilterChange = Record<string, string | null>;

interface Props {
  filter: PeopleFilter;
  onChange: (change: FilterChange) => void;
  onClear: () => void;
}

/** "69 · Rhône", in the panel's list and in the chips alike. */
const departementLabel = (d: { code: string; name: string }) => `${d.code} · ${d.name}`;

/** The filter panel of the people list; every change goes to the URL. */
export function PeopleFilters({ filter, onChange, onClear }: Props) {
  const t = useT();
  const departements = useDepartements();
  const tags = useTags();

  const setList = (key: ListKey, values: string[]) =>
    onChange({ [key]: values.length ? values.join(',') : null });
  const triData = [
    { value: '', label: t('filter.any') },
    { value: 'yes', label: t('common.yes') },
    { value: 'no', label: t('common.no') },
  ];
  const tri = (key: TriKey, label: string) => (
    <NativeSelect
      key={key}
      label={label}
      data={triData}
      value={filter[key] ?? ''}
      onChange={(e) => onChange({ [key]: e.currentTarget.value || null })}
    />
  );

  const tagNames = new Set((tags.data ?? []).map((tag) => tag.name));
  for (const name of filter.tags ?? []) tagNames.add(name);
  const sources = new Set([...KNOWN_SOURCES, ...(filter.sources ?? [])]);
  const departementData = (departements.data ?? []).map((d) => ({
    value: d.code,
    label: departementLabel(d),
  }));
  for (const code of filter.departementCodes ?? []) {
    if (!departementData.some((d) => d.value === code))
      departementData.push({ value: code, label: code });
  }

  return (
    <Paper withBorder p="sm" component="section" aria-label={t('filter.title')}>
      <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="sm">
        <MultiSelect
          label={t('filter.departements')}
          data={departementData}
          value={filter.departementCodes ?? []}
          onChange={(v) => setList('departementCodes', v)}
          searchable
          filter={foldedFilter}
          clearable
          nothingFoundMessage={t('common.nothingFound')}
        />
        <CommuneFilter
          value={filter.communeCodes ?? []}
          onChange={(codes) => setList('communeCodes', codes)}
        />
        <MultiSelect
          label={t('filter.tags')}
          data={[...tagNames].sort()}
          value={filter.tags ?? []}
          onChange={(v) => setList('tags', v)}
          searchable
          clearable
          nothingFoundMessage={t('common.nothingFound')}
        />
        <MultiSelect
          label={t('filter.sources')}
          data={[...sources].map((s) => ({ value: s, label: sourceLabel(s, t) }))}
          value={filter.sources ?? []}
          onChange={(v) => setList('sources', v)}
          clearable
        />
        {(Object.entries(triLabelKeys) as Array<[TriKey, MessageKey]>).map(([key, label]) =>
          tri(key, t(label)),
        )}
        <Group grow gap="xs" align="flex-start">
          <DayInput
            label={t('filter.createdFrom')}
            value={filter.createdFrom ?? ''}
            onChange={(day) => onChange({ createdFrom: day || null })}
          />
          <DayInput
            label={t('filter.createdTo')}
            value={filter.createdTo ?? ''}
            onChange={(day) => onChange({ createdTo: day || null })}
          />
        </Group>
        <CustomFieldFilters
          conditions={filter.customFields ?? []}
          onChange={(c) => onChange({ customFields: customConditionsToParam(c) })}
        />
      </SimpleGrid>
      <Group justify="flex-end" mt="sm">
        <Button variant="subtle" size="xs" onClick={onClear}>
          {t('filter.clear')}
        </Button>
      </Group>
    </Paper>
  );
}

/**
 * One removable chip per active filter (the search box apart, which shows itself), whether
 * the panel is open or not: closed, it would otherwise hide what narrows the list.
 */
export function FilterChips({
  filter,
  onChange,
}: {
  filter: PeopleFilter;
  onChange: (change: FilterChange) => void;
}) {
  const t = useT();
  const [locale] = useLocale();
  const { can } = useSession();
  const segments = useSegments();
  const departements = useDepartements();
  const communes = useCommunesByCode(filter.communeCodes ?? []);
  const customFields = useCustomFields(!!filter.customFields?.length);
  const recruiter = usePerson(can('people.read') ? (filter.recruitedBy ?? 0) : 0).data;
  const recruiterName =
    recruiter && (fullName(recruiter.firstName, recruiter.lastName) || recruiter.email);
  const ctx = chipContext(t, {
    locale,
    day: formatDay,
    departementNames: new Map((departements.data ?? []).map((d) => [d.code, departementLabel(d)])),
    communeNames: new Map((communes.data ?? []).map((c) => [c.code, communeLabel(c)])),
    personName: () => recruiterName || null,
    segmentName: (id) => segments.data?.find((s) => s.id === id)?.name ?? null,
    customFields: customFields.data,
  });
  // The search box shows its own term.
  const chips = filterChips(filter, ctx)
    .filter((chip) => chip.key !== 'q')
    .map((chip) => ({ key: chip.key, label: chip.text }));

  if (chips.length === 0) return null;
  return (
    <Group gap="xs" aria-label={t('filter.activeChips')} role="group">
      {chips.map((chip) => (
        <Badge
          key={chip.key}
          variant="light"
          size="lg"
          tt="none"
          rightSection={
            <CloseButton
              size="xs"
              aria-label={t('filter.removeChip', { label: chip.label })}
              onClick={() => onChange({ [chip.key]: null })}
            />
          }
        >
          {chip.label}
        </Badge>
      ))}
    </Group>
  );
}
