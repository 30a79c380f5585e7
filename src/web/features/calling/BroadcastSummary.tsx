import { SimpleGrid, Stack } from '@mantine/core';
import type { Broadcast } from '../../../contracts/calling.ts';
import { formatDateTime, formatNumber } from '../../core/format.ts';
import { useLocale, useT } from '../../core/i18n/index.tsx';
import { Section } from '../../core/ui/Section.tsx';
import { useSegments } from '../people/hooks.ts';
import { Fact } from './Fact.tsx';
import { recordingLabel, windowsText } from './labels.ts';
import { useCallLists } from './list-hooks.ts';
import { useRecordings } from './media-hooks.ts';
import { RecordingPlayer } from './RecordingPlayer.tsx';

/** Who is called (by name, and how many once frozen). */
function useAudienceText(broadcast: Broadcast): string {
  const t = useT();
  const [locale] = useLocale();
  const segments = useSegments();
  const lists = useCallLists();
  const { kind, segmentId, listId, count } = broadcast.audience;
  const name =
    kind === 'segment'
      ? segments.data?.find((segment) => segment.id === segmentId)?.name
      : lists.data?.items.find((list) => list.id === listId)?.name;
  const what = t(
    kind === 'segment' ? 'calling.audience.segmentNamed' : 'calling.audience.listNamed',
    {
      name: name ?? '…',
    },
  );
  return count === null
    ? what
    : t('calling.audience.frozen', { kind: what, count: formatNumber(count, locale) });
}

/** A broadcast's settings, read-only: audience, message, windows, dates, pace and retries. */
export function BroadcastSummary({ broadcast }: { broadcast: Broadcast }) {
  const t = useT();
  const [locale] = useLocale();
  const recordings = useRecordings();
  const audience = useAudienceText(broadcast);
  const recordingOf = (id: number | null) =>
    recordings.data?.items.find((recording) => recording.id === id);
  const recording = recordingOf(broadcast.recordingId);
  const machineRecording = recordingOf(broadcast.machineRecordingId);
  const machine =
    broadcast.machineAction === 'hang_up'
      ? t('calling.form.machine.hang_up')
      : machineRecording
        ? t('calling.summary.machineOther', { name: machineRecording.name })
        : t('calling.summary.machineSame');
  return (
    <Section title={t('calling.summary.title')}>
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="sm" component="dl" m={0}>
        <Fact label={t('calling.summary.audience')}>{audience}</Fact>
        <Fact label={t('calling.summary.recording')}>
          {recording ? (
            <Stack gap={4} component="span">
              <span>{recordingLabel(recording)}</span>
              <RecordingPlayer recording={recording} />
            </Stack>
          ) : (
            t('calling.summary.noRecording')
          )}
        </Fact>
        <Fact label={t('calling.summary.machine')}>{machine}</Fact>
        <Fact label={t('calling.summary.windows')}>
          {windowsText(broadcast.windows, locale)}
          {broadcast.windows.closedOnPublicHolidays && ` · ${t('calling.summary.noHolidays')}`}
        </Fact>
        <Fact label={t('calling.summary.dates')}>
          {t('calling.summary.datesValue', {
            start: broadcast.startsAt
              ? formatDateTime(broadcast.startsAt, locale)
              : t('calling.summary.onApproval'),
            end: broadcast.endsAt
              ? formatDateTime(broadcast.endsAt, locale)
              : t('calling.summary.noEnd'),
          })}
        </Fact>
        <Fact label={t('calling.summary.pace')}>
          {t('calling.summary.paceValue', {
            rate: broadcast.callsPerSecond,
            open: broadcast.maxConcurrent,
            ramp: broadcast.rampSeconds,
          })}
        </Fact>
        <Fact label={t('calling.summary.retries')}>
          {t('calling.summary.retriesValue', {
            attempts: broadcast.maxAttempts,
            minutes: broadcast.retryMinutes,
          })}
        </Fact>
        <Fact label={t('calling.summary.ring')}>
          {t('calling.summary.ringValue', { seconds: broadcast.ringSeconds })}
        </Fact>
        <Fact label={t('calling.summary.floor')}>
          {t('calling.summary.floorValue', { percent: broadcast.answerRateFloor })}
        </Fact>
        <Fact label={t('calling.summary.minutePrice')}>
          {broadcast.minutePriceCents === null
            ? t('calling.summary.noMinutePrice')
            : t('calling.summary.minutePriceValue', {
                cents: formatNumber(broadcast.minutePriceCents, locale),
              })}
        </Fact>
      </SimpleGrid>
    </Section>
  );
}
