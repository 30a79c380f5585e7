/** The simulator's calls, kept for the whole run, and their Twilio JSON form. */
import { randomBytes } from 'node:crypto';
import type { CarrierCallStatus } from '../port.ts';

export interface SimulatedCall {
  sid: string;
  /** Creation order, the list's cursor. */
  seq: number;
  to: string;
  from: string;
  status: CarrierCallStatus;
  /** Twilio's AMD value (human, machine_end_beep…), once known. */
  answeredBy: string | null;
  dateCreated: Date;
  dateUpdated: Date;
  startTime: Date | null;
  endTime: Date | null;
  /** Simulated seconds from answer to hang-up. */
  durationSeconds: number | null;
  price: string | null;
  /** Stops the call's course (cancel, close); dropped once the call has ended. */
  abort?: AbortController;
}

/** Twilio writes dates as RFC 2822, to the second. */
export function rfc2822(date: Date | null): string | null {
  return date ? date.toUTCString().replace('GMT', '+0000') : null;
}

export function newCallSid(): string {
  return `CA${randomBytes(16).toString('hex')}`;
}

export function callJson(call: SimulatedCall, accountSid: string) {
  return {
    sid: call.sid,
    account_sid: accountSid,
    date_created: rfc2822(call.dateCreated),
    date_updated: rfc2822(call.dateUpdated),
    parent_call_sid: null,
    to: call.to,
    to_formatted: call.to,
    from: call.from,
    from_formatted: call.from,
    phone_number_sid: null,
    status: call.status,
    start_time: rfc2822(call.startTime),
    end_time: rfc2822(call.endTime),
    duration: call.durationSeconds === null ? null : String(call.durationSeconds),
    price: call.price,
    price_unit: 'EUR',
    direction: 'outbound-api',
    answered_by: call.answeredBy,
    api_version: '2010-04-01',
    forwarded_from: null,
    group_sid: null,
    caller_name: null,
    queue_time: '0',
    trunk_sid: null,
    uri: `/2010-04-01/Accounts/${accountSid}/Calls/${call.sid}.json`,
    subresource_uris: {},
  };
}

export interface CallFilter {
  to?: string;
  from?: string;
  status?: string;
  /** Twilio's StartTime filters: a call not dialled yet (no start time) matches none. */
  startedOn?: Date;
  startedOnOrAfter?: Date;
  startedOnOrBefore?: Date;
}

const DAY_MS = 86_400_000;

function matches(call: SimulatedCall, filter: CallFilter): boolean {
  if (filter.from !== undefined && call.from !== filter.from) return false;
  if (filter.status !== undefined && call.status !== filter.status) return false;
  const { startedOn, startedOnOrAfter, startedOnOrBefore } = filter;
  if (startedOn || startedOnOrAfter || startedOnOrBefore) {
    const start = call.startTime?.getTime();
    if (start === undefined) return false;
    if (startedOn && (start < startedOn.getTime() || start >= startedOn.getTime() + DAY_MS)) {
      return false;
    }
    if (startedOnOrAfter && start < startedOnOrAfter.getTime()) return false;
    if (startedOnOrBefore && start > startedOnOrBefore.getTime()) return false;
  }
  return true;
}

export class CallStore {
  private readonly bySid = new Map<string, SimulatedCall>();
  private readonly byTo = new Map<string, SimulatedCall[]>();
  /** Numbers called more than once, kept as they happen: stats stay cheap on a big run. */
  readonly repeatedNumbers = new Map<string, number>();
  private nextSeq = 1;
  active = 0;

  get size(): number {
    return this.bySid.size;
  }

  get distinctNumbers(): number {
    return this.byTo.size;
  }

  create(fields: Pick<SimulatedCall, 'to' | 'from'>): SimulatedCall {
    const now = new Date();
    const call: SimulatedCall = {
      sid: newCallSid(),
      seq: this.nextSeq++,
      to: fields.to,
      from: fields.from,
      status: 'queued',
      answeredBy: null,
      dateCreated: now,
      dateUpdated: now,
      startTime: null,
      endTime: null,
      durationSeconds: null,
      price: null,
      abort: new AbortController(),
    };
    this.bySid.set(call.sid, call);
    const sameNumber = this.byTo.get(call.to);
    if (sameNumber) {
      sameNumber.push(call);
      this.repeatedNumbers.set(call.to, sameNumber.length);
    } else {
      this.byTo.set(call.to, [call]);
    }
    this.active++;
    return call;
  }

  get(sid: string): SimulatedCall | undefined {
    return this.bySid.get(sid);
  }

  callsPerNumber(): Record<string, number> {
    return Object.fromEntries([...this.byTo].map(([to, calls]) => [to, calls.length]));
  }

  /** Newest first, as Twilio lists; `before` is the cursor (a seq) of the previous page. */
  list(filter: CallFilter, pageSize: number, before?: number): SimulatedCall[] {
    const source = filter.to !== undefined ? (this.byTo.get(filter.to) ?? []) : this.bySid.values();
    const found = [...source].filter(
      (call) => (before === undefined || call.seq < before) && matches(call, filter),
    );
    return found.sort((a, b) => b.seq - a.seq).slice(0, pageSize);
  }

  all(): IterableIterator<SimulatedCall> {
    return this.bySid.values();
  }
}
