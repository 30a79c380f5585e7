import { Button, Group, Loader, Radio, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { lazy, Suspense, useState } from 'react';
import {
  areaInputSchema,
  ringAreaKm2,
  type AreaInput,
  type AreaKind,
  type CommitteeAreaForEdit,
  type Position,
} from '../../../contracts/committee-area.ts';
import type { Committee } from '../../../contracts/committees.ts';
import { problemCode } from '../../../contracts/field-problems.ts';
import { ApiError } from '../../core/api.ts';
import { errorText } from '../../core/errors.ts';
import { useT, type MessageKey } from '../../core/i18n/index.tsx';
import { ErrorAlert } from '../../core/ui/ErrorAlert.tsx';
import { QueryState } from '../../core/ui/QueryState.tsx';
import { Section } from '../../core/ui/Section.tsx';
import { CommuneFilter } from '../people/CommuneFilter.tsx';
import { useCommitteeArea, useSetCommitteeArea } from './hooks.ts';

// MapLibre and terra-draw are loaded only when someone draws.
const AreaMap = lazy(() => import('./AreaMap.tsx').then((module) => ({ default: module.AreaMap })));

/** The area's problem codes, in this feature's words (`{max}`: the limit that applies). */
const problemKeys: Record<string, MessageKey> = {
  required: 'committees.area.error.required',
  unknown_communes: 'committees.area.error.unknown_communes',
  unknown_commune_code: 'committees.area.error.unknown_communes',
  invalid_commune_code: 'committees.area.error.unknown_communes',
  too_many_communes: 'committees.area.error.too_many_communes',
  polygon_not_closed: 'committees.area.error.polygon_not_closed',
  polygon_vertices: 'committees.area.error.polygon_vertices',
  polygon_self_intersecting: 'committees.area.error.polygon_self_intersecting',
  polygon_holes: 'committees.area.error.polygon_not_closed',
  out_of_range: 'committees.area.error.out_of_range',
  area_too_large: 'committees.area.error.area_too_large',
};

const km2 = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 0 });

function AreaForm({ committee, area }: { committee: Committee; area: CommitteeAreaForEdit }) {
  const t = useT();
  const save = useSetCommitteeArea(committee.id);
  const [kind, setKind] = useState<AreaKind>(area.kind);
  const [communes, setCommunes] = useState<string[]>(
    area.kind === 'communes' ? area.communes.map((c) => c.code) : [],
  );
  const [ring, setRing] = useState<Position[] | null>(
    area.polygon ? (area.polygon.coordinates[0] as Position[]) : null,
  );
  const [clearSignal, setClearSignal] = useState(0);
  const [error, setError] = useState<string | null>(null);

  const say = (codes: readonly string[]): string | null => {
    const code = codes.find((c) => problemKeys[c]);
    if (!code) return null;
    const max =
      code === 'too_many_communes'
        ? String(area.limits.communes)
        : code === 'polygon_vertices'
          ? String(area.limits.vertices - 1)
          : km2.format(area.limits.areaKm2);
    return t(problemKeys[code]!, { max });
  };

  const body = (): AreaInput =>
    kind === 'commune'
      ? { kind }
      : kind === 'communes'
        ? { kind, communes }
        : { kind, polygon: { type: 'Polygon', coordinates: ring ? [ring] : [] } };

  const submit = () => {
    setError(null);
    const parsed = areaInputSchema.safeParse(body());
    if (!parsed.success) {
      setError(say(parsed.error.issues.map(problemCode)) ?? t('error.validation_failed'));
      return;
    }
    if (kind === 'polygon' && ring && ringAreaKm2(ring) > area.limits.areaKm2) {
      setError(say(['area_too_large']));
      return;
    }
    save.mutate(parsed.data, {
      onSuccess: () => notifications.show({ color: 'green', message: t('committees.area.saved') }),
      onError: (failure) => {
        const codes =
          failure instanceof ApiError ? [failure.code, ...failure.errors.map((e) => e.code)] : [];
        setError(say(codes) ?? errorText(failure, t));
      },
    });
  };

  const drawnKm2 = ring && ring.length >= 4 ? ringAreaKm2(ring) : null;
  const own = area.kind === 'commune' ? area.communes[0]?.name : null;
  return (
    <Stack gap="md">
      <Radio.Group
        label={t('committees.area.kind')}
        value={kind}
        onChange={(value) => {
          setKind(value as AreaKind);
          setError(null);
        }}
      >
        <Stack gap="xs" mt="xs">
          <Radio
            value="commune"
            label={
              own
                ? t('committees.area.kind.communeOf', { name: own })
                : t('committees.area.kind.commune')
            }
          />
          <Radio value="communes" label={t('committees.area.kind.communes')} />
          <Radio value="polygon" label={t('committees.area.kind.polygon')} />
        </Stack>
      </Radio.Group>
      {kind === 'communes' && (
        <CommuneFilter
          label={t('committees.area.communes')}
          description={t('committees.area.communesHint', { max: String(area.limits.communes) })}
          value={communes}
          onChange={setCommunes}
        />
      )}
      {kind === 'polygon' && (
        <Stack gap="xs">
          <Text size="sm" c="dimmed" id="area-map-hint">
            {t('committees.area.drawHint', { max: km2.format(area.limits.areaKm2) })}
          </Text>
          <Suspense fallback={<Loader size="sm" aria-label={t('common.loading')} />}>
            <AreaMap
              place={committee.place}
              landmarks={area.landmarks}
              ring={ring}
              onChange={setRing}
              clearSignal={clearSignal}
              label={t('committees.area.map')}
            />
          </Suspense>
          <Group justify="space-between">
            <Text size="sm" aria-live="polite" data-testid="area-size">
              {drawnKm2 === null
                ? t('committees.area.nothingDrawn')
                : t('committees.area.drawnSize', { km2: km2.format(Math.max(1, drawnKm2)) })}
            </Text>
            <Button variant="default" size="xs" onClick={() => setClearSignal((n) => n + 1)}>
              {t('committees.area.clear')}
            </Button>
          </Group>
        </Stack>
      )}
      <ErrorAlert message={error} />
      <Group>
        <Button onClick={submit} loading={save.isPending}>
          {t('committees.area.save')}
        </Button>
      </Group>
    </Stack>
  );
}

/** Where the committee campaigns: its commune, communes chosen, or an area drawn on a map. */
export function AreaSection({ committee }: { committee: Committee }) {
  const t = useT();
  const area = useCommitteeArea(committee.id);
  return (
    <Section title={t('committees.area.title')} description={t('committees.area.intro')}>
      <QueryState query={area}>
        {(data) => <AreaForm committee={committee} area={data} />}
      </QueryState>
    </Section>
  );
}
