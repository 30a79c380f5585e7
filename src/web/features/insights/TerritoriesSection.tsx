import {
  Group,
  SegmentedControl,
  Stack,
  Table,
  Text,
  TextInput,
  UnstyledButton,
} from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconArrowsSort } from '@tabler/icons-react';
import { lazy, Suspense, useMemo, useState } from 'react';
import type { TerritoryImpact, TerritoryLevel } from '../../../contracts/insights.ts';
import { formatNumber } from '../../core/format.ts';
import { useLocale, useT, type MessageKey } from '../../core/i18n/index.tsx';
import { PageLoader } from '../../core/ui/PageLoader.tsx';
import { QueryState } from '../../core/ui/QueryState.tsx';
import { Section } from '../../core/ui/Section.tsx';
import { RampLegend } from '../field/RampLegend.tsx';
import { useImpactMap, useTerritories, type TerritoryFilter } from './hooks.ts';
import {
  formatVotes,
  shortness,
  sortTerritories,
  type SortDirection,
  type TerritoryColumn,
} from './impact-format.ts';
import { SHORTNESS_RAMP } from './ramp.ts';

const ImpactMap = lazy(async () => ({ default: (await import('./ImpactMap.tsx')).ImpactMap }));

const levels: TerritoryLevel[] = ['commune', 'constituency', 'station'];
const levelKeys: Record<TerritoryLevel, MessageKey> = {
  station: 'insights.level.station',
  commune: 'insights.level.commune',
  constituency: 'insights.level.constituency',
};

const columns: Array<{ key: TerritoryColumn; label: MessageKey; numeric: boolean }> = [
  { key: 'rank', label: 'insights.col.rank', numeric: true },
  { key: 'name', label: 'insights.col.name', numeric: false },
  { key: 'contacts', label: 'insights.col.contacts', numeric: true },
  { key: 'communeOnly', label: 'insights.col.communeOnly', numeric: true },
  { key: 'votes', label: 'insights.col.votes', numeric: true },
  { key: 'margin', label: 'insights.col.margin', numeric: true },
  { key: 'needed', label: 'insights.col.needed', numeric: true },
];

const DEPARTEMENT = /^(\d{2}|2[AB]|\d{3})$/;

