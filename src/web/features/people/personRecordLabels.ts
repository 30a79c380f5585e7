import {
  consentRecordSourceSchema,
  contactChannelSchema,
  contactOutcomeSchema,
} from '../../../contracts/person-records.ts';
import type { MessageKey, Translate } from '../../core/i18n/index.tsx';

export const RECORD_SOURCES = consentRecordSourceSchema.options;
export const CONTACT_CHANNELS = contactChannelSchema.options;
export const CONTACT_OUTCOMES = contactOutcomeSchema.options;

const channelKeys: Record<string, MessageKey> = {
  email: 'consent.emailShort',
  sms: 'consent.smsShort',
  phone: 'consent.phoneShort',
  automated_call: 'person.channelAutomatedCall',
  email_tracking: 'person.channelEmailTracking',
};

/** A consent channel (email, SMS, calls, the measure of newsletter opens) in words. */
export const consentChannelLabel = (channel: string, t: Translate) =>
  channelKeys[channel] ? t(channelKeys[channel]) : channel;

export const recordSourceLabel = (source: (typeof RECORD_SOURCES)[number], t: Translate) =>
  t(`recordSource.${source}`);

export const contactChannelLabel = (channel: string, t: Translate) =>
  (CONTACT_CHANNELS as readonly string[]).includes(channel)
    ? t(`contactChannel.${channel as (typeof CONTACT_CHANNELS)[number]}`)
    : channel;

export const contactOutcomeLabel = (outcome: string, t: Translate) =>
  (CONTACT_OUTCOMES as readonly string[]).includes(outcome)
    ? t(`contactOutcome.${outcome as (typeof CONTACT_OUTCOMES)[number]}`)
    : outcome;
