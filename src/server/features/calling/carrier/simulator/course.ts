/**
 * The course of one simulated call, as Twilio runs it: queued, dialled, ringing, then busy, no
 * answer, failed or answered; once answered, the answer URL's TwiML is played to a simulated
 * callee (or machine) who may hang up early or press a digit, which posts the Gather action.
 * Times are simulated seconds, waited as `seconds × timeScale` real seconds.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import type { CarrierCallStatus } from '../port.ts';
import { rfc2822, type CallStore, type SimulatedCall } from './calls.ts';
import type { RuntimeOptions } from './options.ts';
import type { Random } from './random.ts';
import type { Counters } from './stats.ts';
import { parseTwiml, type TwimlElement } from './twiml.ts';
import type { Webhook, WebhookSender } from './webhooks.ts';

/** What Levier asked for when it created the call. */
export interface CallRequest {
  answerUrl: string;
  answerMethod: 'GET' | 'POST';
  statusCallback: string | null;
  statusCallbackMethod: 'GET' | 'POST';
  statusEvents: ReadonlySet<string>;
  timeoutSeconds: number;
  machineDetection: boolean;
  asyncAmd: boolean;
  amdCallback: string | null;
  amdCallbackMethod: 'GET' | 'POST';
}

/** What will become of the call, drawn when it is created. */
export interface CallPlan {
  outcome: 'answered' | 'busy' | 'no-answer' | 'failed';
  ringSeconds: number;
  /** Twilio's AMD value for whoever answers. */
  answeredBy: 'human' | 'machine_end_beep' | 'machine_end_silence' | 'machine_end_other' | 'fax';
  /** Seconds of AMD before it answers. */
  detectionSeconds: number;
  /** Seconds the callee stays on the line (Infinity: to the end). */
  listenSeconds: number;
  presses: boolean;
  /** A number of `pressingNumbers`: answers before the request's Timeout, whatever the draw. */
  alwaysAnswers: boolean;
}

const pressingSets = new WeakMap<readonly string[], ReadonlySet<string>>();

function isPressingNumber(to: string, options: RuntimeOptions): boolean {
  let numbers = pressingSets.get(options.pressingNumbers);
  if (!numbers) {
    numbers = new Set(options.pressingNumbers);
    pressingSets.set(options.pressingNumbers, numbers);
  }
  return numbers.has(to);
}

export function planCall(to: string, options: RuntimeOptions, random: Random): CallPlan {
  const pressingNumber = isPressingNumber(to, options);
  const { answered, busy, failed } = options.outcomes;
  const draw = random.next();
  const outcome = pressingNumber
    ? 'answered'
    : draw < answered
      ? 'answered'
      : draw < answered + busy
        ? 'busy'
        : draw < answered + busy + failed
          ? 'failed'
          : 'no-answer';
  const who = random.next();
  const machine = !pressingNumber && who < options.machineShare;
  const fax = !pressingNumber && !machine && who < options.machineShare + options.faxShare;
  const ends = ['machine_end_beep', 'machine_end_silence', 'machine_end_other'] as const;
  const human = !machine && !fax;
  const presses = pressingNumber || (human && random.chance(options.pressingShare));
  return {
    outcome,
    ringSeconds: random.between(options.ringSeconds.min, options.ringSeconds.max),
    answeredBy: machine ? ends[Math.floor(random.next() * 3)] : fax ? 'fax' : 'human',
    detectionSeconds: machine
      ? random.between(options.machineGreetingSeconds.min, options.machineGreetingSeconds.max)
      : random.between(1.5, 3.5),
    listenSeconds:
      !human || presses || random.chance(options.listenToEndShare)
        ? Infinity
        : random.between(1, Math.max(1, options.messageSeconds)),
    presses,
    alwaysAnswers: pressingNumber,
  };
}

export interface CourseContext {
  accountSid: string;
  options(): RuntimeOptions;
  random: Random;
  store: CallStore;
  counters: Counters;
  sender: WebhookSender;
}

const FINAL_STATUSES: ReadonlySet<CarrierCallStatus> = new Set([
  'completed',
  'busy',
  'no-answer',
  'failed',
  'canceled',
]);

/** Hundred-thousandths of a euro, as Twilio's five decimals. */
function priceOf(seconds: number, pricePerMinute: string): string {
  const perMinute = Math.round(Number(pricePerMinute) * 100_000);
  return `-${((Math.ceil(seconds / 60) * perMinute) / 100_000).toFixed(5)}`;
}

/** Twilio's text-to-speech pace, near enough. */
function sayingSeconds(text: string): number {
  return Math.max(1, text.length * 0.07);
}

