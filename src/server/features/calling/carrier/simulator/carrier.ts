/**
 * The simulated carrier behind the simulator's HTTP API: Twilio's Calls resource (create, fetch,
 * list, update) with its limits and failures, answered as Twilio answers them.
 */
import { CallStore, callJson, type CallFilter, type SimulatedCall } from './calls.ts';
import { CallCourse, planCall, type CallPlan, type CallRequest } from './course.ts';
import { parseConfiguration, type RuntimeOptions, type SimulatorOptions } from './options.ts';
import { seededRandom, type Random } from './random.ts';
import {
  CallsPerSecondWindow,
  emptyCounters,
  snapshot,
  type Counters,
  type SimulatorStats,
} from './stats.ts';
import { WebhookSender } from './webhooks.ts';

export interface ApiAnswer {
  status: number;
  body: unknown;
}

export function twilioError(status: number, code: number, message: string): ApiAnswer {
  return {
    status,
    body: { code, message, more_info: `https://www.twilio.com/docs/errors/${code}`, status },
  };
}

const E164 = /^\+[1-9]\d{6,14}$/;
const DEFAULT_PAGE_SIZE = 50;
const FINAL = new Set(['completed', 'busy', 'no-answer', 'failed', 'canceled']);

function isHttpUrl(value: string): boolean {
  return URL.canParse(value) && /^https?:$/.test(new URL(value).protocol);
}

function methodOf(value: string | null): 'GET' | 'POST' {
  return value?.toUpperCase() === 'GET' ? 'GET' : 'POST';
}

