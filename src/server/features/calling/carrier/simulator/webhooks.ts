/**
 * Requests the simulator makes to Levier, each signed as Twilio signs them (X-Twilio-Signature:
 * HMAC-SHA1 of the URL and the sorted parameters, with the account's auth token), and the
 * disorder a real carrier brings to callbacks: some sent twice, some after the next one.
 */
import twilio from 'twilio';
import type { RuntimeOptions } from './options.ts';
import type { Random } from './random.ts';
import type { Counters } from './stats.ts';

export interface Webhook {
  url: string;
  method: 'GET' | 'POST';
  params: Record<string, string>;
}

export interface WebhookContext {
  authToken: string;
  options(): RuntimeOptions;
  random: Random;
  counters: Counters;
  /** Aborted when the simulator closes: nothing waits on Levier any more. */
  closing: AbortSignal;
}

export function signedRequest(
  hook: Webhook,
  authToken: string,
): { url: string; init: RequestInit } {
  if (hook.method === 'GET') {
    // A GET carries its parameters in the query, and Twilio signs that full URL alone.
    const query = new URLSearchParams(hook.params).toString();
    const url = query ? `${hook.url}${hook.url.includes('?') ? '&' : '?'}${query}` : hook.url;
    const signature = twilio.getExpectedTwilioSignature(authToken, url, {});
    return { url, init: { method: 'GET', headers: { 'x-twilio-signature': signature } } };
  }
  const signature = twilio.getExpectedTwilioSignature(authToken, hook.url, hook.params);
  return {
    url: hook.url,
    init: {
      method: 'POST',
      headers: {
        'x-twilio-signature': signature,
        'content-type': 'application/x-www-form-urlencoded',
      },
      body: new URLSearchParams(hook.params).toString(),
    },
  };
}

export class WebhookSender {
  constructor(private readonly context: WebhookContext) {}

  /** One signed request; its answer's text, or null when it failed (Twilio does not retry). */
  async request(hook: Webhook): Promise<string | null> {
    const { url, init } = signedRequest(hook, this.context.authToken);
    const signal = AbortSignal.any([
      this.context.closing,
      AbortSignal.timeout(this.context.options().callbackTimeoutMs),
    ]);
    try {
      const response = await fetch(url, { ...init, signal });
      const text = await response.text();
      return response.ok ? text : null;
    } catch {
      return null;
    }
  }

  /** A callback, sent twice now and then. */
  async callback(hook: Webhook): Promise<void> {
    const { counters, random, options } = this.context;
    const deliver = async () => {
      counters.callbacks.sent++;
      if ((await this.request(hook)) === null) counters.callbacks.failed++;
    };
    await deliver();
    if (random.chance(options().duplicateCallbackShare)) {
      counters.callbacks.duplicates++;
      await deliver();
    }
  }

  /**
   * One call's status callbacks, sent one after the other in the order given, except one held
   * back now and then and sent right after the next (the last one is never held: it releases).
   */
  statusChannel(): { emit(hook: Webhook, last: boolean): void; settled(): Promise<void> } {
    let chain: Promise<void> = Promise.resolve();
    let held: Webhook | null = null;
    return {
      emit: (hook, last) => {
        chain = chain.then(async () => {
          const { random, options, counters } = this.context;
          if (!last && held === null && random.chance(options().outOfOrderCallbackShare)) {
            held = hook;
            return;
          }
          await this.callback(hook);
          if (held) {
            const late = held;
            held = null;
            counters.callbacks.outOfOrder++;
            await this.callback(late);
          }
        });
      },
      settled: () => chain,
    };
  }
}