export class CallCourse {
  private readonly abort = new AbortController();
  private readonly status: ReturnType<WebhookSender['statusChannel']>;
  private spoken = 0;
  private listenLeft: number;
  private sequence = 0;
  private readonly pending: Array<Promise<void>> = [];

  constructor(
    readonly call: SimulatedCall,
    private readonly request: CallRequest,
    private readonly plan: CallPlan,
    private readonly context: CourseContext,
  ) {
    this.status = context.sender.statusChannel();
    this.listenLeft = plan.listenSeconds;
  }

  /** Runs the call to its end; resolves once its last callback has been answered. */
  async run(): Promise<void> {
    try {
      await this.proceed();
    } catch (error) {
      if (!this.abort.signal.aborted) throw error;
    }
    await Promise.all(this.pending);
    await this.status.settled();
  }

  /** Cancels a call not answered yet; false when it is in progress (Twilio leaves it). */
  cancel(): boolean {
    if (this.call.status === 'in-progress' || FINAL_STATUSES.has(this.call.status)) return false;
    this.abort.abort();
    this.finish('canceled');
    return true;
  }

  /** Hangs up a call in progress (Twilio's Status=completed); false when it is not. */
  hangUp(): boolean {
    if (this.call.status !== 'in-progress') return false;
    this.abort.abort();
    this.finish('completed');
    return true;
  }

  /** Stops the course where it is, without an end (the simulator closes). */
  stop(): void {
    this.abort.abort();
  }

  private async wait(seconds: number): Promise<void> {
    const ms = Math.max(0, seconds * this.context.options().timeScale * 1000);
    await sleep(ms, undefined, { signal: this.abort.signal });
    // A cancel can land between the timer and this continuation: the call has ended then.
    this.abort.signal.throwIfAborted();
  }

  private params(extra: Record<string, string> = {}): Record<string, string> {
    const { call } = this;
    return {
      AccountSid: this.context.accountSid,
      ApiVersion: '2010-04-01',
      CallSid: call.sid,
      CallStatus: call.status,
      Called: call.to,
      Caller: call.from,
      Direction: 'outbound-api',
      From: call.from,
      To: call.to,
      ...extra,
    };
  }

  private setStatus(status: CarrierCallStatus, event: string): void {
    const { call } = this;
    call.status = status;
    call.dateUpdated = new Date();
    const { statusCallback, statusCallbackMethod, statusEvents } = this.request;
    if (!statusCallback || !statusEvents.has(event)) return;
    const extra: Record<string, string> = {
      CallbackSource: 'call-progress-events',
      SequenceNumber: String(this.sequence++),
      Timestamp: rfc2822(new Date()) ?? '',
    };
    if (call.answeredBy) extra.AnsweredBy = call.answeredBy;
    if (call.durationSeconds !== null) extra.CallDuration = String(call.durationSeconds);
    const hook: Webhook = {
      url: statusCallback,
      method: statusCallbackMethod,
      params: this.params(extra),
    };
    this.status.emit(hook, event === 'completed');
  }

  private finish(status: CarrierCallStatus): void {
    const { call, context } = this;
    const now = new Date();
    if (call.startTime) call.endTime = now;
    if (status === 'completed') {
      call.durationSeconds = Math.max(1, Math.ceil(this.spoken));
      call.price = priceOf(call.durationSeconds, context.options().pricePerMinute);
    }
    const finals = context.counters.callsByFinalStatus;
    finals[status] = (finals[status] ?? 0) + 1;
    context.store.active--;
    this.setStatus(status, 'completed');
  }

  private async proceed(): Promise<void> {
    const { plan, request } = this;
    await this.wait(this.context.options().queuedSeconds);
    this.call.startTime = new Date();
    this.setStatus('initiated', 'initiated');
    if (plan.outcome === 'failed') {
      await this.wait(1);
      return this.finish('failed');
    }
    await this.wait(1);
    this.setStatus('ringing', 'ringing');
    if (plan.outcome === 'busy') {
      await this.wait(this.context.random.between(1, 3));
      return this.finish('busy');
    }
    const ringSeconds = plan.alwaysAnswers
      ? Math.min(plan.ringSeconds, request.timeoutSeconds / 2)
      : plan.ringSeconds;
    if (plan.outcome === 'no-answer' || ringSeconds >= request.timeoutSeconds) {
      await this.wait(request.timeoutSeconds);
      return this.finish('no-answer');
    }
    await this.wait(ringSeconds);
    this.setStatus('in-progress', 'answered');
    await this.converse();
    this.finish('completed');
  }

