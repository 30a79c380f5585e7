/** Twilio's call resource (REST JSON) read into the port's CarrierCallRecord. */
import { z } from 'zod';
import type { AnsweredBy, CarrierCallRecord, CarrierCallStatus } from './port.ts';

const CALL_STATUSES = [
  'queued',
  'initiated',
  'ringing',
  'in-progress',
  'completed',
  'busy',
  'no-answer',
  'failed',
  'canceled',
] as const satisfies readonly CarrierCallStatus[];

const nullableText = z.string().nullish();

/** The fields Levier reads; Twilio sends many more. */
export const twilioCallSchema = z.object({
  sid: z.string().min(1),
  to: z.string(),
  from: z.string(),
  status: z.enum(CALL_STATUSES),
  answered_by: nullableText,
  duration: nullableText,
  start_time: nullableText,
  end_time: nullableText,
  date_created: nullableText,
  price: nullableText,
  price_unit: nullableText,
});
export type TwilioCall = z.infer<typeof twilioCallSchema>;

export const twilioCallPageSchema = z.object({
  calls: z.array(twilioCallSchema),
  next_page_uri: nullableText,
});

/** Twilio's dates are RFC 2822 ("Tue, 31 Aug 2010 20:36:28 +0000"), to the second. */
export function twilioDate(value: string | null | undefined): Date | null {
  if (!value) return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
}

/**
 * Twilio's price is a negative decimal string in the account's currency ("-0.01300").
 * Levier counts euro cents, so another currency gives no price rather than a wrong one.
 * Rounded to the nearest cent (half up), without floating point.
 */
export function priceCentsFrom(
  price: string | null | undefined,
  unit: string | null | undefined,
): number | null {
  if (!price) return null;
  if (unit && unit.toUpperCase() !== 'EUR') return null;
  const match = /^-?(\d+)(?:\.(\d*))?$/.exec(price.trim());
  if (!match) return null;
  const fraction = (match[2] ?? '').padEnd(3, '0');
  const thousandths = Number(match[1]) * 1000 + Number(fraction.slice(0, 3));
  return Math.floor((thousandths + 5) / 10);
}

/** Async AMD's detailed answers (DetectMessageEnd) fold into the port's four. */
export function answeredByFrom(value: string | null | undefined): AnsweredBy | null {
  if (!value) return null;
  if (value === 'human' || value === 'fax' || value === 'unknown') return value;
  if (value.startsWith('machine')) return 'machine';
  return 'unknown';
}

function secondsFrom(value: string | null | undefined): number | null {
  if (value === null || value === undefined || value === '') return null;
  const seconds = Number(value);
  return Number.isFinite(seconds) ? seconds : null;
}

export function carrierCallRecordFrom(call: TwilioCall): CarrierCallRecord {
  return {
    carrierCallId: call.sid,
    to: call.to,
    from: call.from,
    status: call.status,
    answeredBy: answeredByFrom(call.answered_by),
    durationSeconds: secondsFrom(call.duration),
    startedAt: twilioDate(call.start_time),
    endedAt: twilioDate(call.end_time),
    priceCents: priceCentsFrom(call.price, call.price_unit),
  };
}
