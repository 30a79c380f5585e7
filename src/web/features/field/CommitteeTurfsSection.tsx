import { ActionIcon, Group, Progress, Text, Tooltip } from '@mantine/core';
import { IconFileTypePdf, IconUserPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { fieldTurfsApi } from '../../../contracts/field-api.ts';
import type { Turf } from '../../../contracts/field-turfs.ts';
import { urlOf } from '../../core/api.ts';
import { formatDay, formatNumber } from '../../core/format.ts';
import { useLocale, useT } from '../../core/i18n/index.tsx';
import { QueryState } from '../../core/ui/QueryState.tsx';
import { ResponsiveTable } from '../../core/ui/ResponsiveTable.tsx';
import { Section } from '../../core/ui/Section.tsx';
import { PROGRESS_RAMP, rampColour } from './colourRamps.ts';
import { CommitteeTurfModal } from './CommitteeTurfModal.tsx';
import { isRefused, useCommitteeTurfs } from './organiser-hooks.ts';

function TurfProgress({ turf }: { turf: Turf }) {
  const t = useT();
  const [locale] = useLocale();
  const share = turf.addressCount > 0 ? turf.visited / turf.addressCount : 0;
  return (
    <Group gap="xs" wrap="nowrap">
      <Progress value={share * 100} color={rampColour(PROGRESS_RAMP, share)} w={60} aria-hidden />
      <Text size="xs">
        {t('field.organisers.visited', {
          visited: formatNumber(turf.visited, locale),
          total: formatNumber(turf.addressCount, locale),
        })}
      </Text>
    </Group>
  );
}

function TurfList({ committeeId, turfs }: { committeeId: number; turfs: readonly Turf[] }) {
  const t = useT();
  const [locale] = useLocale();
  const [editing, setEditing] = useState<Turf | null>(null);
  if (turfs.length === 0) return <Text size="sm">{t('field.organisers.committee.empty')}</Text>;
  const dates = (turf: Turf) =>
    turf.startsOn || turf.endsOn
      ? t('field.organisers.datesRange', {
          from: turf.startsOn ? formatDay(turf.startsOn, locale) : '…',
          to: turf.endsOn ? formatDay(turf.endsOn, locale) : '…',
        })
      : '—';
  const doors = turfs.reduce((sum, turf) => sum + turf.addressCount, 0);
  const visited = turfs.reduce((sum, turf) => sum + turf.visited, 0);
  return (
    <>
      <Text size="sm">
        {t('field.organisers.committee.summary', { turfs: turfs.length, doors, visited })}
      </Text>
      <ResponsiveTable
        items={turfs}
        label={t('field.organisers.committee.table')}
        rowKey={(turf) => turf.id}
        minWidth={760}
        columns={[
          { header: t('field.organisers.turf'), title: true, cell: (turf) => turf.name },
          {
            header: t('field.organisers.doors'),
            numeric: true,
            cell: (turf) => formatNumber(turf.addressCount, locale),
          },
          {
            header: t('field.organisers.progress'),
            cell: (turf) => <TurfProgress turf={turf} />,
          },
          { header: t('field.organisers.dates'), nowrap: true, cell: dates },
          {
            header: t('field.organisers.volunteers'),
            cell: (turf) => turf.volunteers.map((v) => v.name).join(', ') || '—',
          },
          {
            header: t('common.actions'),
            nowrap: true,
            cell: (turf) => (
              <Group gap={2} wrap="nowrap">
                <Tooltip label={t('field.organisers.assign', { name: turf.name })}>
                  <ActionIcon
                    variant="subtle"
                    aria-label={t('field.organisers.assign', { name: turf.name })}
                    onClick={() => setEditing(turf)}
                  >
                    <IconUserPlus size={16} aria-hidden />
                  </ActionIcon>
                </Tooltip>
                <Tooltip label={t('field.organisers.pdf', { name: turf.name })}>
                  <ActionIcon
                    component="a"
                    variant="subtle"
                    href={urlOf(fieldTurfsApi.walkListPdf, { params: { id: turf.id } })}
                    download
                    aria-label={t('field.organisers.pdf', { name: turf.name })}
                  >
                    <IconFileTypePdf size={16} aria-hidden />
                  </ActionIcon>
                </Tooltip>
              </Group>
            ),
          },
        ]}
      />
      <CommitteeTurfModal
        committeeId={committeeId}
        turf={editing}
        onClose={() => setEditing(null)}
      />
    </>
  );
}

/**
 * The committee's manage page's "Porte-à-porte": the turfs HQ gave the committee, with their
 * doors and progress, each given by the organisers to members for dates. Hidden from those the
 * server refuses (staff who do not manage the field).
 */
export function CommitteeTurfsSection({ committeeId }: { committeeId: number }) {
  const t = useT();
  const turfs = useCommitteeTurfs(committeeId);
  if (isRefused(turfs.error)) return null;
  return (
    <Section
      title={t('field.organisers.committee.title')}
      description={t('field.organisers.committee.intro')}
      anchor="porte-a-porte"
    >
      <QueryState query={turfs}>
        {(data) => <TurfList committeeId={committeeId} turfs={data.items} />}
      </QueryState>
    </Section>
  );
}
