import { ActionIcon, Checkbox, Group, Progress, Text, Tooltip } from '@mantine/core';
import type { ReactNode } from 'react';
import { IconArrowsSplit, IconFileTypePdf, IconList, IconPencil } from '@tabler/icons-react';
import { fieldTurfsApi } from '../../../contracts/field-api.ts';
import type { Turf } from '../../../contracts/field-turfs.ts';
import { urlOf } from '../../core/api.ts';
import { formatDay, formatNumber } from '../../core/format.ts';
import { useLocale, useT } from '../../core/i18n/index.tsx';
import { ResponsiveTable } from '../../core/ui/ResponsiveTable.tsx';
import { PROGRESS_RAMP, rampColour } from './colourRamps.ts';

export interface TurfActions {
  onToggle: (turf: Turf) => void;
  onEdit: (turf: Turf) => void;
  onSplit: (turf: Turf) => void;
  onWalkList: (turf: Turf) => void;
}

function Action({
  label,
  onClick,
  children,
}: {
  label: string;
  onClick: () => void;
  children: ReactNode;
}) {
  return (
    <Tooltip label={label}>
      <ActionIcon variant="subtle" aria-label={label} onClick={onClick}>
        {children}
      </ActionIcon>
    </Tooltip>
  );
}

/** The area's turfs: ticked to be merged, each with its actions and its walk list. */
export function TurfTable({
  turfs,
  selected,
  actions,
}: {
  turfs: readonly Turf[];
  selected: ReadonlySet<number>;
  actions: TurfActions;
}) {
  const t = useT();
  const [locale] = useLocale();
  const dates = (turf: Turf) =>
    turf.startsOn || turf.endsOn
      ? t('field.turf.dates', {
          from: turf.startsOn ? formatDay(turf.startsOn, locale) : '…',
          to: turf.endsOn ? formatDay(turf.endsOn, locale) : '…',
        })
      : '—';
  return (
    <ResponsiveTable
      items={turfs}
      label={t('field.turfs.table')}
      rowKey={(turf) => turf.id}
      minWidth={900}
      columns={[
        {
          header: t('field.turfs.name'),
          title: true,
          cell: (turf) => (
            <Checkbox
              label={turf.name}
              checked={selected.has(turf.id)}
              onChange={() => actions.onToggle(turf)}
              aria-label={t('field.turfs.select', { name: turf.name })}
            />
          ),
        },
        {
          header: t('field.turfs.addresses'),
          numeric: true,
          cell: (turf) => formatNumber(turf.addressCount, locale),
        },
        {
          header: t('field.turfs.progress'),
          cell: (turf) => {
            const share = turf.addressCount > 0 ? turf.visited / turf.addressCount : 0;
            return (
              <Group gap="xs" wrap="nowrap">
                <Progress
                  value={share * 100}
                  color={rampColour(PROGRESS_RAMP, share)}
                  w={60}
                  aria-hidden
                />
                <Text size="xs">
                  {t('field.turfs.visited', {
                    visited: formatNumber(turf.visited, locale),
                    total: formatNumber(turf.addressCount, locale),
                  })}
                </Text>
              </Group>
            );
          },
        },
        { header: t('field.turfs.committee'), cell: (turf) => turf.committeeName ?? '—' },
        { header: t('field.turfs.dates'), nowrap: true, cell: dates },
        {
          header: t('field.turfs.volunteers'),
          cell: (turf) => turf.volunteers.map((v) => v.name).join(', ') || '—',
        },
        {
          header: t('common.actions'),
          nowrap: true,
          cell: (turf) => (
            <Group gap={2} wrap="nowrap">
              <Action
                label={t('field.turfs.edit', { name: turf.name })}
                onClick={() => actions.onEdit(turf)}
              >
                <IconPencil size={16} aria-hidden />
              </Action>
              <Action
                label={t('field.turfs.split', { name: turf.name })}
                onClick={() => actions.onSplit(turf)}
              >
                <IconArrowsSplit size={16} aria-hidden />
              </Action>
              <Action
                label={t('field.turfs.walkList', { name: turf.name })}
                onClick={() => actions.onWalkList(turf)}
              >
                <IconList size={16} aria-hidden />
              </Action>
              <Tooltip label={t('field.turfs.pdf', { name: turf.name })}>
                <ActionIcon
                  component="a"
                  variant="subtle"
                  href={urlOf(fieldTurfsApi.walkListPdf, { params: { id: turf.id } })}
                  download
                  aria-label={t('field.turfs.pdf', { name: turf.name })}
                >
                  <IconFileTypePdf size={16} aria-hidden />
                </ActionIcon>
              </Tooltip>
            </Group>
          ),
        },
      ]}
    />
  );
}
