import { twilioRequester } from '../calling/carrier/twilio-http.ts';
import type { SmsProvider } from './port.ts';

export interface TwilioSmsOptions {
  accountSid: string;
  authToken: string;
  /** Send through this Messaging Service (its sender pool) rather than `From` alone. */
  messagingServiceSid?: string;
  baseUrl?: string;
  requestTimeoutMs?: number;
}

/**
 * The Twilio adapter: one POST to /Messages.json per text, with the sender ID as `From`, the
 * validity period and the status callback. Failures come as the voice adapter's CarrierError
 * kinds (same HTTP client): the dispatcher retries them, and a campaign text whose request may
 * have reached Twilio is never sent again (the channel's `once`).
 */
export function createTwilioSms(options: TwilioSmsOptions): SmsProvider {
  const request = twilioRequester({
    accountSid: options.accountSid,
    authToken: options.authToken,
    baseUrl: options.baseUrl ?? 'https://api.twilio.com',
    requestTimeoutMs: options.requestTimeoutMs ?? 10_000,
  });
  return {
    name: 'twilio',
    async send(sms) {
      const form = new URLSearchParams({
        To: sms.to,
        From: sms.from,
        Body: sms.body,
        ValidityPeriod: String(sms.validitySeconds),
      });
      if (options.messagingServiceSid) form.set('MessagingServiceSid', options.messagingServiceSid);
      if (sms.statusCallbackUrl) form.set('StatusCallback', sms.statusCallbackUrl);
      const answer = (await request(
        'POST',
        `/2010-04-01/Accounts/${encodeURIComponent(options.accountSid)}/Messages.json`,
        form,
      )) as { sid?: string };
      if (!answer.sid) throw new Error('Twilio answered without a message sid');
      return { providerId: answer.sid };
    },
  };
}