  private async converse(): Promise<void> {
    const { request, plan } = this;
    const answerParams: Record<string, string> = {};
    if (request.machineDetection && request.asyncAmd) {
      this.pending.push(this.reportMachineDetection());
    } else if (request.machineDetection) {
      // Synchronous AMD: the answer URL waits for the verdict, and carries it.
      if (!(await this.spend(plan.detectionSeconds))) return;
      this.call.answeredBy = plan.answeredBy;
      answerParams.AnsweredBy = plan.answeredBy;
    }
    const document = await this.fetchDocument(
      { url: request.answerUrl, method: request.answerMethod, params: this.params(answerParams) },
      'answer',
    );
    if (document) await this.perform(document.children, request.answerUrl);
  }

  private async reportMachineDetection(): Promise<void> {
    try {
      await this.wait(this.plan.detectionSeconds);
    } catch {
      return; // canceled or closed before AMD answered
    }
    const { call, request } = this;
    // A callee gone before AMD could tell leaves it unsure, as on Twilio.
    call.answeredBy = call.status === 'in-progress' ? this.plan.answeredBy : 'unknown';
    if (!request.amdCallback) return;
    await this.context.sender.callback({
      url: request.amdCallback,
      method: request.amdCallbackMethod,
      params: {
        AccountSid: this.context.accountSid,
        CallSid: call.sid,
        AnsweredBy: call.answeredBy,
        MachineDetectionDuration: String(Math.round(this.plan.detectionSeconds * 1000)),
      },
    });
  }

  private async fetchDocument(
    hook: Webhook,
    kind: 'answer' | 'action',
  ): Promise<TwimlElement | null> {
    const { counters } = this.context;
    if (kind === 'answer') counters.answerFetches.sent++;
    const text = await this.context.sender.request(hook);
    this.abort.signal.throwIfAborted();
    let document: TwimlElement | null = null;
    try {
      document = text === null ? null : parseTwiml(text);
    } catch {
      document = null;
    }
    // Twilio says "an application error has occurred" and hangs up.
    if (!document && kind === 'answer') counters.answerFetches.failed++;
    return document;
  }

  /** Lets simulated time pass on the line; false when the callee hung up meanwhile. */
  private async spend(seconds: number): Promise<boolean> {
    if (this.listenLeft < seconds) {
      await this.wait(this.listenLeft);
      this.spoken += this.listenLeft;
      this.listenLeft = 0;
      return false;
    }
    await this.wait(seconds);
    this.spoken += seconds;
    this.listenLeft -= seconds;
    return true;
  }

  /** Plays verbs to the callee; false when the call ended (hang-up on either side). */
  private async perform(verbs: TwimlElement[], documentUrl: string): Promise<boolean> {
    const messageSeconds = this.context.options().messageSeconds;
    for (const verb of verbs) {
      switch (verb.name) {
        case 'Play':
          if (!(await this.spend(messageSeconds))) return false;
          break;
        case 'Say':
          if (!(await this.spend(sayingSeconds(verb.text)))) return false;
          break;
        case 'Pause':
          if (!(await this.spend(Number(verb.attributes.length) || 1))) return false;
          break;
        case 'Hangup':
          return false;
        case 'Gather':
          if (!(await this.gather(verb, documentUrl))) return false;
          break;
        default:
          break; // verbs the simulator does not model are skipped
      }
    }
    return true;
  }

  private async gather(gather: TwimlElement, documentUrl: string): Promise<boolean> {
    const action = gather.attributes.action;
    // Twilio posts a relative action against the document's URL, and to the document itself
    // when there is none.
    const actionUrl = !action
      ? documentUrl
      : /^https?:\/\//i.test(action)
        ? action
        : new URL(action, documentUrl).href;
    if (!this.plan.presses) {
      if (!(await this.perform(gather.children, documentUrl))) return false;
      // No key: Twilio waits `timeout` seconds, then goes on with the next verb.
      return this.spend(Number(gather.attributes.timeout) || 5);
    }
    const prompt = gather.children.some((child) => child.name === 'Play')
      ? this.context.options().messageSeconds
      : 1;
    await this.spend(this.context.random.between(0.2, 0.8) * prompt);
    this.context.counters.digitsPressed++;
    const method = gather.attributes.method?.toUpperCase() === 'GET' ? 'GET' : 'POST';
    const digit = this.context.options().pressedDigit;
    const next = await this.fetchDocument(
      { url: actionUrl, method, params: this.params({ Digits: digit, FinishedOnKey: '' }) },
      'action',
    );
    if (!next) return false;
    await this.perform(next.children, actionUrl);
    // The action's document replaces the rest of this one.
    return false;
  }
}
