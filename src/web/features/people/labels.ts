import type { MessageKey, Translate } from '../../core/i18n/index.tsx';
import type { TriKey } from './filters.ts';

const sourceKeys: Record<string, MessageKey> = {
  signup: 'source.signup',
  embed: 'source.embed',
  import: 'source.import',
  admin: 'source.admin',
  staff: 'source.admin',
  event: 'source.event',
  event_rsvp: 'source.event_rsvp',
  donation: 'source.donation',
  manual: 'source.manual',
  login_code: 'source.login_code',
  login_link: 'source.login_link',
};

export const KNOWN_SOURCES = [
  'signup',
  'embed',
  'event_rsvp',
  'import',
  'manual',
  'staff',
  'event',
  'donation',
];

/** Where a person came from; a source the app does not know is shown as it is stored. */
export function sourceLabel(source: string, t: Translate): string {
  const key = sourceKeys[source];
  return key ? t(key) : source;
}

const consentSourceKeys: Record<string, MessageKey> = {
  supporter_space: 'consentSource.supporter_space',
  unsubscribe_link: 'consentSource.unsubscribe_link',
  complaint: 'consentSource.complaint',
  sms_stop: 'consentSource.sms_stop',
  call_request: 'consentSource.call_request',
  staff_phone: 'consentSource.staff_phone',
  staff_letter: 'consentSource.staff_letter',
  staff_in_person: 'consentSource.staff_in_person',
  staff_email: 'consentSource.staff_email',
  phone_bank: 'consentSource.phone_bank',
};

/** How a consent was given or withdrawn: its own sources, else those people come from. */
export function consentSourceLabel(source: string, t: Translate): string {
  const key = consentSourceKeys[source];
  return key ? t(key) : sourceLabel(source, t);
}

/** A language named in itself, as language pickers do. */
export function localeName(locale: string): string {
  if (locale === 'fr') return 'Français';
  if (locale === 'en') return 'English';
  return locale;
}

/** Where a person lives, as one line: "69001 Lyon", or whichever half is known. */
export function placeLabel(person: {
  postalCode: string | null;
  communeName: string | null;
}): string {
  return [person.postalCode, person.communeName].filter(Boolean).join(' ');
}

/** The yes/no filters, in the order the panel shows them. */
export const triLabelKeys: Record<TriKey, MessageKey> = {
  confirmed: 'filter.confirmed',
  consentEmail: 'filter.consentEmail',
  consentSms: 'filter.consentSms',
  consentPhone: 'filter.consentPhone',
};

/** A yes/no filter's value in words. */
export function yesNoLabel(value: 'yes' | 'no', t: Translate): string {
  return value === 'yes' ? t('common.yes') : t('common.no');
}