/** Twilio's date filters take a day (midnight UTC) or a full date and time. */
function filterDate(value: string | null): Date | undefined | 'invalid' {
  if (value === null) return undefined;
  const date = new Date(/^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T00:00:00Z` : value);
  return Number.isNaN(date.getTime()) ? 'invalid' : date;
}

export class SimulatedCarrier {
  readonly store = new CallStore();
  private readonly counters: Counters = emptyCounters();
  private readonly window = new CallsPerSecondWindow();
  private readonly random: Random;
  private readonly sender: WebhookSender;
  private readonly courses = new Map<string, CallCourse>();
  private readonly running = new Set<Promise<void>>();
  private readonly closing = new AbortController();

  constructor(private options: SimulatorOptions) {
    this.random = seededRandom(options.seed);
    this.sender = new WebhookSender({
      authToken: options.authToken,
      options: () => this.options,
      random: this.random,
      counters: this.counters,
      closing: this.closing.signal,
    });
  }

  get current(): Readonly<SimulatorOptions> {
    return this.options;
  }

  configure(change: unknown): Partial<RuntimeOptions> {
    const parsed = parseConfiguration(change);
    this.options = { ...this.options, ...parsed };
    return parsed;
  }

  stats(perNumber = false): SimulatorStats {
    return snapshot(this.store, this.counters, this.window, perNumber);
  }

  /** The account the request authenticated as, checked against the path's. */
  authorize(authorization: string | undefined, pathAccountSid: string): ApiAnswer | null {
    const expected = `Basic ${Buffer.from(`${this.options.accountSid}:${this.options.authToken}`).toString('base64')}`;
    if (authorization !== expected) return twilioError(401, 20003, 'Authenticate');
    if (pathAccountSid !== this.options.accountSid) {
      return twilioError(404, 20404, 'The requested resource was not found');
    }
    return null;
  }

  unreachableAnswer(isCreate: boolean): ApiAnswer | null {
    if (this.options.unreachable !== '503') return null;
    if (isCreate) this.counters.createsRefused.unreachable++;
    return twilioError(503, 20503, 'Service Unavailable');
  }

  private invalid(code: number, message: string): ApiAnswer {
    this.counters.createsRefused.invalid++;
    return twilioError(400, code, message);
  }

  create(form: URLSearchParams): ApiAnswer {
    const options = this.options;
    const to = form.get('To');
    const from = form.get('From');
    const answerUrl = form.get('Url');
    if (!to) return this.invalid(21201, "No 'To' number is specified");
    if (!E164.test(to))
      return this.invalid(21211, `The 'To' number ${to} is not a valid phone number.`);
    if (!from) return this.invalid(21213, "No 'From' number is specified");
    if (!E164.test(from)) {
      return this.invalid(21212, `The 'From' number ${from} is not a valid phone number.`);
    }
    if (!answerUrl || !isHttpUrl(answerUrl)) return this.invalid(21205, 'Url is not a valid URL');
    if (options.blockedPrefixes.some((prefix) => to.startsWith(prefix))) {
      return this.invalid(
        21215,
        `Account not authorized to call ${to}. Perhaps you need to enable some international permissions`,
      );
    }
    if (this.store.active >= options.maxConcurrentCalls) {
      this.counters.createsRefused.concurrencyCap++;
      return twilioError(429, 20429, 'Too Many Requests: concurrent calls');
    }
    if (!this.window.tryTake(options.callsPerSecond)) {
      this.counters.createsRefused.callsPerSecondCap++;
      return twilioError(429, 20429, 'Too Many Requests');
    }
    const serverError = this.random.chance(options.serverErrorShare);
    const afterCreating = serverError && this.random.chance(options.serverErrorAfterCreateShare);
    if (serverError && !afterCreating) {
      this.counters.serverErrors.beforeCreating++;
      return twilioError(500, 20500, 'Internal Server Error');
    }
    const call = this.store.create({ to, from });
    this.counters.maxConcurrentCallsObserved = Math.max(
      this.counters.maxConcurrentCallsObserved,
      this.store.active,
    );
    this.start(call, callRequestFrom(form, answerUrl), planCall(to, options, this.random));
    if (afterCreating) {
      this.counters.serverErrors.afterCreating++;
      return twilioError(500, 20500, 'Internal Server Error');
    }
    return { status: 201, body: callJson(call, options.accountSid) };
  }

  private start(call: SimulatedCall, request: CallRequest, plan: CallPlan): void {
    const { sid } = call;
    const course = new CallCourse(call, request, plan, {
      accountSid: this.options.accountSid,
      options: () => this.options,
      random: this.random,
      store: this.store,
      counters: this.counters,
      sender: this.sender,
    });
    this.courses.set(sid, course);
    const running: Promise<void> = course
      .run()
      .catch((error: unknown) => {
        // A fault of the simulator itself: say it, and let the other calls go on.
        console.error(`Carrier simulator: call ${sid} broke`, error);
      })
      .finally(() => {
        this.courses.delete(sid);
        this.running.delete(running);
      });
    this.running.add(running);
  }

  fetch(sid: string): ApiAnswer {
    const call = this.store.get(sid);
    if (!call) return twilioError(404, 20404, `The requested resource ${sid} was not found`);
    return { status: 200, body: callJson(call, this.options.accountSid) };
  }

  update(sid: string, form: URLSearchParams): ApiAnswer {
    const call = this.store.get(sid);
    if (!call) return twilioError(404, 20404, `The requested resource ${sid} was not found`);
    const status = form.get('Status');
    const redirect = form.get('Url');
    if (status !== 'canceled' && status !== 'completed' && !redirect) {
      return twilioError(400, 20001, 'Status must be canceled or completed, or a Url given');
    }
    const course = this.courses.get(sid);
    if (FINAL.has(call.status) || !course) {
      return twilioError(400, 21220, 'Call is not in a state that can be changed');
    }
    // A redirect (the machine's message after the beep) is counted; the call's course, drawn
    // when it was created, goes on as drawn.
    if (!status) {
      this.counters.redirects++;
      return { status: 200, body: callJson(call, this.options.accountSid) };
    }
    // canceled leaves a call in progress alone; completed hangs it up whatever its state.
    if (status === 'canceled' || call.status !== 'in-progress') course.cancel();
    else course.hangUp();
    return { status: 200, body: callJson(call, this.options.accountSid) };
  }

  list(path: string, query: URLSearchParams): ApiAnswer {
    const filter: CallFilter = {
      to: query.get('To') ?? undefined,
      from: query.get('From') ?? undefined,
      status: query.get('Status') ?? undefined,
    };
    const dates = {
      startedOn: filterDate(query.get('StartTime')),
      startedOnOrAfter: filterDate(query.get('StartTime>')),
      startedOnOrBefore: filterDate(query.get('StartTime<')),
    };
    for (const [key, value] of Object.entries(dates)) {
      if (value === 'invalid') return twilioError(400, 20001, 'Invalid StartTime filter');
      if (value) filter[key as keyof typeof dates] = value;
    }
    const requestedSize = Number(query.get('PageSize') ?? DEFAULT_PAGE_SIZE);
    const pageSize = Math.max(
      1,
      Math.min(requestedSize || DEFAULT_PAGE_SIZE, this.options.maxListPageSize),
    );
    const page = Number(query.get('Page') ?? 0) || 0;
    const token = /^PA(\d+)$/.exec(query.get('PageToken') ?? '');
    const found = this.store.list(filter, pageSize + 1, token ? Number(token[1]) : undefined);
    const calls = found.slice(0, pageSize);
    const uri = (changes: Record<string, string>) => {
      const next = new URLSearchParams(query);
      for (const [key, value] of Object.entries(changes)) next.set(key, value);
      return `${path}?${next.toString()}`;
    };
    const first = new URLSearchParams(query);
    first.delete('Page');
    first.delete('PageToken');
    return {
      status: 200,
      body: {
        calls: calls.map((call) => callJson(call, this.options.accountSid)),
        start: page * pageSize,
        end: page * pageSize + Math.max(0, calls.length - 1),
        page,
        page_size: pageSize,
        uri: `${path}?${query.toString()}`,
        first_page_uri: `${path}?${first.toString()}`,
        previous_page_uri: null,
        next_page_uri:
          found.length > pageSize
            ? uri({
                Page: String(page + 1),
                PageSize: String(pageSize),
                PageToken: `PA${calls[calls.length - 1].seq}`,
              })
            : null,
      },
    };
  }

  /** Stops every call where it is and every request to Levier in flight. */
  async close(): Promise<void> {
    this.closing.abort();
    for (const course of this.courses.values()) course.stop();
    await Promise.allSettled([...this.running]);
  }

  /** Resolves once every call created so far has ended and sent its callbacks. */
  async settled(): Promise<void> {
    while (this.running.size > 0) await Promise.allSettled([...this.running]);
  }
}

function callRequestFrom(form: URLSearchParams, answerUrl: string): CallRequest {
  const events = form
    .getAll('StatusCallbackEvent')
    .flatMap((value) => value.toLowerCase().split(/\s+/))
    .filter(Boolean);
  const timeout = Number(form.get('Timeout') ?? 60);
  const machineDetection = form.get('MachineDetection');
  return {
    answerUrl,
    answerMethod: methodOf(form.get('Method')),
    statusCallback: form.get('StatusCallback'),
    statusCallbackMethod: methodOf(form.get('StatusCallbackMethod')),
    // Twilio sends only the final callback when no event is named.
    statusEvents: new Set(events.length > 0 ? events : ['completed']),
    timeoutSeconds: Number.isFinite(timeout) ? Math.min(600, Math.max(1, timeout)) : 60,
    machineDetection: machineDetection === 'Enable' || machineDetection === 'DetectMessageEnd',
    asyncAmd: form.get('AsyncAmd') === 'true',
    amdCallback: form.get('AsyncAmdStatusCallback'),
    amdCallbackMethod: methodOf(form.get('AsyncAmdStatusCallbackMethod')),
  };
}
