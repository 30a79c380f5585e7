import {
  Alert,
  Anchor,
  Button,
  Group,
  Indicator,
  NativeSelect,
  Paper,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useDebouncedValue, useDisclosure } from '@mantine/hooks';
import { IconAdjustments, IconDownload, IconSearch, IconTags } from '@tabler/icons-react';
import { useEffect, useMemo, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { errorText } from '../../core/errors.ts';
import { formatNumber } from '../../core/format.ts';
import { useLocale, useT } from '../../core/i18n/index.tsx';
import { useSession } from '../../core/session.tsx';
import { ErrorAlert } from '../../core/ui/ErrorAlert.tsx';
import { PageLoader } from '../../core/ui/PageLoader.tsx';
import { PageControls } from '../../core/ui/ServerPagination.tsx';
import { usePageTitle } from '../../core/ui/usePageTitle.ts';
import { BulkTagModal } from './BulkTagModal.tsx';
import {
  countActiveFilters,
  FILTER_KEYS,
  filterFromSearch,
  filterToSearch,
  listParamsFromSearch,
  PAGE_SIZES,
  SORTS,
} from './filters.ts';
import { usePeople } from './hooks.ts';
import { FilterChips, PeopleFilters, type FilterChange } from './PeopleFilters.tsx';
import { PeopleTable } from './PeopleTable.tsx';
import { SaveSegmentButton } from './SaveSegmentButton.tsx';
import { AddPersonButton } from './AddPersonButton.tsx';
import { SaveSegmentModal } from './SaveSegmentModal.tsx';
import { countSentence, totalText } from './totalText.ts';
import { importsApi } from '../../../contracts/imports-api.ts';

export function PeoplePage() {
  const t = useT();
  const [locale] = useLocale();
  usePageTitle(t('people.title'));
  const { can } = useSession();
  const canTag = can('people.write');
  const canSaveSegment = can('segments.write');
  const [search, setSearch] = useSearchParams();
  const filter = useMemo(() => filterFromSearch(search), [search]);
  const list = listParamsFromSearch(search);
  const filterQuery = filterToSearch(filter).toString();
  const apiQuery = `?${new URLSearchParams({
    ...Object.fromEntries(filterToSearch(filter)),
    page: String(list.page),
    pageSize: String(list.pageSize),
    sort: list.sort,
  }).toString()}`;
  const people = usePeople(apiQuery);

  // Filters set in the panel; the search box counts apart.
  const panelFilters = countActiveFilters(filter);
  const [showFilters, { toggle: toggleFilters }] = useDisclosure(panelFilters > 0);
  const [bulkOpen, bulk] = useDisclosure(false);
  const [segmentOpen, segment] = useDisclosure(false);
  const [selected, setSelected] = useState<Set<number>>(new Set());

  // The search box updates the URL after a short pause.
  const [q, setQ] = useState(filter.q ?? '');
  const [debouncedQ] = useDebouncedValue(q, 350);
  useEffect(() => {
    if ((filter.q ?? '') !== debouncedQ.trim()) update({ q: debouncedQ.trim() || null });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [debouncedQ]);

  // A new filter or page starts a new selection.
  useEffect(() => setSelected(new Set()), [apiQuery]);

  function update(change: FilterChange, resetPage = true) {
    // Start from the address bar: several changes may land before the next render.
    setSearch(
      () => {
        const next = new URLSearchParams(window.location.search);
        for (const [key, value] of Object.entries(change)) {
          if (value === null || value === '') next.delete(key);
          else next.set(key, value);
        }
        if (resetPage && !('page' in change)) next.delete('page');
        return next;
      },
      { replace: true },
    );
  }

  const clearFilters = () => {
    setQ('');
    setSearch(
      () => {
        const next = new URLSearchParams(window.location.search);
        for (const key of FILTER_KEYS) next.delete(key);
        next.delete('page');
        return next;
      },
      { replace: true },
    );
  };

  const data = people.data;
  const items = data?.items ?? [];
  const total = data?.total ?? 0;
  const pages = data ? Math.max(1, Math.ceil(total / data.pageSize)) : 1;
  const activeFilters = panelFilters + (filter.q ? 1 : 0);
  const totalExact = data ? !data.totalIsEstimate : true;
  const matchingText = data ? totalText(data, t, locale) : '';
  const countText = data ? countSentence(data, t, locale) : '';
  const allOnPage = items.length > 0 && items.every((p) => selected.has(p.id));

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end">
        <Title order={1}>{t('people.title')}</Title>
        <Group gap="xs">
          {canTag && <AddPersonButton />}
          {canSaveSegment && (
            <SaveSegmentButton onClick={segment.open} reasonDisabled={activeFilters === 0} />
          )}
          {can('people.export') && (
            <Button
              component="a"
              href={`${importsApi.export.path}${filterQuery ? `?${filterQuery}` : ''}`}
              variant="default"
              leftSection={<IconDownload size={16} aria-hidden />}
            >
              {t('people.exportCsv')}
            </Button>
          )}
        </Group>
      </Group>

      <Group gap="xs" align="flex-end" wrap="wrap">
        <TextInput
          label={t('people.search')}
          placeholder={t('people.searchPlaceholder')}
          leftSection={<IconSearch size={16} aria-hidden />}
          value={q}
          onChange={(e) => setQ(e.currentTarget.value)}
          type="search"
          style={{ flex: '1 1 220px' }}
        />
        <Indicator label={panelFilters} size={16} disabled={panelFilters === 0}>
          <Button
            variant={showFilters ? 'light' : 'default'}
            leftSection={<IconAdjustments size={16} aria-hidden />}
            onClick={toggleFilters}
            aria-expanded={showFilters}
            aria-controls="people-filters"
          >
            {t('filter.title')}
          </Button>
        </Indicator>
        <NativeSelect
          label={t('people.sort')}
          value={list.sort}
          onChange={(e) => update({ sort: e.currentTarget.value })}
          data={SORTS.map((s) => ({ value: s, label: t(`sort.${s}`) }))}
        />
      </Group>

      {showFilters && (
        <div id="people-filters">
          <PeopleFilters filter={filter} onChange={update} onClear={clearFilters} />
        </div>
      )}
      <FilterChips filter={filter} onChange={update} />

      <ErrorAlert message={people.error ? errorText(people.error, t) : null} />

      {data && (
        <Group justify="space-between" align="center" gap="xs">
          <Text size="sm" aria-live="polite">
            {countText}
            {selected.size > 0 &&
              ` · ${t('people.selectedCount', { count: formatNumber(selected.size, locale) })}`}
          </Text>
          {canTag && total > 0 && (
            <Button
              size="xs"
              variant="light"
              leftSection={<IconTags size={14} aria-hidden />}
              onClick={bulk.open}
            >
              {selected.size > 0
                ? t('people.tagSelected')
                : totalExact
                  ? t('people.tagAll', { count: formatNumber(total, locale) })
                  : t('people.tagAllApprox')}
            </Button>
          )}
        </Group>
      )}
      {allOnPage && total > items.length && canTag && (
        <Alert color="blue" variant="light">
          {t('people.pageSelected', { count: formatNumber(items.length, locale) })}{' '}
          <Anchor component="button" type="button" onClick={bulk.open}>
            {totalExact
              ? t('people.applyAll', { count: formatNumber(total, locale) })
              : t('people.applyAllApprox', { count: matchingText })}
          </Anchor>
        </Alert>
      )}

      {!data && people.isPending && <PageLoader />}
      {data && items.length === 0 && (
        <Paper withBorder p="lg">
          {activeFilters > 0 ? (
            <Stack gap="xs">
              <Text fw={500}>{t('people.noMatch')}</Text>
              <Button variant="light" w="fit-content" onClick={clearFilters}>
                {t('filter.clear')}
              </Button>
            </Stack>
          ) : (
            <Stack gap="xs">
              <Text fw={500}>{t('people.emptyTitle')}</Text>
              <Text size="sm">{t('people.emptyText')}</Text>
              <Group>
                <Button component={Link} to="/" variant="light">
                  {t('people.emptyShare')}
                </Button>
                {can('people.import') && (
                  <Button component={Link} to="/hq/import" variant="light">
                    {t('people.emptyImport')}
                  </Button>
                )}
              </Group>
            </Stack>
          )}
        </Paper>
      )}
      {items.length > 0 && (
        <div style={{ opacity: people.isPlaceholderData ? 0.6 : 1 }} aria-busy={people.isFetching}>
          <PeopleTable
            items={items}
            selectable={canTag}
            selected={selected}
            onToggle={(id, checked) =>
              setSelected((prev) => {
                const next = new Set(prev);
                if (checked) next.add(id);
                else next.delete(id);
                return next;
              })
            }
            onToggleAll={(checked) =>
              setSelected(checked ? new Set(items.map((p) => p.id)) : new Set())
            }
          />
        </div>
      )}
      {data && total > 0 && (
        <Group justify="space-between" wrap="wrap" gap="sm">
          <PageControls
            pages={pages}
            page={list.page}
            onChange={(page) => update({ page: String(page) }, false)}
          />
          <NativeSelect
            label={t('people.pageSize')}
            size="xs"
            value={String(list.pageSize)}
            onChange={(e) => update({ pageSize: e.currentTarget.value })}
            data={[...PAGE_SIZES]}
          />
        </Group>
      )}

      {bulkOpen && (
        <BulkTagModal
          opened
          onClose={bulk.close}
          onDone={() => setSelected(new Set())}
          selectedIds={[...selected]}
          filter={filter}
          matching={data ?? { total, totalIsEstimate: false, totalIsLowerBound: false }}
        />
      )}
      {canSaveSegment && (
        <SaveSegmentModal opened={segmentOpen} onClose={segment.close} filter={filter} />
      )}
    </Stack>
  );
}
