/**
 * The SMS port: how Levier hands a text to a provider. Adapters: Twilio (the Messages REST
 * API over fetch) and the development adapter (keeps the texts, shown to staff at /hq/sms).
 */
export interface OutgoingSms {
  /** E.164 */
  to: string;
  /** The alphanumeric sender ID. */
  from: string;
  body: string;
  /** Seconds the provider may keep trying before it gives up (Twilio ValidityPeriod). */
  validitySeconds: number;
  /** Where the provider reports delivery (null: no report asked, e.g. the dev adapter). */
  statusCallbackUrl: string | null;
}

export interface SmsProvider {
  /** 'twilio' | 'dev' */
  readonly name: string;
  /** Hands the text over; resolves with the provider's id for it, or throws. */
  send(sms: OutgoingSms): Promise<{ providerId: string }>;
}
