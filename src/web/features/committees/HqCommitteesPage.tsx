import {
  Anchor,
  Badge,
  Button,
  Checkbox,
  Group,
  NativeSelect,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconDownload, IconListCheck, IconSearch } from '@tabler/icons-react';
import { useEffect, useMemo, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { committeeStatusSchema, type CommitteeStatus } from '../../../contracts/committees.ts';
import { committeesApi } from '../../../contracts/committees-api.ts';
import { urlOf } from '../../core/api.ts';
import { formatDate } from '../../core/format.ts';
import { useLocale, useT } from '../../core/i18n/index.tsx';
import { foldedFilter } from '../../core/ui/foldedFilter.ts';
import { QueryState } from '../../core/ui/QueryState.tsx';
import { ResponsiveTable } from '../../core/ui/ResponsiveTable.tsx';
import { pageFromSearch, ServerPagination } from '../../core/ui/ServerPagination.tsx';
import { usePageTitle } from '../../core/ui/usePageTitle.ts';
import { useDepartements } from '../people/hooks.ts';
import { CertifiedBadge } from './Certification.tsx';
import { CertifyButton } from './CertifyButton.tsx';
import { hqFilterFromSearch, hqSearchWith, type HqFilterKey } from './forms.ts';
import { useHqCommittees } from './hooks.ts';

const statusColors: Record<CommitteeStatus, string> = {
  published: 'green',
  held: 'orange',
  unpublished: 'red',
  closed: 'gray',
};

function HqStatusBadge({ status }: { status: CommitteeStatus }) {
  const t = useT();
  return (
    // At its full width: a table column would otherwise shrink it to an ellipsis.
    <Badge color={statusColors[status]} variant="light" miw="max-content">
      {t(`committees.status.${status}`)}
    </Badge>
  );
}

/** Every committee for staff: where, how big, in what state, reported, active; the badge. */
export function HqCommitteesPage() {
  const t = useT();
  const [locale] = useLocale();
  usePageTitle(t('committees.hq.title'));
  const [search, setSearch] = useSearchParams();
  const filter = useMemo(() => hqFilterFromSearch(search), [search]);
  const page = pageFromSearch(search);
  const list = useHqCommittees({ ...filter, page });
  const departements = useDepartements();

  const update = (change: Partial<Record<HqFilterKey, string | null>>) =>
    // From the address bar: several changes may land before the next render.
    setSearch(() => hqSearchWith(new URLSearchParams(window.location.search), change), {
      replace: true,
    });

  // The search box updates the address after a short pause.
  const [q, setQ] = useState(filter.q ?? '');
  const [debouncedQ] = useDebouncedValue(q, 350);
  useEffect(() => {
    if ((filter.q ?? '') !== debouncedQ.trim()) update({ q: debouncedQ.trim() || null });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [debouncedQ]);

  const departementData = (departements.data ?? []).map((d) => ({
    value: d.code,
    label: `${d.code} · ${d.name}`,
  }));
  if (filter.departement && !departementData.some((d) => d.value === filter.departement)) {
    departementData.push({ value: filter.departement, label: filter.departement });
  }
  const yesNo = [
    { value: '', label: t('filter.any') },
    { value: 'yes', label: t('common.yes') },
    { value: 'no', label: t('common.no') },
  ];

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end">
        <Title order={1}>{t('committees.hq.title')}</Title>
        <Group gap="xs">
          <Button
            component={Link}
            to="/hq/committees/criteria"
            variant="default"
            leftSection={<IconListCheck size={16} aria-hidden />}
          >
            {t('committees.criteria.title')}
          </Button>
          <Button
            component="a"
            href={urlOf(committeesApi.hqExport, { query: filter })}
            variant="default"
            leftSection={<IconDownload size={16} aria-hidden />}
          >
            {t('committees.hq.export')}
          </Button>
        </Group>
      </Group>

      <Paper withBorder p="sm" component="section" aria-label={t('committees.hq.filters')}>
        <SimpleGrid cols={{ base: 1, xs: 2, md: 3 }} spacing="sm">
          <TextInput
            label={t('committees.hq.search')}
            leftSection={<IconSearch size={16} aria-hidden />}
            type="search"
            value={q}
            onChange={(event) => setQ(event.currentTarget.value)}
          />
          <Select
            label={t('committees.hq.departement')}
            data={departementData}
            value={filter.departement ?? null}
            onChange={(value) => update({ departement: value })}
            searchable
            clearable
            filter={foldedFilter}
            nothingFoundMessage={t('common.nothingFound')}
          />
          <NativeSelect
            label={t('committees.hq.status')}
            data={[
              { value: '', label: t('filter.any') },
              ...committeeStatusSchema.options.map((status) => ({
                value: status,
                label: t(`committees.status.${status}`),
              })),
            ]}
            value={filter.status ?? ''}
            onChange={(event) => update({ status: event.currentTarget.value || null })}
          />
          <NativeSelect
            label={t('committees.hq.certified')}
            data={yesNo}
            value={filter.certified ?? ''}
            onChange={(event) => update({ certified: event.currentTarget.value || null })}
          />
          <Stack gap="xs" justify="flex-end">
            <Checkbox
              label={t('committees.hq.reported')}
              checked={filter.reported === 'yes'}
              onChange={(event) => update({ reported: event.currentTarget.checked ? 'yes' : null })}
            />
            <Checkbox
              label={t('committees.hq.inactive')}
              checked={filter.inactive === 'yes'}
              onChange={(event) => update({ inactive: event.currentTarget.checked ? 'yes' : null })}
            />
          </Stack>
        </SimpleGrid>
      </Paper>

      <QueryState query={list}>
        {({ items, total }) =>
          items.length === 0 ? (
            <Text>{t('committees.hq.empty')}</Text>
          ) : (
            <Stack gap="sm">
              <ResponsiveTable
                items={items}
                label={t('committees.hq.label')}
                rowKey={(committee) => committee.id}
                minWidth={960}
                columns={[
                  {
                    header: t('committees.hq.name'),
                    title: true,
                    // The public page is drawn by the server: a plain link loads it.
                    cell: (committee) => (
                      <Anchor href={`/committees/${committee.id}`} size="sm" fw={500}>
                        {committee.name}
                      </Anchor>
                    ),
                  },
                  {
                    header: t('committees.hq.place'),
                    cell: (committee) => committee.place.label,
                  },
                  {
                    header: t('committees.hq.members'),
                    numeric: true,
                    cell: (committee) => committee.memberCount,
                  },
                  {
                    header: t('committees.hq.status'),
                    nowrap: true,
                    cell: (committee) => <HqStatusBadge status={committee.status} />,
                  },
                  {
                    header: t('committees.hq.badge'),
                    nowrap: true,
                    cell: (committee) =>
                      committee.certified ? (
                        <CertifiedBadge certified />
                      ) : (
                        <Text component="span" size="sm" c="dimmed">
                          {t('committees.notCertified')}
                        </Text>
                      ),
                  },
                  {
                    header: t('committees.hq.reports'),
                    numeric: true,
                    cell: (committee) =>
                      committee.openReports > 0 ? (
                        <Text component="span" size="sm" c="red.8" fw={600}>
                          {committee.openReports}
                        </Text>
                      ) : (
                        0
                      ),
                  },
                  {
                    header: t('committees.hq.lastEvent'),
                    nowrap: true,
                    cell: (committee) =>
                      committee.lastEventAt ? (
                        formatDate(committee.lastEventAt, locale)
                      ) : (
                        <Text component="span" size="sm" c="dimmed">
                          {t('committees.hq.noEvent')}
                        </Text>
                      ),
                  },
                  {
                    header: t('common.actions'),
                    nowrap: true,
                    cell: (committee) => <CertifyButton committee={committee} />,
                  },
                ]}
              />
              <ServerPagination
                page={page}
                total={total}
                pageSize={items.length}
                onChange={(next) =>
                  setSearch((current) => {
                    const params = new URLSearchParams(current);
                    params.set('page', String(next));
                    return params;
                  })
                }
              />
            </Stack>
          )
        }
      </QueryState>
    </Stack>
  );
}
