import type {
  CallOutcome,
  PhoneBankAccess,
  PhoneBankCounts,
  PhoneBankShift,
  PhoneBankStatus,
} from '../../../../contracts/phone-banks.ts';
import type { MessageKey } from '../../../core/i18n/index.tsx';

export const bankStatusKeys: Record<PhoneBankStatus, MessageKey> = {
  draft: 'banks.status.draft',
  open: 'banks.status.open',
  paused: 'banks.status.paused',
  closed: 'banks.status.closed',
};

export const bankStatusColors: Record<PhoneBankStatus, string> = {
  draft: 'gray',
  open: 'green',
  paused: 'yellow',
  closed: 'dark',
};

/** What volunteers record of a call, as staff read it. */
export const outcomeKeys: Record<CallOutcome, MessageKey> = {
  no_answer: 'banks.outcome.no_answer',
  wrong_number: 'banks.outcome.wrong_number',
  call_back: 'banks.outcome.call_back',
  conversation: 'banks.outcome.conversation',
  refused: 'banks.outcome.refused',
  do_not_call: 'banks.outcome.do_not_call',
};

/** Who may call, and the sentence that says what it means. */
export const accessKeys: Record<PhoneBankAccess, { label: MessageKey; help: MessageKey }> = {
  supporters: { label: 'banks.access.supporters', help: 'banks.access.supportersHelp' },
  committee: { label: 'banks.access.committee', help: 'banks.access.committeeHelp' },
  shifts: { label: 'banks.access.shifts', help: 'banks.access.shiftsHelp' },
};

/** Whether a bank's settings may still change (a closed bank is kept as it ran). */
export const isEditable = (status: PhoneBankStatus) => status !== 'closed';

/** Conversations held: the calls recorded as one. */
export const conversationsOf = (counts: PhoneBankCounts) => counts.byOutcome.conversation;

/** The share of the audience done, in whole percent (0 without an audience). */
export function donePercent(counts: PhoneBankCounts): number {
  if (counts.audience <= 0) return 0;
  return Math.min(100, Math.round((counts.done / counts.audience) * 100));
}

/** A shift with a capacity that fewer people are going to than it holds. */
export const isUnfilled = (shift: PhoneBankShift) =>
  shift.capacity !== null && shift.going < shift.capacity;

/** Each value as a share of the largest, in percent, for bars side by side (0 when all are 0). */
export function barShares(values: readonly number[]): number[] {
  const largest = Math.max(0, ...values);
  return values.map((value) => (largest === 0 ? 0 : Math.round((value / largest) * 100)));
}
