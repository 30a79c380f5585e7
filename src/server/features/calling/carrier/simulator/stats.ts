/** What the simulator counts, to check a dialler against: nobody called twice, caps respected. */
import type { CarrierCallStatus } from '../port.ts';
import type { CallStore } from './calls.ts';

export interface SimulatorStats {
  callsCreated: number;
  distinctNumbersCalled: number;
  /** To number → calls created to it, for the numbers called more than once. */
  numbersCalledMoreThanOnce: Record<string, number>;
  /** To number → calls created to it, every number (only when asked: big on a big run). */
  callsPerNumber?: Record<string, number>;
  createsRefused: {
    callsPerSecondCap: number;
    concurrencyCap: number;
    /** Answered 503 while unreachable (refused connections are not seen). */
    unreachable: number;
    /** 4xx: bad number, blocked destination, missing parameter. */
    invalid: number;
  };
  serverErrors: { beforeCreating: number; afterCreating: number };
  /** The most creates accepted in one rolling second. */
  maxCallsPerSecondObserved: number;
  maxConcurrentCallsObserved: number;
  activeCalls: number;
  callbacks: { sent: number; failed: number; duplicates: number; outOfOrder: number };
  answerFetches: { sent: number; failed: number };
  /** Gather actions posted with a digit. */
  digitsPressed: number;
  /** Calls in progress sent to other instructions (a machine's message after the beep). */
  redirects: number;
  callsByFinalStatus: Partial<Record<CarrierCallStatus, number>>;
}

export type Counters = Omit<
  SimulatorStats,
  | 'callsCreated'
  | 'distinctNumbersCalled'
  | 'numbersCalledMoreThanOnce'
  | 'callsPerNumber'
  | 'activeCalls'
  | 'maxCallsPerSecondObserved'
>;

export function emptyCounters(): Counters {
  return {
    createsRefused: { callsPerSecondCap: 0, concurrencyCap: 0, unreachable: 0, invalid: 0 },
    serverErrors: { beforeCreating: 0, afterCreating: 0 },
    maxConcurrentCallsObserved: 0,
    callbacks: { sent: 0, failed: 0, duplicates: 0, outOfOrder: 0 },
    answerFetches: { sent: 0, failed: 0 },
    digitsPressed: 0,
    redirects: 0,
    callsByFinalStatus: {},
  };
}

/** Creates accepted in the last real second, to cap them and to report the busiest second. */
export class CallsPerSecondWindow {
  private readonly times: number[] = [];
  private head = 0;
  maxObserved = 0;

  private drop(now: number) {
    while (this.head < this.times.length && this.times[this.head] <= now - 1000) this.head++;
    // Compact now and then rather than shift() on every create.
    if (this.head > 4096) {
      this.times.splice(0, this.head);
      this.head = 0;
    }
  }

  /** Takes a place in the current second, or says there is none left. */
  tryTake(cap: number, now = Date.now()): boolean {
    this.drop(now);
    if (this.times.length - this.head >= cap) return false;
    this.times.push(now);
    this.maxObserved = Math.max(this.maxObserved, this.times.length - this.head);
    return true;
  }
}

export function snapshot(
  store: CallStore,
  counters: Counters,
  window: CallsPerSecondWindow,
  perNumber: boolean,
): SimulatorStats {
  return {
    ...structuredClone(counters),
    callsCreated: store.size,
    distinctNumbersCalled: store.distinctNumbers,
    numbersCalledMoreThanOnce: Object.fromEntries(store.repeatedNumbers),
    ...(perNumber ? { callsPerNumber: store.callsPerNumber() } : {}),
    activeCalls: store.active,
    maxCallsPerSecondObserved: window.maxObserved,
  };
}