/** The territories as a table sortable by each column (headers are buttons; aria-sort says the order). */
function TerritoryTable({ items }: { items: readonly TerritoryImpact[] }) {
  const t = useT();
  const [locale] = useLocale();
  const [sort, setSort] = useState<{ column: TerritoryColumn; direction: SortDirection }>({
    column: 'rank',
    direction: 'ascending',
  });
  const sorted = useMemo(
    () => sortTerritories(items, sort.column, sort.direction, locale),
    [items, sort, locale],
  );
  const n = (value: number) => formatNumber(value, locale);
  const cell = (item: TerritoryImpact, column: TerritoryColumn) => {
    switch (column) {
      case 'rank':
        return n(item.rank);
      case 'name':
        return item.name;
      case 'contacts':
        return n(item.contacts);
      case 'communeOnly':
        return n(item.communeOnly);
      case 'votes':
        return formatVotes(item.votes.total.central, locale);
      case 'margin':
        return item.margin ? n(item.margin.margin) : t('insights.noMargin');
      case 'needed':
        return item.contactsNeeded === null ? '—' : n(item.contactsNeeded);
    }
  };
  const toggle = (column: TerritoryColumn) =>
    setSort((current) => ({
      column,
      direction:
        current.column === column
          ? current.direction === 'ascending'
            ? 'descending'
            : 'ascending'
          : column === 'name' || column === 'rank' || column === 'margin'
            ? 'ascending'
            : 'descending',
    }));
  return (
    <Table.ScrollContainer minWidth={760}>
      <Table
        striped
        verticalSpacing="xs"
        aria-label={t('insights.table')}
        data-testid="impact-territories"
      >
        <Table.Thead>
          <Table.Tr>
            {columns.map((column) => {
              const active = sort.column === column.key;
              const Icon = !active
                ? IconArrowsSort
                : sort.direction === 'ascending'
                  ? IconArrowUp
                  : IconArrowDown;
              return (
                <Table.Th
                  key={column.key}
                  ta={column.numeric ? 'right' : undefined}
                  aria-sort={active ? sort.direction : 'none'}
                >
                  <UnstyledButton
                    onClick={() => toggle(column.key)}
                    aria-label={t('insights.sortBy', { column: t(column.label) })}
                    fw={600}
                    fz="sm"
                  >
                    <Group gap={4} wrap="nowrap" justify={column.numeric ? 'flex-end' : undefined}>
                      <span>{t(column.label)}</span>
                      <Icon size={14} aria-hidden />
                    </Group>
                  </UnstyledButton>
                </Table.Th>
              );
            })}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {sorted.map((item) => (
            <Table.Tr key={item.id}>
              {columns.map((column) =>
                column.key === 'name' ? (
                  <Table.Th key={column.key} scope="row" fw={500}>
                    {cell(item, column.key)}
                  </Table.Th>
                ) : (
                  <Table.Td key={column.key} ta={column.numeric ? 'right' : undefined}>
                    {cell(item, column.key)}
                  </Table.Td>
                ),
              )}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** Where the campaign is short of contacts against the margin: a map and a table, by level. */
export function TerritoriesSection() {
  const t = useT();
  const [locale] = useLocale();
  const [level, setLevel] = useState<TerritoryLevel>('commune');
  const [typed, setTyped] = useState('');
  const departement = DEPARTEMENT.test(typed.trim().toUpperCase())
    ? typed.trim().toUpperCase()
    : '';
  const filter: TerritoryFilter = { level, departement };
  const territories = useTerritories(filter);
  const map = useImpactMap(filter);
  const n = (value: number) => formatNumber(value, locale);

  return (
    <Section
      title={t('insights.territories')}
      description={t('insights.territoriesHelp')}
      anchor="territories"
    >
      <Group align="flex-end" gap="md">
        <Stack gap={4}>
          <Text size="sm" fw={500} id="impact-level">
            {t('insights.level')}
          </Text>
          <SegmentedControl
            aria-labelledby="impact-level"
            value={level}
            onChange={(value) => setLevel(value as TerritoryLevel)}
            data={levels.map((value) => ({ value, label: t(levelKeys[value]) }))}
          />
        </Stack>
        <TextInput
          label={t('insights.departement')}
          description={t('insights.departementHelp')}
          value={typed}
          onChange={(event) => setTyped(event.currentTarget.value)}
          maxLength={3}
          w={220}
        />
      </Group>
      <Text size="sm" c="dimmed" data-testid="impact-map-note">
        {t('insights.mapPlacement')}
      </Text>
      <QueryState query={map}>
        {(data) => {
          const short = shortness(data.features.map((f) => f.properties));
          const byId = new Map(data.features.map((f) => [f.properties.id, f.properties]));
          const describe = (id: string) => {
            const item = byId.get(id);
            if (!item) return id;
            return [
              item.name,
              t('common.labelValue', {
                label: t('insights.col.contacts'),
                value: n(item.contacts),
              }),
              t('common.labelValue', {
                label: t('insights.col.margin'),
                value: item.margin ? n(item.margin.margin) : t('insights.noMargin'),
              }),
              t('common.labelValue', {
                label: t('insights.col.needed'),
                value: item.contactsNeeded === null ? '—' : n(item.contactsNeeded),
              }),
            ].join(' · ');
          };
          return (
            <Stack gap="xs">
              <Suspense fallback={<PageLoader />}>
                <ImpactMap
                  data={data}
                  shortness={short}
                  fitKey={JSON.stringify(filter)}
                  texts={{
                    label: t('insights.mapLabel', { count: data.features.length }),
                    outlines: t('insights.mapOutlines'),
                    describe,
                  }}
                />
              </Suspense>
              <Group gap="lg">
                <RampLegend
                  ramp={SHORTNESS_RAMP}
                  title={t('insights.mapLegend')}
                  low={t('insights.mapLow')}
                  high={t('insights.mapHigh')}
                />
                <Text size="xs">{t('insights.mapNoMargin')}</Text>
              </Group>
              {data.withoutPoint > 0 && (
                <Text size="xs" c="dimmed">
                  {t('insights.mapWithoutPoint', { count: n(data.withoutPoint) })}
                </Text>
              )}
            </Stack>
          );
        }}
      </QueryState>
      <QueryState query={territories}>
        {(data) =>
          data.items.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t('insights.noTerritories')}
            </Text>
          ) : (
            <Stack gap="xs">
              <TerritoryTable items={data.items} />
              {data.notPlacedAtLevel > 0 && (
                <Text size="sm" c="dimmed">
                  {t('insights.notPlacedAtLevel', { count: n(data.notPlacedAtLevel) })}
                </Text>
              )}
              {data.truncated && (
                <Text size="sm" c="orange">
                  {t('insights.truncated', { count: n(data.items.length) })}
                </Text>
              )}
            </Stack>
          )
        }
      </QueryState>
    </Section>
  );
}
