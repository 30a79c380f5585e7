/** The carrier simulator's options: what it is started with and what can change while it runs. */
import { z } from 'zod';

const share = z.number().min(0).max(1);
const seconds = z.number().min(0);
const range = z
  .object({ min: seconds, max: seconds })
  .refine((r) => r.min <= r.max, 'min must not exceed max');

/** What becomes of a placed call; the four shares add up to 1. */
const outcomes = z
  .object({ answered: share, busy: share, noAnswer: share, failed: share })
  .refine(
    (o) => Math.abs(o.answered + o.busy + o.noAnswer + o.failed - 1) < 1e-9,
    'the outcome shares must add up to 1',
  );

/** Options that `configure` may change while the simulator runs (new calls draw from them). */
export const runtimeOptionsSchema = z.object({
  /** Simulated seconds to real seconds: 0.001 makes a 30 s call last 30 ms. */
  timeScale: z.number().positive(),
  /** Creates accepted in any rolling second (real time); more get Twilio's 429 / 20429. */
  callsPerSecond: z.number().int().positive(),
  /** Calls not yet ended at once; more get 429 / 20429 too. */
  maxConcurrentCalls: z.number().int().positive(),
  outcomes,
  /** Of answered calls: answered by a machine, or a fax (the rest by a human). */
  machineShare: share,
  faxShare: share,
  /** Simulated seconds a created call waits in Twilio's queue before it is dialled. */
  queuedSeconds: seconds,
  /** Simulated seconds an answered call rings first (capped by the request's Timeout). */
  ringSeconds: range,
  /** Simulated length of the played message (the simulator does not download it). */
  messageSeconds: seconds,
  /** Of humans: those who listen to the end; the others hang up somewhere in the message. */
  listenToEndShare: share,
  /** Simulated seconds a machine's greeting lasts before the beep (AMD's answer for it). */
  machineGreetingSeconds: range,
  /** Numbers that always answer as a human and press `pressedDigit` during the message. */
  pressingNumbers: z.array(z.string()),
  /** Of other humans: those who press it too. */
  pressingShare: share,
  pressedDigit: z.string().regex(/^[0-9*#]$/),
  /** Of creates: answered 500; of those, the call was created first (the "lost answer"). */
  serverErrorShare: share,
  serverErrorAfterCreateShare: share,
  /** Of callbacks: sent twice; held back and sent after the call's next one. */
  duplicateCallbackShare: share,
  outOfOrderCallbackShare: share,
  /** Refuse connections to the API, or answer it 503; the control URL stays reachable. */
  unreachable: z.union([z.literal(false), z.literal('refuse'), z.literal('503')]),
  /** Destinations refused with Twilio's 21215 (geographic permission). */
  blockedPrefixes: z.array(z.string()),
  /** Euros a started minute of a completed call costs, as Twilio writes prices. */
  pricePerMinute: z.string().regex(/^\d+\.\d{1,5}$/),
  /** Largest page a call list returns (Twilio's is 1000); tests lower it to see paging. */
  maxListPageSize: z.number().int().positive(),
  /** Real milliseconds the simulator waits for Levier's answer to a callback (Twilio: 15 s). */
  callbackTimeoutMs: z.number().int().positive(),
});
export type RuntimeOptions = z.infer<typeof runtimeOptionsSchema>;

export const startOptionsSchema = runtimeOptionsSchema.extend({
  accountSid: z.string().regex(/^AC[0-9a-zA-Z]+$/, 'an account sid starts with AC'),
  authToken: z.string().min(1),
  host: z.string().min(1),
  /** The API's port (0: any free one). */
  port: z.number().int().min(0).max(65535),
  /** The control endpoints' own port, reachable while the API refuses connections. */
  controlPort: z.number().int().min(0).max(65535),
  /** Seeds the draws: the same seed and the same creates give the same outcomes. */
  seed: z.number().int(),
});
export type SimulatorOptions = z.infer<typeof startOptionsSchema>;

export const DEFAULT_OPTIONS: Omit<SimulatorOptions, 'accountSid' | 'authToken'> = {
  host: '127.0.0.1',
  port: 0,
  controlPort: 0,
  seed: 1,
  timeScale: 1,
  callsPerSecond: 300,
  maxConcurrentCalls: 30_000,
  outcomes: { answered: 0.55, busy: 0.05, noAnswer: 0.35, failed: 0.05 },
  machineShare: 0.3,
  faxShare: 0,
  queuedSeconds: 0.2,
  ringSeconds: { min: 3, max: 15 },
  messageSeconds: 30,
  listenToEndShare: 0.6,
  machineGreetingSeconds: { min: 5, max: 15 },
  pressingNumbers: [],
  pressingShare: 0.01,
  pressedDigit: '9',
  serverErrorShare: 0,
  serverErrorAfterCreateShare: 0.5,
  duplicateCallbackShare: 0,
  outOfOrderCallbackShare: 0,
  unreachable: false,
  blockedPrefixes: [],
  pricePerMinute: '0.01300',
  maxListPageSize: 1000,
  callbackTimeoutMs: 15_000,
};

export type SimulatorStartOptions = Pick<SimulatorOptions, 'accountSid' | 'authToken'> &
  Partial<SimulatorOptions>;

/** Options with defaults filled in; throws a readable error on a bad one. */
export function resolveOptions(input: unknown): SimulatorOptions {
  const merged =
    typeof input === 'object' && input !== null ? { ...DEFAULT_OPTIONS, ...input } : input;
  const result = startOptionsSchema.safeParse(merged);
  if (!result.success) throw new Error(`Bad simulator options: ${z.prettifyError(result.error)}`);
  return result.data;
}

/** A change of runtime options; throws a readable error on a bad one. */
export function parseConfiguration(input: unknown): Partial<RuntimeOptions> {
  const result = runtimeOptionsSchema.partial().strict().safeParse(input);
  if (!result.success) {
    throw new Error(`Bad simulator configuration: ${z.prettifyError(result.error)}`);
  }
  return result.data;
}
