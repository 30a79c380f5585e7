/**
 * The voice carrier port: how Levier asks a carrier to place a call, learns what became of it
 * and cancels it. Adapters: Twilio (REST Calls + TwiML; any carrier speaking Twilio's API at
 * another base URL) and the carrier simulator (development, tests, load runs).
 */

/** A call's status as the carrier reports it (Twilio's names). */
export type CarrierCallStatus =
  | 'queued'
  | 'initiated'
  | 'ringing'
  | 'in-progress'
  | 'completed'
  | 'busy'
  | 'no-answer'
  | 'failed'
  | 'canceled';

/** Who or what answered, from asynchronous answering-machine detection. */
export type AnsweredBy = 'human' | 'machine' | 'fax' | 'unknown';

export interface PlaceCallRequest {
  /** Levier's attempt id: every URL below carries it, so callbacks find their attempt. */
  attemptId: number;
  /** E.164 numbers. */
  to: string;
  from: string;
  /** Fetched by the carrier when the call is answered (TwiML). */
  answerUrl: string;
  /** Receives every status change (initiated, ringing, answered, completed). */
  statusCallbackUrl: string;
  /** Receives the answering-machine detection result, apart from the status. */
  machineDetectionUrl: string;
  /** Seconds to let it ring before no-answer. */
  ringSeconds: number;
  /** Detect answering machines (asynchronously: the message starts at once for humans). */
  detectMachines: boolean;
}

/** What a carrier says of one call when asked (reconciliation). */
export interface CarrierCallRecord {
  carrierCallId: string;
  to: string;
  from: string;
  status: CarrierCallStatus;
  answeredBy: AnsweredBy | null;
  /** Seconds the call lasted once answered. */
  durationSeconds: number | null;
  startedAt: Date | null;
  endedAt: Date | null;
  /** Price in cents (EUR) when the carrier tells it. */
  priceCents: number | null;
}

/**
 * A carrier's refusal or silence. `kind` decides what Levier does with the attempt:
 * - `rejected`: the carrier said no to this call (invalid number, blocked destination): the
 *   attempt failed, the call was not placed;
 * - `rate_limited`: too many calls a second or at once: the attempt is put back, untried;
 * - `unavailable`: no call was placed for sure and the carrier cannot take calls now
 *   (connection refused, DNS failure, credentials refused): back-off, the attempt is put back;
 * - `unknown`: the request may have reached the carrier (timeout, any 5xx: a create may have
 *   succeeded before the error, connection reset): the attempt is `unknown` and never redialled
 *   until reconciliation settles it.
 */
export class CarrierError extends Error {
  constructor(
    readonly kind: 'rejected' | 'rate_limited' | 'unavailable' | 'unknown',
    message: string,
    readonly carrierCode?: string,
  ) {
    super(message);
    this.name = 'CarrierError';
  }
}

/** A callback as the HTTP layer received it, for the adapter to verify. */
export interface ReceivedCallback {
  /** The full URL the carrier posted to, as it signed it (scheme, host, path and query). */
  url: string;
  /** The form parameters of the POST body. */
  params: Record<string, string>;
  /** The signature header (Twilio: X-Twilio-Signature). */
  signature: string | undefined;
}

/** What Levier says to the callee once a call is answered (rendered as TwiML by the adapter). */
export interface AnsweredScript {
  /** Public URL of the recording to play. */
  playUrl: string;
  /** When set, a keypress of this digit during the message calls `optOutUrl`. */
  optOutDigit?: string;
  optOutUrl?: string;
  /** Leave nothing and hang up (an answering machine with the "hang up" setting). */
  hangUp?: boolean;
}

export interface VoiceCarrier {
  /** 'twilio' | 'simulator' */
  readonly name: string;
  /** Places a call; resolves with the carrier's id for it, or throws a CarrierError. */
  placeCall(request: PlaceCallRequest): Promise<{ carrierCallId: string }>;
  /** One call's record by the carrier's id (null: the carrier knows no such call). */
  fetchCall(carrierCallId: string): Promise<CarrierCallRecord | null>;
  /**
   * Calls to `to` from `from` placed since `since` (reconciliation of an attempt whose
   * placing answer was lost, so whose carrier id is unknown).
   */
  findCalls(query: { to: string; from: string; since: Date }): Promise<CarrierCallRecord[]>;
  /** Cancels a call still queued or ringing at the carrier; a call in progress is left. */
  cancelCall(carrierCallId: string): Promise<void>;
  /** Hangs up a call in progress (an answering machine, with the "hang up" setting). */
  endCall(carrierCallId: string): Promise<void>;
  /** Has a call in progress fetch its instructions again at `url` (the machine's message). */
  redirectCall(carrierCallId: string, url: string): Promise<void>;
  /** True when the callback was signed by this carrier with the configured secret. */
  verifyCallback(callback: ReceivedCallback): boolean;
  /** TwiML (or the carrier's equivalent) for an answered call. */
  answerDocument(script: AnsweredScript): string;
  /** TwiML for after the opt-out keypress: the spoken confirmation, then hang up. */
  optOutConfirmationDocument(confirmation: { text: string; language: string }): string;
}
