/**
 * The Twilio adapter of the voice carrier port: REST Calls over fetch, TwiML and signature checks
 * by the official library. Any carrier speaking Twilio's API answers at another `baseUrl` (the
 * carrier simulator does).
 */
import twilio from 'twilio';
import { z } from 'zod';
import { CarrierError, type CarrierCallRecord, type VoiceCarrier } from './port.ts';
import {
  carrierCallRecordFrom,
  twilioCallPageSchema,
  twilioCallSchema,
  twilioDate,
  type TwilioCall,
} from './twilio-call-record.ts';
import { twilioRequester, type TwilioRequest } from './twilio-http.ts';
import { answerTwiml, optOutConfirmationTwiml } from './twilio-twiml.ts';

export interface TwilioCarrierOptions {
  accountSid: string;
  authToken: string;
  /** Default https://api.twilio.com. */
  baseUrl?: string;
  /** Default 5000. */
  requestTimeoutMs?: number;
}

const STATUS_EVENTS = ['initiated', 'ringing', 'answered', 'completed'];
const LIST_PAGE_SIZE = '100';
/** Twilio signals a call that can no longer be changed (already ended) with this code. */
const CALL_NOT_MODIFIABLE = '21220';
const NOT_FOUND = '20404';

function parsed<T>(schema: z.ZodType<T>, body: unknown, what: string): T {
  const result = schema.safeParse(body);
  if (!result.success) {
    // Unreadable but successful: for a create, the call exists and its id is lost.
    throw new CarrierError(
      'unknown',
      `Twilio's ${what} could not be read: ${result.error.message}`,
    );
  }
  return result.data;
}

/** The UTC day of a date, as Twilio's StartTime filter takes it. */
function utcDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

export function createTwilioCarrier(options: TwilioCarrierOptions): VoiceCarrier {
  const request: TwilioRequest = twilioRequester({
    accountSid: options.accountSid,
    authToken: options.authToken,
    baseUrl: options.baseUrl ?? 'https://api.twilio.com',
    requestTimeoutMs: options.requestTimeoutMs ?? 5000,
  });
  const callsPath = `/2010-04-01/Accounts/${encodeURIComponent(options.accountSid)}/Calls`;
  const callPath = (sid: string) => `${callsPath}/${encodeURIComponent(sid)}.json`;

  async function listAll(filter: URLSearchParams): Promise<TwilioCall[]> {
    const calls: TwilioCall[] = [];
    let path: string | null | undefined = `${callsPath}.json?${filter.toString()}`;
    while (path) {
      const page: z.infer<typeof twilioCallPageSchema> = parsed(
        twilioCallPageSchema,
        await request('GET', path),
        'call list',
      );
      calls.push(...page.calls);
      path = page.next_page_uri;
    }
    return calls;
  }

  /** Changes a call in progress; one already over has nothing left to change. */
  async function changeCall(carrierCallId: string, form: URLSearchParams) {
    try {
      await request('POST', callPath(carrierCallId), form);
    } catch (error) {
      if (error instanceof CarrierError && error.carrierCode === CALL_NOT_MODIFIABLE) return;
      throw error;
    }
  }

  return {
    name: 'twilio',

    async placeCall(call) {
      const form = new URLSearchParams({
        To: call.to,
        From: call.from,
        Url: call.answerUrl,
        Method: 'POST',
        StatusCallback: call.statusCallbackUrl,
        StatusCallbackMethod: 'POST',
        Timeout: String(call.ringSeconds),
      });
      for (const event of STATUS_EVENTS) form.append('StatusCallbackEvent', event);
      if (call.detectMachines) {
        form.append('MachineDetection', 'DetectMessageEnd');
        form.append('AsyncAmd', 'true');
        form.append('AsyncAmdStatusCallback', call.machineDetectionUrl);
        form.append('AsyncAmdStatusCallbackMethod', 'POST');
      }
      const created = parsed(
        z.object({ sid: z.string().min(1) }),
        await request('POST', `${callsPath}.json`, form),
        'created call',
      );
      return { carrierCallId: created.sid };
    },

    async fetchCall(carrierCallId) {
      try {
        const call = parsed(
          twilioCallSchema,
          await request('GET', callPath(carrierCallId)),
          'call',
        );
        return carrierCallRecordFrom(call);
      } catch (error) {
        if (error instanceof CarrierError && error.carrierCode === NOT_FOUND) return null;
        throw error;
      }
    },

    async findCalls({ to, from, since }) {
      // Twilio's dates are to the second: a call created in the same second as `since` counts.
      const sinceSecond = Math.floor(since.getTime() / 1000) * 1000;
      // StartTime filters out calls not dialled yet (no start time), so queued calls are asked
      // apart, and first: a call that leaves the queue between the two requests is then in the
      // second answer, not in neither.
      const queued = await listAll(
        new URLSearchParams({ To: to, From: from, Status: 'queued', PageSize: LIST_PAGE_SIZE }),
      );
      const started = await listAll(
        new URLSearchParams({
          To: to,
          From: from,
          // Twilio's inequality filter: the key is `StartTime>`, so the query reads StartTime>=day.
          'StartTime>': utcDay(since),
          PageSize: LIST_PAGE_SIZE,
        }),
      );
      const bySid = new Map<string, CarrierCallRecord>();
      for (const call of [...queued, ...started]) {
        const created = twilioDate(call.date_created) ?? twilioDate(call.start_time);
        if (!created || created.getTime() < sinceSecond) continue;
        // The later answer is the fresher.
        bySid.set(call.sid, carrierCallRecordFrom(call));
      }
      return [...bySid.values()];
    },

    async cancelCall(carrierCallId) {
      await changeCall(carrierCallId, new URLSearchParams({ Status: 'canceled' }));
    },

    async endCall(carrierCallId) {
      await changeCall(carrierCallId, new URLSearchParams({ Status: 'completed' }));
    },

    async redirectCall(carrierCallId, url) {
      await changeCall(carrierCallId, new URLSearchParams({ Url: url, Method: 'POST' }));
    },

    verifyCallback({ url, params, signature }) {
      if (!signature) return false;
      try {
        return twilio.validateRequest(options.authToken, signature, url, params);
      } catch {
        // An URL the library cannot parse was not signed by Twilio.
        return false;
      }
    },

    answerDocument: answerTwiml,
    optOutConfirmationDocument: optOutConfirmationTwiml,
  };
}
