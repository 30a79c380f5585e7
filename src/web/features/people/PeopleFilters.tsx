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
import type { PeopleFilter } from '../../../contracts/people.ts';
import { formatDay, fullName } from '../../core/format.ts';
import { useLocale, useT, type MessageKey } from '../../core/i18n/index.tsx';
import { useSession } from '../../core/session.tsx';
import { DayInput } from '../../core/ui/DayInput.tsx';
import { foldedFilter } from '../../core/ui/foldedFilter.ts';
import { CommuneFilter, communeLabel } from './CommuneFilter.tsx';
import { CustomFieldFilters } from './CustomFieldFilters.tsx';
import { customConditionsToParam, describeCustomConditions } from './customFieldFilter.ts';
import { useCustomFields } from './customFieldsHooks.ts';
import { useCommunesByCode, useDepartements, usePerson, useSegments, useTags } from './hooks.ts';
import { KNOWN_SOURCES, sourceLabel, triLabelKeys, yesNoLabel } from './labels.ts';
import { TRI_KEYS, type FilterKey, type ListKey, type TriKey } from './filters.ts';

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
  const chips: Array<{ key: string; label: string }> = [];
  const add = (key: FilterKey, label: string, value: string) =>
    chips.push({ key, label: t('common.labelValue', { label, value }) });

  if (filter.segmentId) {
    const segment = segments.data?.find((s) => s.id === filter.segmentId);
    chips.push({
      key: 'segmentId',
      label: t('filter.segmentChip', { name: segment?.name ?? `#${filter.segmentId}` }),
    });
  }
  if (filter.recruitedBy) {
    const name =
      recruiter && (fullName(recruiter.firstName, recruiter.lastName) || recruiter.email);
    chips.push({
      key: 'recruitedBy',
      label: t('filter.recruitedByChip', {
        name: name || t('filter.personNumber', { id: filter.recruitedBy }),
      }),
    });
  }
  if (filter.departementCodes?.length) {
    const byCode = new Map((departements.data ?? []).map((d) => [d.code, departementLabel(d)]));
    const labels = filter.departementCodes.map((code) => byCode.get(code) ?? code);
    add('departementCodes', t('filter.departements'), labels.join(', '));
  }
  if (filter.communeCodes?.length) {
    const byCode = new Map((communes.data ?? []).map((c) => [c.code, communeLabel(c)]));
    chips.push({
      key: 'communeCodes',
      label: t('filter.communesChip', {
        names: filter.communeCodes.map((code) => byCode.get(code) ?? code).join(', '),
      }),
    });
  }
  if (filter.tags?.length) add('tags', t('filter.tags'), filter.tags.join(', '));
  if (filter.sources?.length) {
    add('sources', t('filter.sources'), filter.sources.map((s) => sourceLabel(s, t)).join(', '));
  }
  for (const key of TRI_KEYS) {
    const value = filter[key];
    if (value) add(key, t(triLabelKeys[key]), yesNoLabel(value, t));
  }
  if (filter.createdFrom) {
    add('createdFrom', t('filter.createdFrom'), formatDay(filter.createdFrom, locale));
  }
  if (filter.createdTo)
    add('createdTo', t('filter.createdTo'), formatDay(filter.createdTo, locale));
  if (filter.customFields?.length) {
    chips.push({
      key: 'customFields',
      label: describeCustomConditions(filter.customFields, t, customFields.data ?? [], locale).join(
        ' · ',
      ),
    });
  }

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
