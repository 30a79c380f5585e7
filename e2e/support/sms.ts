// Text campaigns at HQ, the steps sms-hq.spec.ts takes: a mobile number of its own per person,
// and a text "received" on the provider's number, signed as Twilio signs (X-Twilio-Signature)
// with the development secret the server checks SMS webhooks with when no Twilio account is set.
import { createHmac } from 'node:crypto';
import type { APIRequestContext } from '@playwright/test';
import twilio from 'twilio';
import { fromSetup } from './env.ts';
import { expect } from './fixtures.ts';

/** A random mainland mobile number (061…), national form and E.164. */
export function randomMobile(): { national: string; e164: string } {
  const digits = `061${String(Math.floor(Math.random() * 1e7)).padStart(7, '0')}`;
  return { national: digits.match(/../g)!.join(' '), e164: `+33${digits.slice(1)}` };
}

/**
 * The secret the server checks webhooks with when texts go through the development adapter:
 * the carrier simulator's, derived from the session secret (calling/carrier/configured.ts).
 */
function webhookToken(): string {
  const serverEnv = JSON.parse(fromSetup('serverEnv')) as Record<string, string>;
  return createHmac('sha256', serverEnv.SESSION_SECRET!).update('carrier-simulator').digest('hex');
}

/** Posts a text from `from` to the provider's number, as the provider would, signed or forged. */
export async function receiveText(
  request: APIRequestContext,
  from: string,
  body: string,
  { forged = false }: { forged?: boolean } = {},
) {
  const path = '/api/sms/webhooks/1/inbound';
  const url = `${fromSetup('baseURL')}${path}`;
  const form = { From: from, To: '36111', Body: body, MessageSid: `SM${Date.now()}` };
  const signature = forged
    ? 'forged'
    : twilio.getExpectedTwilioSignature(webhookToken(), url, form);
  const response = await request.post(path, { form, headers: { 'x-twilio-signature': signature } });
  expect(response.status(), await response.text()).toBe(forged ? 403 : 200);
}
