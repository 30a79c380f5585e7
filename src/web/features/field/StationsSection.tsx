import { Alert, Button, Group, Loader, SegmentedControl, Stack, Text } from '@mantine/core';
import { IconPolygon } from '@tabler/icons-react';
import { lazy, Suspense, useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import type { StationPriority } from '../../../contracts/field.ts';
import { formatNumber } from '../../core/format.ts';
import { useLocale, useT } from '../../core/i18n/index.tsx';
import { QueryState } from '../../core/ui/QueryState.tsx';
import { Section } from '../../core/ui/Section.tsx';
import {
  chosenStations,
  emptyChoice,
  hasChoice,
  isChosen,
  pick,
  type AreaChoice,
  type AreaMode,
} from './areaSelection.ts';
import { PRIORITY_RAMP } from './colourRamps.ts';
import { CreateAreaModal } from './CreateAreaModal.tsx';
import { RampLegend } from './RampLegend.tsx';
import { StationPlacePicker } from './StationPlacePicker.tsx';
import { StationsTable } from './StationsTable.tsx';
import { useStations, type StationPlace } from './targetingHooks.ts';

// MapLibre and terra-draw are loaded only when stations are shown.
const StationsMap = lazy(() =>
  import('./StationsMap.tsx').then((module) => ({ default: module.StationsMap })),
);

function placeFrom(search: URLSearchParams): StationPlace | null {
  const commune = search.get('commune');
  if (commune) return { commune };
  const departement = search.get('departement');
  return departement ? { departement } : null;
}

/** What the choice holds, in a sentence (a drawn area is counted by the server). */
function useChoiceSummary(choice: AreaChoice, stations: readonly StationPriority[]) {
  const t = useT();
  const [locale] = useLocale();
  if (choice.mode === 'polygon') {
    return hasChoice(choice) ? t('field.area.drawn') : t('field.area.nothingDrawn');
  }
  const chosen = chosenStations(choice, stations);
  const sum = (pickOf: (s: StationPriority) => number) =>
    formatNumber(
      chosen.reduce((total, s) => total + pickOf(s), 0),
      locale,
    );
  return t(choice.mode === 'stations' ? 'field.area.chosenStations' : 'field.area.chosenCommunes', {
    count: choice.mode === 'stations' ? choice.stations.size : choice.communes.size,
    stations: chosen.length,
    registered: sum((s) => s.registered),
    doors: sum((s) => s.doors),
  });
}

function Stations({ stations, truncated }: { stations: StationPriority[]; truncated: boolean }) {
  const t = useT();
  const [choice, setChoice] = useState<AreaChoice>(emptyChoice('stations'));
  const [clearSignal, setClearSignal] = useState(0);
  const [creating, setCreating] = useState(false);
  const summary = useChoiceSummary(choice, stations);
  const selected = useMemo(
    () => new Set(chosenStations(choice, stations).map((s) => s.id)),
    [choice, stations],
  );
  const approximate = stations.filter((s) => s.placedBy === 'commune').length;
  const unplaced = stations.filter((s) => s.lat === null).length;

  const changeMode = (mode: AreaMode) => {
    if (choice.mode === 'polygon') setClearSignal((n) => n + 1);
    setChoice(emptyChoice(mode));
  };
  const toggle = (station: StationPriority) => setChoice((current) => pick(current, station));
  const pickLabel = (station: StationPriority) =>
    choice.mode === 'communes'
      ? t('field.stations.pickCommune', { id: station.id, commune: station.communeName })
      : t('field.stations.pick', { id: station.id, commune: station.communeName });

  return (
    <Stack gap="sm">
      {truncated && (
        <Alert color="orange" role="status">
          {t('field.stations.truncated', { count: stations.length })}
        </Alert>
      )}
      <Group justify="space-between" align="flex-end">
        <SegmentedControl
          value={choice.mode}
          onChange={(value) => changeMode(value as AreaMode)}
          data={[
            { value: 'stations', label: t('field.area.byStations') },
            { value: 'communes', label: t('field.area.byCommunes') },
            { value: 'polygon', label: t('field.area.byPolygon') },
          ]}
          aria-label={t('field.area.mode')}
        />
        <RampLegend
          ramp={PRIORITY_RAMP}
          title={t('field.stations.priority')}
          low={t('field.stations.low')}
          high={t('field.stations.high')}
        />
      </Group>
      <Text size="sm" c="dimmed">
        {t(`field.area.help.${choice.mode}`)}
      </Text>
      <Suspense fallback={<Loader size="sm" aria-label={t('common.loading')} />}>
        <StationsMap
          stations={stations}
          selected={selected}
          onPick={toggle}
          drawing={choice.mode === 'polygon'}
          onRing={(ring) => setChoice((current) => ({ ...current, ring }))}
          clearSignal={clearSignal}
          label={t('field.stations.map')}
        />
      </Suspense>
      {(approximate > 0 || unplaced > 0) && (
        <Text size="sm" c="dimmed" data-testid="approximate-note">
          {approximate > 0 && t('field.stations.approximate', { count: approximate })}{' '}
          {unplaced > 0 && t('field.stations.unplaced', { count: unplaced })}
        </Text>
      )}
      <Group justify="space-between" align="center">
        <Text size="sm" aria-live="polite" data-testid="area-choice">
          {summary}
        </Text>
        <Group gap="xs">
          {choice.mode === 'polygon' && (
            <Button variant="default" onClick={() => setClearSignal((n) => n + 1)}>
              {t('field.area.clear')}
            </Button>
          )}
          {choice.mode !== 'polygon' && hasChoice(choice) && (
            <Button variant="default" onClick={() => setChoice(emptyChoice(choice.mode))}>
              {t('field.area.unselect')}
            </Button>
          )}
          <Button
            leftSection={<IconPolygon size={16} aria-hidden />}
            disabled={!hasChoice(choice)}
            onClick={() => setCreating(true)}
          >
            {t('field.area.createButton')}
          </Button>
        </Group>
      </Group>
      <StationsTable
        stations={stations}
        isChosen={(station) => isChosen(choice, station)}
        onToggle={choice.mode === 'polygon' ? undefined : toggle}
        pickLabel={pickLabel}
      />
      <CreateAreaModal
        opened={creating}
        onClose={() => setCreating(false)}
        choice={choice}
        summary={summary}
      />
    </Stack>
  );
}

/** The stations of a place by priority, on a map and in a table, to choose an area from. */
export function StationsSection({ hasElection }: { hasElection: boolean }) {
  const t = useT();
  const [search, setSearch] = useSearchParams();
  const place = placeFrom(search);
  const stations = useStations(hasElection ? place : null);
  const choosePlace = (next: StationPlace | null) =>
    setSearch(next ? new URLSearchParams(next) : new URLSearchParams(), { replace: true });

  return (
    <Section title={t('field.stations.title')} description={t('field.stations.intro')}>
      <StationPlacePicker place={place} onChange={choosePlace} />
      {!hasElection ? (
        <Text size="sm">{t('field.stations.noElection')}</Text>
      ) : !place ? (
        <Text size="sm">{t('field.stations.choosePlace')}</Text>
      ) : (
        <QueryState query={stations}>
          {(data) =>
            data.items.length === 0 ? (
              <Text size="sm">{t('field.stations.none')}</Text>
            ) : (
              <Stations
                // Another place starts another choice.
                key={JSON.stringify(place)}
                stations={data.items}
                truncated={data.truncated}
              />
            )
          }
        </QueryState>
      )}
    </Section>
  );
}
