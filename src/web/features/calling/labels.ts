import type { BroadcastStatus, CallingWindows } from '../../../contracts/calling.ts';
import type { CallListStatus } from '../../../contracts/calling-lists.ts';
import type { Recording } from '../../../contracts/calling-media.ts';
import type { Locale } from '../../../contracts/common.ts';
import type { MessageKey } from '../../core/i18n/index.tsx';
import { formatSlot } from '../../core/slot.ts';

export const broadcastStatusKeys: Record<BroadcastStatus, MessageKey> = {
  draft: 'calling.status.draft',
  awaiting_approval: 'calling.status.awaiting_approval',
  running: 'calling.status.running',
  paused: 'calling.status.paused',
  completed: 'calling.status.completed',
  canceled: 'calling.status.canceled',
};

export const broadcastStatusColors: Record<BroadcastStatus, string> = {
  draft: 'gray',
  awaiting_approval: 'orange',
  running: 'blue',
  paused: 'yellow',
  completed: 'green',
  canceled: 'red',
};

export const listStatusKeys: Record<CallListStatus, MessageKey> = {
  queued: 'calling.lists.status.queued',
  running: 'calling.lists.status.running',
  succeeded: 'calling.lists.status.succeeded',
  failed: 'calling.lists.status.failed',
};

export const listStatusColors: Record<CallListStatus, string> = {
  queued: 'gray',
  running: 'blue',
  succeeded: 'green',
  failed: 'red',
};

/** A length in seconds as a clock shows it: "0:03", "1:45". */
export function durationText(seconds: number): string {
  const total = Math.round(seconds);
  return `${Math.floor(total / 60)}:${String(total % 60).padStart(2, '0')}`;
}

/** A recording as a select lists it: its name, length and format. */
export const recordingLabel = (recording: Recording) =>
  `${recording.name} · ${durationText(recording.durationSeconds)} · ${recording.format.toUpperCase()}`;

/** Calling windows in words: "lun.–ven., 10:00–13:00, 14:00–20:00". */
export function windowsText(windows: CallingWindows, locale: Locale): string {
  const [first, ...rest] = windows.windows;
  if (!first) return '';
  const days = formatSlot({ weekdays: windows.weekdays, from: first[0]!, to: first[1]! }, locale);
  return [days, ...rest.map(([from, to]) => `${from}–${to}`)].join(', ');
}
