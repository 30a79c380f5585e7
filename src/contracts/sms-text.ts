/**
 * The rules of a campaign text, shared by the server (what is sent and billed) and the editor
 * (what staff see while typing): GSM-7 or UCS-2, segments, the STOP mention, the sender name,
 * the placeholders.
 */

/** GSM 03.38 basic character set (one septet each; ESC left out). */
const GSM_BASIC = new Set(
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà',
);
/** GSM 03.38 extension table: two septets each (ESC + the character). */
const GSM_EXTENDED = new Set('^{}\\[~]|€\f');

export type SmsEncoding = 'GSM-7' | 'UCS-2';

export const isGsm7 = (text: string) =>
  [...text].every((c) => GSM_BASIC.has(c) || GSM_EXTENDED.has(c));

export interface SmsLength {
  encoding: SmsEncoding;
  /** Septets (GSM-7) or UTF-16 code units (UCS-2). */
  units: number;
  segments: number;
  /** Units left in the last segment before one more is needed. */
  remaining: number;
}

/**
 * Length and segments of a text: GSM-7 holds 160 septets in one message, 153 per segment once
 * concatenated (an extension character takes two and is never split); UCS-2 70 code units,
 * 67 per segment (a surrogate pair is never split).
 */
export function smsLength(text: string): SmsLength {
  const gsm = isGsm7(text);
  const single = gsm ? 160 : 70;
  const part = gsm ? 153 : 67;
  const sizes = gsm
    ? [...text].map((c) => (GSM_EXTENDED.has(c) ? 2 : 1))
    : [...text].map((c) => c.length);
  const units = sizes.reduce((sum, n) => sum + n, 0);
  if (units === 0)
    return { encoding: gsm ? 'GSM-7' : 'UCS-2', units, segments: 0, remaining: single };
  if (units <= single) {
    return { encoding: gsm ? 'GSM-7' : 'UCS-2', units, segments: 1, remaining: single - units };
  }
  // Fill segments character by character: a two-unit character that does not fit goes whole
  // into the next segment.
  let segments = 1;
  let used = 0;
  for (const size of sizes) {
    if (used + size > part) {
      segments += 1;
      used = 0;
    }
    used += size;
  }
  return { encoding: gsm ? 'GSM-7' : 'UCS-2', units, segments, remaining: part - used };
}

/** The mandatory opt-out mention, with the provider's short number the STOP reply goes to. */
export const stopMention = (stopNumber: string) => `STOP au ${stopNumber}`;

/** The text as sent: the body, then the STOP mention on its own line. */
export const withStopMention = (body: string, stopNumber: string) =>
  `${body.trimEnd()}\n${stopMention(stopNumber)}`;

/**
 * An alphanumeric sender ID: 3 to 11 letters and digits, at least one letter (what French
 * operators and Twilio accept; a sender of digits only would look like a number to answer).
 */
export const SENDER_PATTERN = /^(?=.*[A-Za-z])[A-Za-z0-9]{3,11}$/;
export const isValidSender = (sender: string) => SENDER_PATTERN.test(sender);

/** The placeholders a text may hold, filled per recipient when it is sent. */
export const smsPlaceholders = ['prénom', 'commune'] as const;
export type SmsPlaceholder = (typeof smsPlaceholders)[number];
export type SmsPlaceholderValues = Record<SmsPlaceholder, string>;

/**
 * Characters the estimate counts for a placeholder (its value is not known before sending):
 * a long first name, a long commune name. A text whose values are longer may take one more
 * segment than shown.
 */
export const PLACEHOLDER_ALLOWANCE: SmsPlaceholderValues = {
  prénom: 'x'.repeat(12),
  commune: 'x'.repeat(24),
};

/**
 * Letters outside GSM-7 folded to their unaccented form ("Zoé" stays, "Loïc" → "Loic"), so a
 * value put into a GSM-7 text does not turn it into UCS-2 (shorter segments, a higher bill).
 */
export function foldToGsm7(value: string): string {
  return [...value]
    .map((c) => {
      if (GSM_BASIC.has(c) || GSM_EXTENDED.has(c)) return c;
      const plain = c.normalize('NFD').replace(/\p{M}/gu, '');
      return isGsm7(plain) ? plain : '?';
    })
    .join('');
}

/**
 * Fills `{prénom}` and `{commune}` (an unknown value is empty). In a GSM-7 text, the values
 * are folded to GSM-7 so that the encoding and the segments shown before sending hold.
 */
export function fillPlaceholders(text: string, values: SmsPlaceholderValues): string {
  const gsm = isGsm7(text);
  return text.replace(/\{(prénom|commune)\}/g, (_, key: SmsPlaceholder) => {
    const value = values[key] ?? '';
    return gsm ? foldToGsm7(value) : value;
  });
}

/** What one text of a campaign will be: the body with its STOP mention, placeholders at their allowance. */
export function smsEstimate(body: string, stopNumber: string): SmsLength {
  return smsLength(fillPlaceholders(withStopMention(body, stopNumber), PLACEHOLDER_ALLOWANCE));
}

/** Cost in euros of sending: segments × recipients × price per segment, to the cent. */
export const smsCost = (segments: number, recipients: number, pricePerSegment: number) =>
  Math.round(segments * recipients * pricePerSegment * 100) / 100;

const STOP_WORDS = new Set(['STOP', 'STOP SMS', 'STOPSMS', 'ARRET', 'ARRETER', 'UNSUBSCRIBE']);

/** Whether an inbound text asks to stop (case, accents, spaces and final punctuation ignored). */
export function isStopRequest(body: string): boolean {
  const plain = body
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toUpperCase()
    .replace(/[.!\s]+$/u, '')
    .replace(/^\s+/u, '')
    .replace(/\s+/gu, ' ');
  return STOP_WORDS.has(plain);
}
