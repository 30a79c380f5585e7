import { Anchor, Button, Group, Loader, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconArrowMerge } from '@tabler/icons-react';
import { lazy, Suspense, useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import type { TargetArea, Turf } from '../../../contracts/field-turfs.ts';
import { formatNumber } from '../../core/format.ts';
import { useLocale, useT } from '../../core/i18n/index.tsx';
import { NotFoundPage } from '../../core/ui/NotFoundPage.tsx';
import { QueryState } from '../../core/ui/QueryState.tsx';
import { Section } from '../../core/ui/Section.tsx';
import { areaKindText } from './areaLabels.ts';
import { AreaQuestionnaire } from './AreaQuestionnaire.tsx';
import { toggled } from './areaSelection.ts';
import { PROGRESS_RAMP } from './colourRamps.ts';
import { ConfirmAction } from './ConfirmAction.tsx';
import { CutForm } from './CutForm.tsx';
import { FieldLayout } from './FieldLayout.tsx';
import { RampLegend } from './RampLegend.tsx';
import { useAreas, useMergeTurfs, useSplitTurf, useTurfs } from './turfHooks.ts';
import { TurfEditModal } from './TurfEditModal.tsx';
import { TurfTable } from './TurfTable.tsx';
import { WalkListDrawer } from './WalkListDrawer.tsx';

// MapLibre is loaded only when turfs are shown.
const TurfsMap = lazy(() =>
  import('./TurfsMap.tsx').then((module) => ({ default: module.TurfsMap })),
);

function Turfs({ area, turfs }: { area: TargetArea; turfs: Turf[] }) {
  const t = useT();
  const [search, setSearch] = useSearchParams();
  const split = useSplitTurf();
  const merge = useMergeTurfs();
  const [picked, setPicked] = useState<ReadonlySet<number>>(new Set());
  const [editing, setEditing] = useState<Turf | null>(null);
  const [splitting, setSplitting] = useState<Turf | null>(null);
  const [merging, setMerging] = useState(false);
  // Turfs gone (merged, cut again) are no longer picked.
  const selected = new Set(turfs.filter((turf) => picked.has(turf.id)).map((turf) => turf.id));
  const chosen = turfs.filter((turf) => selected.has(turf.id));
  const walkId = Number(search.get('walk')) || null;
  const openWalk = (id: number | null) =>
    setSearch(id === null ? {} : { walk: String(id) }, { replace: id === null });
  const toggle = (turf: Turf) => setPicked((current) => toggled(current, turf.id));

  if (turfs.length === 0) {
    return <Text size="sm">{t('field.turfs.none', { count: area.addressCount })}</Text>;
  }
  return (
    <Stack gap="sm">
      <Group justify="space-between">
        <Text size="sm" c="dimmed">
          {t('field.turfs.mapHelp')}
        </Text>
        <RampLegend
          ramp={PROGRESS_RAMP}
          title={t('field.turfs.progress')}
          low={t('field.turfs.progressNone')}
          high={t('field.turfs.progressAll')}
        />
      </Group>
      <Suspense fallback={<Loader size="sm" aria-label={t('common.loading')} />}>
        <TurfsMap
          turfs={turfs}
          selected={selected}
          onPick={toggle}
          polygon={area.polygon}
          label={t('field.turfs.map')}
        />
      </Suspense>
      <Group justify="space-between">
        <Text size="sm" aria-live="polite">
          {t('field.turfs.selected', { count: chosen.length })}
        </Text>
        <Button
          variant="default"
          leftSection={<IconArrowMerge size={16} aria-hidden />}
          disabled={chosen.length < 2}
          onClick={() => setMerging(true)}
        >
          {t('field.turfs.merge', { count: chosen.length })}
        </Button>
      </Group>
      <TurfTable
        turfs={turfs}
        selected={selected}
        actions={{
          onToggle: toggle,
          onEdit: setEditing,
          onSplit: setSplitting,
          onWalkList: (turf) => openWalk(turf.id),
        }}
      />
      <TurfEditModal turf={editing} onClose={() => setEditing(null)} />
      <ConfirmAction
        opened={splitting !== null}
        title={t('field.turfs.splitTitle')}
        confirmLabel={t('field.turfs.splitConfirm')}
        loading={split.isPending}
        onClose={() => setSplitting(null)}
        onConfirm={() =>
          split.mutateAsync(splitting!.id).then((result) =>
            notifications.show({
              color: 'green',
              message: t('field.turfs.splitDone', {
                names: result.items.map((turf) => turf.name).join(', '),
              }),
            }),
          )
        }
      >
        {t('field.turfs.splitText', {
          name: splitting?.name ?? '',
          count: splitting?.addressCount ?? 0,
        })}
      </ConfirmAction>
      <ConfirmAction
        opened={merging}
        title={t('field.turfs.mergeTitle')}
        confirmLabel={t('field.turfs.mergeConfirm')}
        loading={merge.isPending}
        onClose={() => setMerging(false)}
        onConfirm={() =>
          merge.mutateAsync(chosen.map((turf) => turf.id)).then((kept) => {
            setPicked(new Set());
            notifications.show({
              color: 'green',
              message: t('field.turfs.mergeDone', { name: kept.name }),
            });
          })
        }
      >
        {t('field.turfs.mergeText', {
          names: chosen.map((turf) => turf.name).join(', '),
          name: chosen[0]?.name ?? '',
        })}
      </ConfirmAction>
      <WalkListDrawer turfId={walkId} onClose={() => openWalk(null)} />
    </Stack>
  );
}

function Area({ area }: { area: TargetArea }) {
  const t = useT();
  const [locale] = useLocale();
  const turfs = useTurfs(area.id);
  return (
    <FieldLayout
      title={area.name}
      intro={t('field.area.intro', {
        kind: areaKindText(area, t),
        addresses: formatNumber(area.addressCount, locale),
        turfs: formatNumber(area.turfCount, locale),
      })}
      actions={
        <Anchor component={Link} to="/hq/field/areas" size="sm">
          {t('field.area.back')}
        </Anchor>
      }
    >
      <Section title={t('field.cut.title')} description={t('field.cut.intro')}>
        {area.addressCount === 0 && <Text size="sm">{t('field.cut.noAddresses')}</Text>}
        <CutForm area={area} />
      </Section>
      <Section title={t('field.area.questionnaireTitle')}>
        <AreaQuestionnaire area={area} />
      </Section>
      <Section title={t('field.turfs.title')}>
        <QueryState query={turfs}>{(data) => <Turfs area={area} turfs={data.items} />}</QueryState>
      </Section>
    </FieldLayout>
  );
}

/** An area's page: cut it into turfs, see them on a map, name them, give them out. */
export function AreaPage() {
  const { id } = useParams();
  const areaId = Number(id);
  const areas = useAreas();
  if (!Number.isInteger(areaId) || areaId <= 0) return <NotFoundPage />;
  return (
    <QueryState query={areas}>
      {({ items }) => {
        const area = items.find((a) => a.id === areaId);
        return area ? <Area area={area} /> : <NotFoundPage />;
      }}
    </QueryState>
  );
}
