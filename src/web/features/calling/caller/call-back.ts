import { TIME_ZONE } from '../../../core/format.ts';
import { isoToZoned, zonedToIso } from '../../../core/zoned-time.ts';
import { durationText } from '../labels.ts';

/** How far ahead a call-back may be set (the server's limit). */
export const CALL_BACK_MAX_DAYS = 30;
const DAY = 24 * 3600_000;

/**
 * A call-back is typed in the phone's own date-time field (`YYYY-MM-DDTHH:mm`), on the
 * campaign's clock as every time in the app, and sent as an instant with its offset.
 */
export const callBackIso = (local: string, timeZone = TIME_ZONE): string | null =>
  local ? zonedToIso(local.replace('T', ' '), timeZone) : null;

/** An instant as the date-time field holds it, to the minute. */
export const toFieldValue = (instant: Date, timeZone = TIME_ZONE): string =>
  isoToZoned(instant.toISOString(), timeZone).slice(0, 16).replace(' ', 'T');

/** The field's bounds: from the next minute to 30 days ahead. */
export function callBackBounds(now: Date, timeZone = TIME_ZONE) {
  return {
    min: toFieldValue(new Date(now.getTime() + 60_000), timeZone),
    max: toFieldValue(new Date(now.getTime() + CALL_BACK_MAX_DAYS * DAY), timeZone),
  };
}

export type CallBackProblem = 'required' | 'invalid_date' | 'in_past' | 'too_far';

/** What is wrong with a call-back time, or null. */
export function callBackProblem(
  local: string,
  now: Date,
  timeZone = TIME_ZONE,
): CallBackProblem | null {
  if (!local) return 'required';
  const iso = callBackIso(local, timeZone);
  if (!iso) return 'invalid_date';
  const at = Date.parse(iso);
  if (at <= now.getTime()) return 'in_past';
  if (at > now.getTime() + CALL_BACK_MAX_DAYS * DAY) return 'too_far';
  return null;
}

/** Seconds left before a claim ends (never below zero). */
export const secondsLeft = (until: string, now: number): number =>
  Math.max(0, Math.ceil((Date.parse(until) - now) / 1000));

/** A countdown as "m:ss" ("12:05", "0:09"), as a recording's length is shown. */
export const countdown = (seconds: number): string => durationText(seconds);
