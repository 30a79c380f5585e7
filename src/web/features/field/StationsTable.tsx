import { Box, Checkbox, Group, Stack } from '@mantine/core';
import { useState } from 'react';
import type { StationPriority } from '../../../contracts/field.ts';
import { formatNumber } from '../../core/format.ts';
import { useLocale, useT } from '../../core/i18n/index.tsx';
import { ResponsiveTable, type Column } from '../../core/ui/ResponsiveTable.tsx';
import { ServerPagination } from '../../core/ui/ServerPagination.tsx';
import { PRIORITY_RAMP, rampColour } from './colourRamps.ts';

const PAGE_SIZE = 100;

/** The stations by priority, a page at a time; with `onToggle`, each can be ticked. */
export function StationsTable({
  stations,
  isChosen,
  onToggle,
  pickLabel,
}: {
  stations: readonly StationPriority[];
  isChosen: (station: StationPriority) => boolean;
  /** Absent while the area is drawn on the map. */
  onToggle?: (station: StationPriority) => void;
  /** The accessible name of a station's box: what ticking it chooses. */
  pickLabel: (station: StationPriority) => string;
}) {
  const t = useT();
  const [locale] = useLocale();
  const [page, setPage] = useState(1);
  const pages = Math.max(1, Math.ceil(stations.length / PAGE_SIZE));
  const shown = stations.slice((Math.min(page, pages) - 1) * PAGE_SIZE, page * PAGE_SIZE);
  const percent = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 });
  const decimal = new Intl.NumberFormat(locale, { maximumFractionDigits: 2 });

  const columns: Column<StationPriority>[] = [
    {
      header: t('field.stations.rank'),
      numeric: true,
      cell: (s) => formatNumber(s.rank, locale),
    },
    {
      header: t('field.stations.station'),
      title: true,
      nowrap: true,
      cell: (s) =>
        onToggle ? (
          <Checkbox
            label={s.id}
            checked={isChosen(s)}
            onChange={() => onToggle(s)}
            aria-label={pickLabel(s)}
          />
        ) : (
          s.id
        ),
    },
    { header: t('field.stations.commune'), cell: (s) => s.communeName },
    {
      header: t('field.stations.registered'),
      numeric: true,
      cell: (s) => formatNumber(s.registered, locale),
    },
    {
      header: t('field.stations.abstention'),
      numeric: true,
      cell: (s) => percent.format(s.abstention),
    },
    { header: t('field.stations.score'), numeric: true, cell: (s) => percent.format(s.score) },
    {
      header: t('field.stations.priority'),
      numeric: true,
      nowrap: true,
      cell: (s) => (
        <Group gap={6} justify="flex-end" wrap="nowrap">
          <Box
            w={12}
            h={12}
            style={{ borderRadius: 6, background: rampColour(PRIORITY_RAMP, s.relative) }}
            aria-hidden
          />
          {decimal.format(s.priority)}
        </Group>
      ),
    },
    {
      header: t('field.stations.doors'),
      numeric: true,
      cell: (s) => formatNumber(s.doors, locale),
    },
  ];

  return (
    <Stack gap="xs">
      <ResponsiveTable
        items={shown}
        columns={columns}
        label={t('field.stations.table')}
        rowKey={(s) => s.id}
        minWidth={820}
      />
      <ServerPagination
        page={Math.min(page, pages)}
        total={stations.length}
        pageSize={PAGE_SIZE}
        onChange={setPage}
      />
    </Stack>
  );
}
