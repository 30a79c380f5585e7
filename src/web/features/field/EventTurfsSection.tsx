import { Button, Group, Select, Stack, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import type { EventForEdit } from '../../../contracts/events.ts';
import type { EventTurf, EventTurfs } from '../../../contracts/field-organisers.ts';
import { formatNumber } from '../../core/format.ts';
import { useLocale, useT } from '../../core/i18n/index.tsx';
import { ErrorAlert } from '../../core/ui/ErrorAlert.tsx';
import { QueryState } from '../../core/ui/QueryState.tsx';
import { ResponsiveTable } from '../../core/ui/ResponsiveTable.tsx';
import { Section } from '../../core/ui/Section.tsx';
import {
  isRefused,
  organiserErrorText,
  useEventTurfChange,
  useEventTurfChoices,
  useEventTurfs,
} from './organiser-hooks.ts';

type Change = ReturnType<typeof useEventTurfChange>;

/** Choosing a turf by name among those the session may carry, and adding it. */
function AddTurf({
  eventId,
  anyTurf,
  change,
}: {
  eventId: number;
  anyTurf: boolean;
  change: Change;
}) {
  const t = useT();
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search, 250);
  const [chosen, setChosen] = useState<EventTurf | null>(null);
  const [error, setError] = useState<string | null>(null);
  // Once a turf is chosen the box shows its label: the list is no longer searched by it.
  const q = chosen ? '' : debounced.trim();
  const choices = useEventTurfChoices(eventId, q);
  const items = choices.data?.items ?? [];
  const shown = chosen && !items.some((item) => item.id === chosen.id) ? [chosen, ...items] : items;
  const label = (turf: EventTurf) =>
    t('field.organisers.event.choiceLabel', { name: turf.name, doors: turf.addressCount });
  if (!anyTurf && choices.data && items.length === 0 && !q && !chosen) {
    return <Text size="sm">{t('field.organisers.event.noChoice')}</Text>;
  }
  const add = () => {
    if (!chosen) return;
    setError(null);
    change.mutate(
      { turfId: chosen.id, attach: true },
      {
        onSuccess: () => {
          setChosen(null);
          setSearch('');
          notifications.show({
            color: 'green',
            message: t('field.organisers.event.added', { name: chosen.name }),
          });
        },
        onError: (failure) => setError(organiserErrorText(failure, t)),
      },
    );
  };
  return (
    <Stack gap="xs">
      <Group align="flex-end" gap="sm">
        <Select
          label={t('field.organisers.event.choose')}
          description={t(
            anyTurf ? 'field.organisers.event.chooseAny' : 'field.organisers.event.chooseCommittee',
          )}
          data={shown.map((turf) => ({ value: String(turf.id), label: label(turf) }))}
          value={chosen ? String(chosen.id) : null}
          onChange={(value) => setChosen(shown.find((turf) => String(turf.id) === value) ?? null)}
          searchable
          searchValue={search}
          onSearchChange={setSearch}
          // The server matched the name already.
          filter={({ options }) => options}
          nothingFoundMessage={choices.isFetching ? t('common.loading') : t('common.nothingFound')}
          clearable
          style={{ flex: 1, minWidth: 220 }}
        />
        <Button onClick={add} disabled={!chosen} loading={change.isPending}>
          {t('field.organisers.event.addButton')}
        </Button>
      </Group>
      <ErrorAlert message={error} />
    </Stack>
  );
}

function Carried({
  event,
  turfs,
}: {
  event: Pick<EventForEdit, 'id' | 'status'>;
  turfs: EventTurfs;
}) {
  const t = useT();
  const [locale] = useLocale();
  const change = useEventTurfChange(event.id);
  const [error, setError] = useState<string | null>(null);
  const remove = (turf: EventTurf) => {
    setError(null);
    change.mutate(
      { turfId: turf.id, attach: false },
      {
        onSuccess: () =>
          notifications.show({
            color: 'green',
            message: t('field.organisers.event.removed', { name: turf.name }),
          }),
        onError: (failure) => setError(organiserErrorText(failure, t)),
      },
    );
  };
  return (
    <Stack gap="sm">
      {turfs.items.length === 0 ? (
        <Text size="sm">{t('field.organisers.event.empty')}</Text>
      ) : (
        <>
          <Text size="sm">
            {t('field.organisers.event.summary', { turfs: turfs.items.length, doors: turfs.doors })}
          </Text>
          <ResponsiveTable
            items={turfs.items}
            label={t('field.organisers.event.table')}
            rowKey={(turf) => turf.id}
            minWidth={560}
            columns={[
              { header: t('field.organisers.turf'), title: true, cell: (turf) => turf.name },
              {
                header: t('field.organisers.event.committee'),
                cell: (turf) => turf.committeeName ?? '—',
              },
              {
                header: t('field.organisers.doors'),
                numeric: true,
                cell: (turf) => formatNumber(turf.addressCount, locale),
              },
              {
                header: t('field.organisers.progress'),
                cell: (turf) =>
                  t('field.organisers.visited', {
                    visited: formatNumber(turf.visited, locale),
                    total: formatNumber(turf.addressCount, locale),
                  }),
              },
              {
                header: t('common.actions'),
                nowrap: true,
                cell: (turf) => (
                  <Button
                    size="xs"
                    variant="subtle"
                    color="red"
                    onClick={() => remove(turf)}
                    aria-label={t('field.organisers.event.remove', { name: turf.name })}
                  >
                    {t('field.organisers.event.removeShort')}
                  </Button>
                ),
              },
            ]}
          />
        </>
      )}
      <ErrorAlert message={error} />
      {event.status === 'published' && (
        <AddTurf eventId={event.id} anyTurf={turfs.anyTurf} change={change} />
      )}
    </Stack>
  );
}

/**
 * A door-to-door session's turfs on its manage page: those going canvass them. Nothing for
 * another type of event, nor for those the server refuses (staff who do not manage the field).
 */
export function EventTurfsSection({
  event,
}: {
  event: Pick<EventForEdit, 'id' | 'type' | 'status'>;
}) {
  const t = useT();
  const session = event.type === 'door_to_door';
  const turfs = useEventTurfs(event.id, session);
  if (!session || isRefused(turfs.error)) return null;
  return (
    <Section
      title={t('field.organisers.event.title')}
      description={t('field.organisers.event.intro')}
    >
      <QueryState query={turfs}>{(data) => <Carried event={event} turfs={data} />}</QueryState>
    </Section>
  );
}
