import type { AnsweredBy, CarrierCallStatus } from '../carrier/port.ts';

/**
 * The one state machine of a dialled call. Ranks order the states: a report of a lower rank
 * than the attempt's state is stale (a callback that arrived late, or twice) and changes
 * nothing; a terminal state is final. `unknown` (the carrier's answer to the dial was lost)
 * ranks lowest: anything the carrier later says of the call replaces it.
 */
export const attemptStates = [
  'unknown',
  'dialing',
  'queued',
  'ringing',
  'answered',
  'completed',
  'busy',
  'no_answer',
  'failed',
  'canceled',
  'not_placed',
] as const;
export type AttemptState = (typeof attemptStates)[number];

export const terminalStates: readonly AttemptState[] = [
  'completed',
  'busy',
  'no_answer',
  'failed',
  'canceled',
  'not_placed',
];

const rank: Record<AttemptState, number> = {
  unknown: 0,
  dialing: 1,
  queued: 2,
  ringing: 3,
  answered: 4,
  completed: 10,
  busy: 10,
  no_answer: 10,
  failed: 10,
  canceled: 10,
  not_placed: 10,
};

export const isTerminal = (state: AttemptState) => rank[state] === 10;

/** Whether a report of `next` moves an attempt now in `current`. */
export const advances = (current: AttemptState, next: AttemptState) =>
  !isTerminal(current) && rank[next] > rank[current];

/** The rank as SQL sees it (a CASE over the state column), for set-based updates. */
export const rankSql = (column: string) =>
  `CASE ${column} ${Object.entries(rank)
    .map(([state, r]) => `WHEN '${state}' THEN ${r}`)
    .join(' ')} ELSE -1 END`;

/** A carrier's status in this machine's words. */
export function stateOfCarrierStatus(status: CarrierCallStatus): AttemptState {
  switch (status) {
    case 'queued':
    case 'initiated':
      return 'queued';
    case 'ringing':
      return 'ringing';
    case 'in-progress':
      return 'answered';
    case 'no-answer':
      return 'no_answer';
    default:
      return status;
  }
}

/** What becomes of the number once an attempt ends. */
export type TargetOutcome =
  | { done: true; result: 'completed' | 'busy' | 'no_answer' | 'failed' | 'canceled' }
  | { done: false; retryAt: Date };

/**
 * Busy, no answer and failed calls are tried again after the broadcast's interval, up to its
 * number of attempts; a completed call never is, nor a canceled one. A call the carrier never
 * placed (`not_placed`: refused for its pace before any call) goes back at once, not counted.
 */
export function targetOutcome(
  state: AttemptState,
  attempts: number,
  rules: { maxAttempts: number; retryMinutes: number },
  now: Date,
): TargetOutcome {
  if (state === 'completed' || state === 'canceled') return { done: true, result: state };
  if (state === 'not_placed') return { done: false, retryAt: now };
  if (state !== 'busy' && state !== 'no_answer' && state !== 'failed') {
    throw new Error(`not an ending: ${state}`);
  }
  if (attempts >= rules.maxAttempts) return { done: true, result: state };
  return { done: false, retryAt: new Date(now.getTime() + rules.retryMinutes * 60_000) };
}

/** Who answered, from the carrier's detection. */
export const answeredByOf = (value: string | undefined): AnsweredBy | null => {
  if (!value) return null;
  if (value === 'human') return 'human';
  if (value.startsWith('machine')) return 'machine';
  if (value === 'fax') return 'fax';
  return 'unknown';
};
